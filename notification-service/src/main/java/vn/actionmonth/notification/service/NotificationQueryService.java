package vn.actionmonth.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.actionmonth.common.problem.Problems;
import vn.actionmonth.notification.domain.ChannelType;
import vn.actionmonth.notification.domain.DeliveryAttempt;
import vn.actionmonth.notification.domain.Notification;
import vn.actionmonth.notification.domain.NotificationKind;
import vn.actionmonth.notification.domain.NotificationStatus;
import vn.actionmonth.notification.repository.DeliveryAttemptRepository;
import vn.actionmonth.notification.repository.NotificationRepository;

import java.util.List;
import java.util.UUID;

/** Notifications of a unit on every channel, with their delivery state and log. */
@ApplicationScoped
public class NotificationQueryService {

    private final NotificationRepository notifications;
    private final DeliveryAttemptRepository attempts;

    public NotificationQueryService(NotificationRepository notifications, DeliveryAttemptRepository attempts) {
        this.notifications = notifications;
        this.attempts = attempts;
    }

    public record Found(List<Notification> items, long total) {
    }

    @Transactional
    public Found ofUnit(UUID unitId, NotificationStatus status, ChannelType channel, NotificationKind kind, int page,
                        int size) {
        return new Found(notifications.ofUnit(unitId, status, channel, kind, page, size),
                notifications.countOfUnit(unitId, status, channel, kind));
    }

    @Transactional
    public Notification get(UUID id) {
        return notifications.findByIdOptional(id).orElseThrow(() -> Problems.notFound("notification", id));
    }

    @Transactional
    public List<DeliveryAttempt> attempts(UUID id) {
        return attempts.of(id);
    }
}
