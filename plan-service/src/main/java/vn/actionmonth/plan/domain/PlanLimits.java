package vn.actionmonth.plan.domain;

/**
 * How much a plan may hold: the columns of {@code plan} and {@code campaign} (counted after NFC),
 * and for the lists kept as jsonb, bounds generous for any real document (the longest of the
 * sample plans has 14 assignments and 38 reporting units).
 */
public final class PlanLimits {

    public static final int NUMBER = 100;
    public static final int TITLE = 1000;
    public static final int PLACE = 200;
    public static final int DATE_LINE = 300;
    public static final int THEME = 500;
    /** Objectives, requirements, an activity's description, a task, the reporting section: a few pages. */
    public static final int LONG_TEXT = 20_000;
    public static final int LINE = 1000;
    public static final int DUE_TEXT = 200;
    public static final int SIGNER_NAME = 200;
    public static final int SIGNER_TITLE = 300;
    public static final int REASON = 1000;
    public static final int CAMPAIGN_NAME = 300;
    public static final int ITEMS = 200;
    public static final int UNITS = 5000;
    /** Reporting requirements of one plan: real plans have one to three. */
    public static final int REQUIREMENTS = 20;
    /** A plan's JSON body: the longest real plan is some 60 KB. */
    public static final long BODY = 1024 * 1024;

    private PlanLimits() {
    }
}
