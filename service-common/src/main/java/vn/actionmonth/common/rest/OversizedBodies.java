package vn.actionmonth.common.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.actionmonth.common.problem.Problem;
import vn.actionmonth.common.problem.RequestIds;

import java.util.List;

/**
 * Answers a body whose Content-Length exceeds the server-wide limit with problem+json, like
 * every other refusal: the HTTP layer's own check (the next route) would answer a bare 413.
 */
@ApplicationScoped
public class OversizedBodies {

    private final long limit;
    private final ObjectMapper mapper;

    public OversizedBodies(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit, ObjectMapper mapper) {
        this.limit = limit.asLongValue();
        this.mapper = mapper;
    }

    void register(@Observes Router router) {
        router.route().order(-3).handler(context -> {
            String header = context.request().getHeader("Content-Length");
            long length;
            try {
                length = header == null ? -1 : Long.parseLong(header.strip());
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length <= limit) {
                context.next();
                return;
            }
            String detail = "the request body is larger than this service takes (" + limit + " bytes)";
            Problem problem = new Problem("about:blank", "Content Too Large", 413, detail, context.request().path(),
                    List.of(Problem.Violation.body("body", detail)), RequestIds.of(context.request()));
            try {
                context.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(mapper.writeValueAsString(problem));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                context.response().setStatusCode(413).end();
            }
        });
    }
}
