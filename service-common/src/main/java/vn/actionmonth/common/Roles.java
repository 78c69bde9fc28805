package vn.actionmonth.common;

import java.util.Set;

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

    /** The roles a token may grant; any other group in a token is ignored. */
    public static final Set<String> ALL = Set.of(ADMIN, PLANNER, REPORTER, APPROVER, VIEWER, SYSTEM);

    /**
     * Held by every caller whose token grants at least one role of {@link #ALL}: what every read
     * requires. Never taken from a token; {@link KnownRoles} adds it.
     */
    public static final String MEMBER = "member";

    private Roles() {
    }
}
