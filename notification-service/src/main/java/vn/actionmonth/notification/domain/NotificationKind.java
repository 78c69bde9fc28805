package vn.actionmonth.notification.domain;

/** What a notification is about; the names are those of the NotificationSent/Failed contract. */
public enum NotificationKind {
    PLAN_PUBLISHED, REMINDER, DUE, OVERDUE, ESCALATION, REPORT_RETURNED, ALL_CHILDREN_REPORTED
}
