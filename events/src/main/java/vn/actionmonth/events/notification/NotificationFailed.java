package vn.actionmonth.events.notification;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Delivery gave up after its retries. */
public record NotificationFailed(UUID notificationId, UUID unitId, String channel, String kind, String dedupeKey,
                                 UUID obligationId, UUID planId, int attempts, String lastError,
                                 OffsetDateTime failedAt) implements DeliveryEvent {
}
