package vn.actionmonth.common;

/** The roles a token's {@code groups} claim may carry. */
public final class Roles {

    /** Manages the units and channels of its unit. */
    public static final String ADMIN = "admin";
    /** Creates and publishes the plans its unit issues. */
    public static final String PLANNER = "planner";
    /** Writes and submits its unit's reports. */
    public static final String REPORTER = "reporter";
    /** Returns or approves the reports sent to its unit. */
    public static final String APPROVER = "approver";
    /** Reads within its unit's subtree. */
    public static final String VIEWER = "viewer";
    /** Another system of the platform: reads everything. */
    public static final String SYSTEM = "system";

    private Roles() {
    }
}
