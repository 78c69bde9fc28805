package vn.actionmonth.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Turns every error of the REST layer into {@code application/problem+json}; never a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return respond(e.status(), e.title(), e.getMessage(), e.violations(), e.headers(), request);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpServerRequest request) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            violations.add(violationOf(v));
        }
        violations.sort(Comparator.comparing(Problem.Violation::in).thenComparing(Problem.Violation::field));
        ProblemException p = Problems.invalid(violations);
        return respond(400, p.title(), p.getMessage(), violations, Map.of(), request);
    }

    /** A field of the wrong type (more specific than, and otherwise caught before, the general case). */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, HttpServerRequest request) {
        return unreadable(e, request);
    }

    /** A body that is not JSON, or a field of the wrong type: name the field by its JSON path. */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, HttpServerRequest request) {
        String field = "body";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : m.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            field = path.toString();
        }
        String message = e.getOriginalMessage();
        int cut = message == null ? -1 : message.indexOf(" at [Source");
        message = cut > 0 ? message.substring(0, cut) : message;
        return respond(400, "Bad Request", field + ": " + message,
                List.of(Problem.Violation.body(field, "unreadable value: " + message)), Map.of(), request);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, HttpServerRequest request) {
        return respond(401, "Unauthorized", "a valid bearer token is required", null,
                Map.of("WWW-Authenticate", "Bearer"), request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(403, "Forbidden", "the caller's roles do not allow this", null, Map.of(), request);
    }

    @ServerExceptionMapper
    public Response badParameter(vn.actionmonth.common.rest.ParamConverters.BadParameter e, HttpServerRequest request) {
        return respond(400, "Bad Request", e.getMessage(), List.of(e.violation()), Map.of(), request);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        Response.StatusType s = e.getResponse().getStatusInfo();
        return respond(s.getStatusCode(), s.getReasonPhrase(), e.getMessage(), null, Map.of(), request);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, HttpServerRequest request) {
        if (Unavailable.isDatabaseUnreachable(e)) {
            LOG.warnf("database unreachable on %s %s: %s", request.method(), request.path(), Unavailable.rootMessage(e));
            return respond(503, "Service Unavailable", "the service's database cannot be reached just now; "
                    + "nothing was changed, try again in " + Unavailable.RETRY_AFTER_SECONDS + " seconds", null,
                    Map.of("Retry-After", Integer.toString(Unavailable.RETRY_AFTER_SECONDS)), request);
        }
        LOG.errorf(e, "unexpected error on %s %s", request.method(), request.path());
        return respond(500, "Internal Server Error", "unexpected error; quote the request id " + RequestIds.of(request)
                + " when reporting it", null, Map.of(), request);
    }

    /**
     * Names a violated constraint as the client wrote it: a query parameter, header or path
     * parameter by its name (where it sits on a resource method's parameter), a body field by its
     * JSON path ({@code figures[0].value}).
     */
    static Problem.Violation violationOf(ConstraintViolation<?> v) {
        String in = "body";
        List<String> names = new ArrayList<>();
        Class<?>[] parameterTypes = null;
        String method = null;
        for (Path.Node node : v.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD -> {
                    method = node.getName();
                    parameterTypes = node.as(Path.MethodNode.class).getParameterTypes().toArray(Class<?>[]::new);
                }
                case CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> { }
                case PARAMETER -> {
                    names.clear();
                    String[] located = locate(v.getRootBeanClass(), method, parameterTypes,
                            node.as(Path.ParameterNode.class).getParameterIndex());
                    if (located != null) {
                        in = located[0];
                        names.add(located[1]);
                    }
                }
                default -> {
                    // An element's index or key sits on the node after the container: figures[0].value.
                    if (node.isInIterable() && !names.isEmpty()) {
                        Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                        if (at != null) {
                            names.set(names.size() - 1, names.get(names.size() - 1) + "[" + at + "]");
                        }
                    }
                    if (node.getName() != null) {
                        names.add(node.getName());
                    }
                }
            }
        }
        return new Problem.Violation(names.isEmpty() ? "body" : String.join(".", names), in, v.getMessage());
    }

    /**
     * {where, name} of a resource method's parameter bound to the request by JAX-RS; null for the
     * body. The class validated may be a generated subclass, whose override carries no annotations:
     * the declaring classes above it are read too.
     */
    private static String[] locate(Class<?> type, String method, Class<?>[] parameterTypes, int index) {
        for (Class<?> c = type; c != null && c != Object.class && method != null; c = c.getSuperclass()) {
            java.lang.reflect.Parameter p;
            try {
                p = c.getDeclaredMethod(method, parameterTypes).getParameters()[index];
            } catch (NoSuchMethodException e) {
                continue;
            }
            if (p.isAnnotationPresent(jakarta.ws.rs.QueryParam.class)) {
                return new String[] {"query", p.getAnnotation(jakarta.ws.rs.QueryParam.class).value()};
            }
            if (p.isAnnotationPresent(jakarta.ws.rs.HeaderParam.class)) {
                return new String[] {"header", p.getAnnotation(jakarta.ws.rs.HeaderParam.class).value()};
            }
            if (p.isAnnotationPresent(jakarta.ws.rs.PathParam.class)) {
                return new String[] {"path", p.getAnnotation(jakarta.ws.rs.PathParam.class).value()};
            }
        }
        return null;
    }

    private static Response respond(int status, String title, String detail, List<Problem.Violation> violations,
                                    Map<String, String> headers, HttpServerRequest request) {
        Problem body = new Problem("about:blank", title, status, detail, request == null ? null : request.path(),
                violations, request == null ? null : RequestIds.of(request));
        Response.ResponseBuilder r = Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
        headers.forEach(r::header);
        return r.build();
    }
}
