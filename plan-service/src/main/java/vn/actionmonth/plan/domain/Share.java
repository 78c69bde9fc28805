package vn.actionmonth.plan.domain;

/** How much of an old unit went into a new one in a reorganisation. */
public enum Share {
    /** The whole old unit. */
    FULL,
    /** Part of it; the rest went elsewhere. */
    PARTIAL
}
