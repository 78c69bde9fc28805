package vn.actionmonth.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import vn.actionmonth.events.plan.ObligationSnapshot;
import vn.actionmonth.events.plan.PlanSummary;
import vn.actionmonth.events.report.ConsolidationChanged;
import vn.actionmonth.events.report.ReportApproved;
import vn.actionmonth.events.report.ReportReturned;
import vn.actionmonth.events.report.ReportSubmitted;
import vn.actionmonth.notification.domain.Deadline;
import vn.actionmonth.notification.domain.ObligationState;
import vn.actionmonth.notification.domain.ReportState;
import vn.actionmonth.notification.repository.DeadlineRepository;
import vn.actionmonth.notification.repository.NotificationRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the deadlines copy in step with plan-service's obligations and report-service's reports,
 * and makes the notices those events call for. Every method runs in the consumer's transaction
 * (the inbox row that marks the event applied commits with it).
 */
@ApplicationScoped
public class DeadlineService {

    private static final Logger LOG = Logger.getLogger(DeadlineService.class);

    private final DeadlineRepository deadlines;
    private final NotificationRepository notifications;
    private final PolicyService policies;
    private final MessageComposer composer;
    private final Notifier notifier;
    private final Clock clock;
    private final UnitReach reach;

    public DeadlineService(DeadlineRepository deadlines, NotificationRepository notifications, PolicyService policies,
                           MessageComposer composer, Notifier notifier, Clock clock, UnitReach reach) {
        this.reach = reach;
        this.deadlines = deadlines;
        this.notifications = notifications;
        this.policies = policies;
        this.composer = composer;
        this.notifier = notifier;
        this.clock = clock;
    }

    /**
     * Applies an obligation's whole state unless a newer version was applied already. Reminder
     * steps count from when this service learnt of the obligation: a deadline learnt late gets
     * its remaining steps, not a burst of old ones.
     */
    @Transactional
    public void applyObligation(ObligationSnapshot o, boolean cancelled, Instant eventTime) {
        Instant now = clock.instant();
        Deadline d = deadlines.lock(o.id()).orElse(null);
        if (d == null) {
            d = new Deadline();
            d.obligationId = o.id();
            d.obligationVersion = -1;
            d.reportStatus = ReportState.NONE;
            d.reportRevision = 0;
            d.plannedUntil = eventTime.isBefore(now) ? eventTime : now;
        } else if (o.version() <= d.obligationVersion) {
            return;
        }
        Instant previousDue = d.dueAt;
        d.planId = o.planId();
        d.planNumber = o.planNumber();
        d.planTitle = o.planTitle();
        d.campaignId = o.campaignId();
        d.unitId = o.unitId();
        d.recipientId = o.recipientId();
        d.originalUnitId = o.originalUnitId();
        d.viaUnitId = o.viaUnitId();
        d.dueAt = o.dueAt().toInstant();
        d.obligationStatus = cancelled ? ObligationState.CANCELLED : ObligationState.of(o.status());
        d.obligationVersion = o.version();
        d.updatedAt = now;
        reschedule(d);
        deadlines.persist(d);
        // Reminders still waiting to go out name the old date (or no longer apply): drop them.
        if (!d.awaitingReport() || (previousDue != null && !previousDue.equals(d.dueAt))) {
            notifications.cancelReminders(d.obligationId);
        }
    }

    /** The report is in: its reminders stop; the recipient may now have heard from every child. */
    @Transactional
    public void reportSubmitted(ReportSubmitted e) {
        Deadline d = forReport(e.obligationId(), e.planId(), e.campaignId(), e.unitId(), e.recipientId(),
                e.dueAt() == null ? e.submittedAt().toInstant() : e.dueAt().toInstant());
        if (e.revision() < d.reportRevision) {
            return;
        }
        d.reportStatus = ReportState.SUBMITTED;
        d.reportRevision = e.revision();
        d.submittedAt = e.submittedAt() == null ? clock.instant() : e.submittedAt().toInstant();
        d.updatedAt = clock.instant();
        reschedule(d);
        deadlines.persist(d);
        notifications.cancelReminders(d.obligationId);
        deadlines.flush();
        announceIfAllReported(d.recipientId, d.planId);
    }

    /** The report was sent back: the deadline is open again and its remaining steps resume. */
    @Transactional
    public void reportReturned(ReportReturned e) {
        Deadline d = forReport(e.obligationId(), e.planId(), e.campaignId(), e.unitId(), e.recipientId(),
                e.returnedAt().toInstant());
        if (e.revision() < d.reportRevision) {
            return;
        }
        Instant now = clock.instant();
        d.reportStatus = ReportState.RETURNED;
        d.reportRevision = e.revision();
        d.updatedAt = now;
        // Steps whose moment passed while the report was in are not sent after the fact.
        if (d.plannedUntil.isBefore(now)) {
            d.plannedUntil = now;
        }
        reschedule(d);
        deadlines.persist(d);
        if (d.obligationVersion >= 0) {
            notifier.notify(composer.reportReturned(d, e.revision(), e.reason()));
        }
    }

