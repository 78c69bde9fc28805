package vn.actionmonth.events.plan;

import java.util.regex.Pattern;

/**
 * What an indicator set code may be, as both plan-service (which names it in a plan's reporting
 * requirement) and report-service (which stores reports against it) accept it: one to thirty
 * capital letters, digits, underscores or hyphens, starting with a letter ("CAM", "CAM-2024").
 * An obligation naming any other code could not be stored by report-service.
 */
public final class IndicatorSetCode {

    public static final String REGEX = "[A-Z][A-Z0-9_-]{0,29}";
    public static final Pattern PATTERN = Pattern.compile(REGEX);
    public static final String RULE = "must be 1 to 30 capital letters, digits, '_' or '-', starting with a letter";

    private IndicatorSetCode() {
    }

    public static boolean isValid(String code) {
        return code != null && PATTERN.matcher(code).matches();
    }
}
