package vn.actionmonth.notification.domain;

/**
 * PENDING -> SENDING (claimed by one dispatcher) -> SENT, or back to PENDING for a retry, or
 * FAILED after the last attempt. CANCELLED: a reminder whose report came in before it went out.
 */
public enum NotificationStatus {
    PENDING, SENDING, SENT, FAILED, CANCELLED
}