    @Transactional
    public void reportApproved(ReportApproved e) {
        Deadline d = forReport(e.obligationId(), e.planId(), e.campaignId(), e.unitId(), e.recipientId(),
                e.approvedAt().toInstant());
        if (e.revision() < d.reportRevision) {
            return;
        }
        d.reportStatus = ReportState.APPROVED;
        d.reportRevision = e.revision();
        d.updatedAt = clock.instant();
        reschedule(d);
        deadlines.persist(d);
        notifications.cancelReminders(d.obligationId);
    }

    /**
     * Tells every assigned and every reporting unit of a newly published plan, as long as it lies
     * within the issuer's reach as this service's copy of the tree has it (plan-service refuses
     * any other; a unit outside is passed over and logged, never written to).
     */
    @Transactional
    public void planPublished(PlanSummary plan) {
        Set<UUID> reporting = new LinkedHashSet<>(orEmpty(plan.reportingUnitIds()));
        Set<UUID> told = new LinkedHashSet<>(orEmpty(plan.assignedUnitIds()));
        told.addAll(reporting);
        Set<UUID> outside = reach.outside(plan.issuerId(), told);
        if (!outside.isEmpty()) {
            LOG.warnf("plan %s of unit %s names units outside its reach; not told: %s", plan.id(), plan.issuerId(), outside);
            told.removeAll(outside);
        }
        for (UUID unit : told) {
            notifier.notify(composer.planPublished(plan.id(), plan.number(), plan.title(),
                    plan.dueAt() == null ? null : plan.dueAt().toInstant(), unit, reporting.contains(unit)));
        }
    }

    /**
     * report-service says every child of the unit has reported for the plan. It consolidates a
     * unit for every plan up the basis chain too; the notice is for the plan under which reports
     * are owed to this unit, so other plans are passed over.
     */
    @Transactional
    public void consolidationChanged(ConsolidationChanged c) {
        if (!c.allChildrenReported()) {
            return;
        }
        List<Deadline> owed = deadlines.owedTo(c.unitId(), c.planId());
        if (owed.isEmpty()) {
            return;
        }
        Deadline any = owed.get(0);
        for (UUID unit : withConsolidators(c.unitId(), owed)) {
            notifier.notify(composer.allChildrenReported(unit, c.planId(), any.planNumber, any.planTitle, c.childrenOwed()));
        }
    }

    /** The recipient, and the consolidating units its reports pass through: they act for it. */
    private static List<UUID> withConsolidators(UUID recipientId, List<Deadline> owed) {
        List<UUID> out = new java.util.ArrayList<>();
        out.add(recipientId);
        owed.stream().map(d -> d.viaUnitId).filter(java.util.Objects::nonNull).distinct().forEach(out::add);
        return out;
    }

    /**
     * Computed from this service's own copy, so the notice does not depend on report-service's
     * consolidation events; both paths share one dedupe key, so it is sent once.
     */
    private void announceIfAllReported(UUID recipientId, UUID planId) {
        List<Deadline> owed = deadlines.owedTo(recipientId, planId);
        if (owed.isEmpty() || !owed.stream().allMatch(Deadline::met) || owed.get(0).obligationVersion < 0) {
            return;
        }
        Deadline any = owed.get(0);
        for (UUID unit : withConsolidators(recipientId, owed)) {
            notifier.notify(composer.allChildrenReported(unit, planId, any.planNumber, any.planTitle, owed.size()));
        }
    }

    /** The deadline of a report event; created from the event when its obligation is not known yet. */
    private Deadline forReport(UUID obligationId, UUID planId, UUID campaignId, UUID unitId, UUID recipientId,
                               Instant dueAtGuess) {
        return deadlines.lock(obligationId).orElseGet(() -> {
            Deadline d = new Deadline();
            d.obligationId = obligationId;
            d.planId = planId;
            d.campaignId = campaignId;
            d.unitId = unitId;
            d.recipientId = recipientId;
            d.dueAt = dueAtGuess;
            d.obligationStatus = ObligationState.OPEN;
            d.obligationVersion = -1;
            d.reportStatus = ReportState.NONE;
            d.reportRevision = 0;
            d.plannedUntil = clock.instant();
            return d;
        });
    }

    /** Sets the moment the scheduler should next look at the deadline; none once it is met or cancelled. */
    private void reschedule(Deadline d) {
        // Until the obligation itself is known (a report event came first) there is nothing to remind of.
        if (!d.awaitingReport() || d.obligationVersion < 0) {
            d.nextStepAt = null;
            return;
        }
        d.nextStepAt = policies.policyFor(d.campaignId).nextAfter(d.dueAt, d.plannedUntil).orElse(null);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
