package vn.actionmonth.events.notification;

import vn.actionmonth.events.EventPayload;
import vn.actionmonth.events.Topics;

import java.util.UUID;

/** An event on {@link Topics#DELIVERIES}, keyed by notification id. */
public sealed interface DeliveryEvent extends EventPayload permits NotificationSent, NotificationFailed {

    UUID notificationId();

    @Override
    default String topic() {
        return Topics.DELIVERIES;
    }

    @Override
    default String key() {
        return notificationId().toString();
    }

    @Override
    default String subject() {
        return "notification/" + notificationId();
    }
}
