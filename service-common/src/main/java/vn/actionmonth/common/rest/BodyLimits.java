package vn.actionmonth.common.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.actionmonth.common.problem.ProblemException;

import java.lang.reflect.Method;
import java.util.List;

/**
 * Refuses a body larger than its operation's {@link MaxBody} from its Content-Length, before
 * anything reads or parses it. A body sent without a length (chunked) is bounded by the
 * server-wide {@code quarkus.http.limits.max-body-size}, which {@link OversizedBodies} answers.
 */
public class BodyLimits {

    @ServerRequestFilter
    public void check(HttpServerRequest request, ResourceInfo resource) {
        String header = request.getHeader("Content-Length");
        if (header == null) {
            return;
        }
        long length;
        try {
            length = Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "Bad Request", "Content-Length is not a number",
                    List.of(vn.actionmonth.common.problem.Problem.Violation.header("Content-Length", "must be a number")),
                    null);
        }
        long limit = limitOf(resource.getResourceMethod(), resource.getResourceClass());
        if (length > limit) {
            throw tooLarge(limit);
        }
    }

    static long limitOf(Method method, Class<?> type) {
        MaxBody max = method == null ? null : method.getAnnotation(MaxBody.class);
        if (max == null && type != null) {
            max = type.getAnnotation(MaxBody.class);
        }
        return max == null ? MaxBody.DEFAULT : max.value();
    }

    /** 413 naming the body and the limit. */
    public static ProblemException tooLarge(long limit) {
        String detail = "the request body is larger than this operation takes (" + limit + " bytes)";
        return new ProblemException(413, "Content Too Large", detail,
                List.of(vn.actionmonth.common.problem.Problem.Violation.body("body", detail)), null);
    }
}
