package vn.actionmonth.common.problem;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a plain token of at
 * most 100 characters, else a new UUID. The id is answered in the same header, carried in every
 * log line of the request ({@code requestId} in the MDC), in problem+json's {@code requestId},
 * and in the events the request causes (the outbox copies it), so that one report can be
 * followed from the HTTP request through Kafka to the notification it caused.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = vn.actionmonth.events.Correlation.REQUEST_ID;
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    void register(@Observes Router router) {
        router.route().order(-4).handler(context -> {
            String given = context.request().getHeader(HEADER);
            String id = given != null && PLAIN.matcher(given).matches() ? given : UUID.randomUUID().toString();
            context.request().headers().set(HEADER, id);
            context.response().putHeader(HEADER, id);
            MDC.put(MDC_KEY, id);
            context.next();
        });
    }

    /** The id {@link #register} gave the request. */
    public static String of(HttpServerRequest request) {
        return request.getHeader(HEADER);
    }
}
