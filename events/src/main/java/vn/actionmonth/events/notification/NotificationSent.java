package vn.actionmonth.events.notification;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * @param channel INBOX, EMAIL or WEBHOOK
 * @param kind    PLAN_PUBLISHED, REMINDER, DUE, OVERDUE, ESCALATION, REPORT_RETURNED or ALL_CHILDREN_REPORTED
 */
public record NotificationSent(UUID notificationId, UUID unitId, String channel, String kind, String dedupeKey,
                               UUID obligationId, UUID planId, int attempts, OffsetDateTime sentAt)
        implements DeliveryEvent {
}
