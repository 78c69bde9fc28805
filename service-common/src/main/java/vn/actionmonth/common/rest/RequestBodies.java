package vn.actionmonth.common.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.actionmonth.common.problem.Problem;
import vn.actionmonth.common.problem.ProblemException;

import java.lang.reflect.Method;
import java.util.List;

/**
 * Checks a request body before anything reads or parses it: one larger than its operation's
 * {@link MaxBody} (by its Content-Length) is a 413; one sent without a Content-Type, or with one
 * the operation does not take ({@code @Consumes}), is a 415, not guessed to be JSON. A body sent without a length
 * (chunked) is bounded by the server-wide {@code quarkus.http.limits.max-body-size}, which
 * {@link OversizedBodies} answers.
 */
public class RequestBodies {

    @ServerRequestFilter
    public void check(HttpServerRequest request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        long length = contentLength(request);
        boolean hasBody = length > 0 || request.getHeader("Transfer-Encoding") != null;
        Consumes consumes = consumes(method, type);
        if (hasBody && consumes != null && !accepted(request.getHeader("Content-Type"), consumes)) {
            String expected = String.join(", ", consumes.value());
            throw new ProblemException(415, "Unsupported Media Type", "send the body as " + expected,
                    List.of(Problem.Violation.header("Content-Type", "must be " + expected)), null);
        }
        long limit = limitOf(method, type);
        if (length > limit) {
            throw tooLarge(limit);
        }
    }

    private static long contentLength(HttpServerRequest request) {
        String header = request.getHeader("Content-Length");
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "Bad Request", "Content-Length is not a number",
                    List.of(Problem.Violation.header("Content-Length", "must be a number")), null);
        }
    }

    /** Whether the body's declared type is one the operation takes; a missing or unreadable one is not. */
    private static boolean accepted(String contentType, Consumes consumes) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        MediaType given;
        try {
            given = MediaType.valueOf(contentType.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (String value : consumes.value()) {
            for (String one : value.split(",")) {
                MediaType taken = MediaType.valueOf(one.strip());
                if (taken.getType().equalsIgnoreCase(given.getType()) && taken.getSubtype().equalsIgnoreCase(given.getSubtype())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Consumes consumes(Method method, Class<?> type) {
        Consumes c = method == null ? null : method.getAnnotation(Consumes.class);
        return c != null || type == null ? c : type.getAnnotation(Consumes.class);
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
        return new ProblemException(413, "Content Too Large", detail, List.of(Problem.Violation.body("body", detail)), null);
    }
}
