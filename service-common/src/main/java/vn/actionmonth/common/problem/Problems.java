package vn.actionmonth.common.problem;

import java.util.List;

/** The errors services raise, each with its status and, for bad input, the fields that are wrong. */
public final class Problems {

    private Problems() {
    }

    /** 400 naming one field of the request body. */
    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(Problem.Violation.body(field, message)));
    }

    /** 400 naming every bad field. */
    public static ProblemException invalid(List<Problem.Violation> violations) {
        String detail = violations.size() == 1
                ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " fields are invalid";
        return new ProblemException(400, "Bad Request", detail, List.copyOf(violations), null);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "Not Found", what + " " + id + " does not exist", null, null);
    }

    /** 409: well-formed, but the state of the resource does not allow it. */
    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, null, null);
    }

    /** 409 naming the field whose value clashes (a duplicate code, say). */
    public static ProblemException conflict(String field, String detail) {
        return new ProblemException(409, "Conflict", detail, List.of(Problem.Violation.body(field, detail)), null);
    }

    /** 412: If-Match does not match the current ETag. */
    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, "Precondition Failed", detail,
                List.of(Problem.Violation.header("If-Match", detail)), null);
    }

    /** 428: an update without If-Match. */
    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException(428, "Precondition Required", detail,
                List.of(Problem.Violation.header("If-Match", detail)), null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, null, null);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "Unauthorized", detail, null,
                java.util.Map.of("WWW-Authenticate", "Bearer"));
    }
}
