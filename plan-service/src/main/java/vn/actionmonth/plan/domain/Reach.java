package vn.actionmonth.plan.domain;

/**
 * Where one unit stands from another in the reporting tree, and so what the first may do to the
 * second: assign to, collect from and consolidate its subtree; report to and copy ("b/c") its
 * ancestors; coordinate with its parent's other children. Anything else is out of its reach.
 */
public enum Reach {
    SELF,
    /** Below the unit: it may assign tasks to it and collect its reports. */
    SUBTREE,
    /** Above the unit: it reports to it and sends it copies. */
    ANCESTOR,
    /** Another child of the unit's parent: it coordinates with it. */
    PEER,
    OUTSIDE;

    /** Where {@code other} stands as seen from {@code from}. */
    public static Reach of(OrgUnit from, OrgUnit other) {
        if (from.id.equals(other.id)) {
            return SELF;
        }
        if (from.contains(other)) {
            return SUBTREE;
        }
        if (other.contains(from)) {
            return ANCESTOR;
        }
        if (from.parentId != null && from.parentId.equals(other.parentId)) {
            return PEER;
        }
        return OUTSIDE;
    }

    /** The unit itself or below it. */
    public boolean inSubtree() {
        return this == SELF || this == SUBTREE;
    }

    /** Anything but {@link #OUTSIDE}. */
    public boolean inReach() {
        return this != OUTSIDE;
    }
}
