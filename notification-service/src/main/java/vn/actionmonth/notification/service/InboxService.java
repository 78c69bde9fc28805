package vn.actionmonth.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.actionmonth.common.problem.Problems;
import vn.actionmonth.notification.domain.ChannelType;
import vn.actionmonth.notification.domain.Notification;
import vn.actionmonth.notification.repository.NotificationRepository;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** A unit's inbox: the INBOX copies of its notifications. */
@ApplicationScoped
public class InboxService {

    private final NotificationRepository notifications;
    private final Clock clock;

    public InboxService(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    public record InboxPage(List<Notification> items, long total, long unread) {
    }

    @Transactional
    public InboxPage page(UUID unitId, boolean unreadOnly, int page, int size) {
        return new InboxPage(notifications.inbox(unitId, unreadOnly, page, size),
                notifications.countInbox(unitId, unreadOnly), notifications.countInbox(unitId, true));
    }

    /** Marks an item of the unit's inbox read (again: no change); 404 for anything else. */
    @Transactional
    public Notification markRead(UUID unitId, UUID id) {
        Notification n = notifications.findByIdOptional(id)
                .filter(x -> x.channel == ChannelType.INBOX && x.unitId.equals(unitId))
                .orElseThrow(() -> Problems.notFound("inbox item", id));
        if (n.readAt == null) {
            n.readAt = clock.instant();
        }
        return n;
    }
}
