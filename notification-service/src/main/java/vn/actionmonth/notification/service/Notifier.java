package vn.actionmonth.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import vn.actionmonth.common.units.UnitDirectory;
import vn.actionmonth.common.units.UnitRecord;
import vn.actionmonth.events.Correlation;
import vn.actionmonth.events.notification.NotificationSent;
import vn.actionmonth.events.outbox.Outbox;
import vn.actionmonth.notification.domain.Channel;
import vn.actionmonth.notification.domain.ChannelType;
import vn.actionmonth.notification.domain.NotificationStatus;
import vn.actionmonth.notification.repository.ChannelRepository;
import vn.actionmonth.notification.repository.NotificationRepository;
import vn.actionmonth.notification.repository.NotificationRepository.NewRow;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fans a notice out to the unit's inbox and to each of its subscriptions that wants the kind
 * (a batch of notices reads its units and their subscriptions once and writes its rows in one
 * JDBC batch).
 * The inbox copy is delivered on the spot (it is this database); email and webhook copies wait
 * as PENDING for the dispatcher. A notice made before (same dedupe key) makes nothing new.
 */
@ApplicationScoped
public class Notifier {

    private static final Logger LOG = Logger.getLogger(Notifier.class);

    private final NotificationRepository notifications;
    private final ChannelRepository channels;
    private final UnitDirectory units;
    private final Outbox outbox;
    private final Clock clock;

    public Notifier(NotificationRepository notifications, ChannelRepository channels, UnitDirectory units, Outbox outbox,
            Clock clock) {
        this.notifications = notifications;
        this.channels = channels;
        this.units = units;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Returns how many notifications this call created: none for a unit that has ceased (a
     * reorganisation merged or split it), whose duties went to its successor.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int notify(Notice n) {
        return notifyAll(List.of(n));
    }

    /** {@link #notify(Notice)} for many notices at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int notifyAll(List<Notice> notices) {
        if (notices.isEmpty()) {
            return 0;
        }
        List<UUID> unitIds = notices.stream().map(Notice::unitId).distinct().toList();
        Map<UUID, List<Channel>> subscriptions = channels.ofUnits(unitIds);
        Map<UUID, UnitRecord> known = units.findAll(unitIds);
        Instant now = clock.instant();
        String requestId = Correlation.requestId();
        List<NewRow> rows = new ArrayList<>();
        for (Notice n : notices) {
            UnitRecord unit = known.get(n.unitId());
            if (unit != null && unit.retired()) {
                LOG.infof("%s for unit %s not sent: the unit has ceased", n.kind(), n.unitId());
                continue;
            }
            rows.add(new NewRow(UUID.randomUUID(), n.dedupeKey() + "|INBOX", n.unitId(), ChannelType.INBOX, null, null,
                    n.kind(), n.obligationId(), n.planId(), n.subject(), n.body(), n.link(), NotificationStatus.SENT, 1,
                    null, now, now, requestId));
            for (Channel c : subscriptions.getOrDefault(n.unitId(), List.of())) {
                if (c.wants(n.kind())) {
                    rows.add(new NewRow(UUID.randomUUID(), n.dedupeKey() + "|" + c.type + ":" + c.id, n.unitId(), c.type,
                            c.id, c.address, n.kind(), n.obligationId(), n.planId(), n.subject(), n.body(), n.link(),
                            NotificationStatus.PENDING, 0, now, now, null, requestId));
                }
            }
        }
        boolean[] made = notifications.insertAllIfAbsent(rows);
        List<NotificationSent> delivered = new ArrayList<>();
        int created = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (!made[i]) {
                continue;
            }
            created++;
            NewRow r = rows.get(i);
            if (r.channel() == ChannelType.INBOX) {
                delivered.add(new NotificationSent(r.id(), r.unitId(), ChannelType.INBOX.name(), r.kind().name(),
                        r.dedupeKey(), r.obligationId(), r.planId(), 1, now.atOffset(ZoneOffset.UTC)));
            }
        }
        outbox.appendAll(delivered);
        return created;
    }
}
