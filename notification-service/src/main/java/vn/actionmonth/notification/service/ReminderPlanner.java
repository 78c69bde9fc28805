package vn.actionmonth.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.common.units.UnitDirectory;
import vn.actionmonth.common.units.UnitRecord;
import vn.actionmonth.notification.config.NotificationConfig;
import vn.actionmonth.notification.domain.Deadline;
import vn.actionmonth.notification.domain.NotificationKind;
import vn.actionmonth.notification.domain.ReminderPolicy;
import vn.actionmonth.notification.repository.DeadlineRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Turns the reminder steps whose moment has come into notifications. Each deadline is locked
 * while it is planned ({@code FOR UPDATE SKIP LOCKED}), its window (plannedUntil, now] is
 * planned and plannedUntil moves to now in the same transaction as the notifications it made:
 * a crash loses nothing and repeats nothing, and concurrent schedulers split the work.
 */
@ApplicationScoped
public class ReminderPlanner {

    private final DeadlineRepository deadlines;
    private final PolicyService policies;
    private final MessageComposer composer;
    private final Notifier notifier;
    private final UnitDirectory units;
    private final Clock clock;
    private final int batchSize;

    public ReminderPlanner(DeadlineRepository deadlines, PolicyService policies, MessageComposer composer,
                           Notifier notifier, UnitDirectory units, Clock clock, NotificationConfig config) {
        this.deadlines = deadlines;
        this.policies = policies;
        this.composer = composer;
        this.notifier = notifier;
        this.units = units;
        this.clock = clock;
        this.batchSize = config.delivery().batchSize();
    }

    /** Plans every step due by now; returns how many notifications were made. */
    public int planDue() {
        int made = 0;
        while (true) {
            int[] batch = QuarkusTransaction.requiringNew().call(this::planBatch);
            made += batch[1];
            if (batch[0] < batchSize) {
                return made;
            }
        }
    }

    /** Returns {deadlines looked at, notifications made}. */
    private int[] planBatch() {
        Instant now = clock.instant();
        List<Deadline> due = deadlines.lockDue(now, batchSize);
        Map<UUID, ReminderPolicy> policyByCampaign = new HashMap<>();
        Map<UUID, UnitRecord> known = units.findAll(due.stream()
                .flatMap(d -> Stream.of(d.unitId, d.originalUnitId)).filter(Objects::nonNull).toList());
        Function<UUID, String> names = id -> known.containsKey(id) ? known.get(id).name() : composer.unitName(id);
        List<Notice> notices = new ArrayList<>();
        for (Deadline d : due) {
            ReminderPolicy policy = policyByCampaign.computeIfAbsent(d.campaignId, policies::policyFor);
            if (d.awaitingReport()) {
                for (ReminderPolicy.Step step : policy.dueBetween(d.dueAt, d.plannedUntil, now)) {
                    notices.add(composer.step(d, step, names));
                    if (step.kind() == NotificationKind.ESCALATION && d.viaUnitId != null) {
                        notices.add(composer.escalationToConsolidator(d, step, names));
                    }
                }
            }
            if (d.plannedUntil.isBefore(now)) {
                d.plannedUntil = now;
            }
            d.nextStepAt = d.awaitingReport() ? policy.nextAfter(d.dueAt, d.plannedUntil).orElse(null) : null;
        }
        return new int[] {due.size(), notifier.notifyAll(notices)};
    }
}
