package vn.actionmonth.plan.messaging;

import vn.actionmonth.common.VietnamTime;
import vn.actionmonth.events.plan.ObligationSnapshot;
import vn.actionmonth.events.plan.PlanSummary;
import vn.actionmonth.plan.domain.Assignment;
import vn.actionmonth.plan.domain.Obligation;
import vn.actionmonth.plan.domain.ObligationStatus;
import vn.actionmonth.plan.domain.Plan;
import vn.actionmonth.plan.domain.Requirement;
import vn.actionmonth.plan.domain.RequirementKind;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** Plans and obligations as the plans and obligations topics carry them. */
public final class PlanEvents {

    private PlanEvents() {
    }

    /**
     * The plan, its reporting units being those that owe it an open report now (listed or reached
     * by a rule), and its recipient, consolidating unit, indicator set and deadline those of its
     * first final requirement (of its first requirement when none is final). A standing plan has no
     * campaign: campaignId null and campaignYear 0.
     */
    public static PlanSummary summary(Plan p, Collection<Obligation> obligations) {
        Requirement main = p.reporting.stream().filter(q -> q.kind == RequirementKind.FINAL).findFirst()
                .orElse(p.reporting.isEmpty() ? null : p.reporting.get(0));
        List<java.util.UUID> reporting = obligations.stream().filter(o -> o.status == ObligationStatus.OPEN)
                .map(o -> o.unitId).distinct().toList();
        return new PlanSummary(p.id, p.number, p.title, p.issuerId, p.campaignId, p.year == null ? 0 : p.year, p.basisPlanId, p.issueDate,
                p.periodStart, p.periodEnd, p.status.name(), p.revision, reporting,
                p.assignments.stream().map(Assignment::unit).filter(Objects::nonNull).map(r -> r.unitId())
                        .filter(Objects::nonNull).distinct().toList(),
                main == null ? null : main.recipientId, main == null ? null : main.viaUnitId,
                main == null ? null : main.indicatorSetCode, main == null ? null : vietnam(main.dueAt));
    }

    /**
     * The obligation, owed for its campaign (of year {@code campaignYear}); {@code q}, its
     * requirement, is null once an amendment removed it.
     */
    public static ObligationSnapshot snapshot(Obligation o, Plan p, Requirement q, int campaignYear) {
        return new ObligationSnapshot(o.id, o.planId, p.number, p.title, o.campaignId, campaignYear, o.unitId, o.recipientId,
                o.viaUnitId, o.indicatorSetCode, vietnam(o.dueAt), o.status.name(), o.version, o.originalUnitId, o.handedOverOn,
                o.requirementId, o.kind.name(), q == null ? List.of() : List.copyOf(q.copyToUnitIds), o.consolidates);
    }

    /** Instants go out with Vietnam's offset, as officials read them. */
    static OffsetDateTime vietnam(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(VietnamTime.ZONE).toOffsetDateTime();
    }

}
