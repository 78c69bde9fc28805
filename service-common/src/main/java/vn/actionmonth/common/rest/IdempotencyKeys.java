package vn.actionmonth.common.rest;

import vn.actionmonth.common.problem.Problem;
import vn.actionmonth.common.problem.Problems;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} header a client sends with a POST that creates or submits, so that
 * a retry counts once. A key is 1 to {@link #MAX_LENGTH} visible ASCII characters (a UUID is
 * typical); anything else is refused with 400 naming the header before anything is read or written.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 200;
    private static final Pattern VISIBLE = Pattern.compile("[\\x21-\\x7E]{1," + MAX_LENGTH + "}");

    private IdempotencyKeys() {
    }

    /** The key, or null when none was sent (an empty header counts as none). */
    public static String parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String key = header.strip();
        if (!VISIBLE.matcher(key).matches()) {
            throw Problems.invalid(List.of(Problem.Violation.header(HEADER,
                    "must be 1 to " + MAX_LENGTH + " visible ASCII characters, such as a UUID")));
        }
        return key;
    }
}
