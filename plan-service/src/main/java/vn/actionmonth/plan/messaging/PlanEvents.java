package vn.actionmonth.plan.messaging;

import vn.actionmonth.common.VietnamTime;
import vn.actionmonth.events.plan.ObligationSnapshot;
import vn.actionmonth.events.plan.PlanSummary;
import vn.actionmonth.plan.domain.Assignment;
import vn.actionmonth.plan.domain.Obligation;
import vn.actionmonth.plan.domain.Plan;

import java.time.OffsetDateTime;
import java.util.Objects;

/** Plans and obligations as the plans and obligations topics carry them. */
public final class PlanEvents {

    private PlanEvents() {
    }

    public static PlanSummary summary(Plan p) {
        return new PlanSummary(p.id, p.number, p.title, p.issuerId, p.campaignId, p.year, p.basisPlanId, p.issueDate,
                p.periodStart, p.periodEnd, p.status.name(), p.revision, java.util.List.copyOf(p.reportingUnitIds),
                p.assignments.stream().map(Assignment::unit).filter(Objects::nonNull).map(r -> r.unitId())
                        .filter(Objects::nonNull).distinct().toList(),
                p.recipientId, p.viaUnitId, p.indicatorSetCode, vietnam(p.dueAt));
    }

    public static ObligationSnapshot snapshot(Obligation o, Plan p) {
        return new ObligationSnapshot(o.id, o.planId, p.number, p.title, p.campaignId, p.year, o.unitId, o.recipientId,
                o.viaUnitId, o.indicatorSetCode, vietnam(o.dueAt), o.status, o.version, o.originalUnitId, o.handedOverOn);
    }

    /** Instants go out with Vietnam's offset, as officials read them. */
    static OffsetDateTime vietnam(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(VietnamTime.ZONE).toOffsetDateTime();
    }

}
