package vn.actionmonth.notification.service;

import vn.actionmonth.notification.domain.NotificationKind;

import java.util.UUID;

/**
 * Something to tell one unit, before it is fanned out to the unit's inbox and subscriptions.
 *
 * @param dedupeKey identifies the notice; with the channel target appended it is the
 *                  notification's unique key, so the same notice is never made twice
 */
public record Notice(NotificationKind kind, String dedupeKey, UUID unitId, UUID obligationId, UUID planId,
                     String subject, String body, String link) {
}
