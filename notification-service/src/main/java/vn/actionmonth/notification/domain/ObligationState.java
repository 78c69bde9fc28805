package vn.actionmonth.notification.domain;

/** Whether the obligation behind a deadline still stands (as plan-service last said). */
public enum ObligationState {
    OPEN,
    CANCELLED;

    /** The state an obligation event names ({@code "OPEN"}, {@code "CANCELLED"}; null is open). */
    public static ObligationState of(String status) {
        return CANCELLED.name().equals(status) ? CANCELLED : OPEN;
    }
}
