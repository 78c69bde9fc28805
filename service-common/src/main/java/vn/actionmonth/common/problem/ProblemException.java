package vn.actionmonth.common.problem;

import java.util.List;
import java.util.Map;

/**
 * Thrown by services to answer with a problem document; nothing the request asked for has been
 * written when it is thrown inside the request's transaction (which it rolls back).
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.Violation> violations;
    private final Map<String, String> headers;

    public ProblemException(int status, String title, String detail, List<Problem.Violation> violations,
                            Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.title = title;
        this.violations = violations;
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
