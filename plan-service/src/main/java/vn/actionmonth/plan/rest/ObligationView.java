package vn.actionmonth.plan.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.common.VietnamTime;
import vn.actionmonth.plan.domain.Obligation;
import vn.actionmonth.plan.domain.ObligationStatus;
import vn.actionmonth.plan.domain.RequirementKind;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "Obligation", description = "Unit unitId owes plan planId's results report to recipientId by dueAt")
public record ObligationView(UUID id, UUID planId,
                             @Schema(description = "The campaign it is owed for (a standing plan owes for each campaign it "
                                     + "applies to)") UUID campaignId,
                             UUID unitId, UUID recipientId, UUID viaUnitId,
                             @Schema(examples = "CAM") String indicatorSetCode,
                             @Schema(examples = "2024-07-20T00:00:00+07:00") OffsetDateTime dueAt,
                             @Schema(examples = "OPEN") ObligationStatus status,
                             @Schema(examples = "1") long version,
                             @Schema(description = "The unit the plan named; differs from unitId once a reorganisation handed "
                                     + "the obligation from that unit, which ceased, to its successor") UUID originalUnitId,
                             @Schema(description = "The day of that handover", examples = "2025-07-01") LocalDate handedOverOn,
                             @Schema(description = "The plan's requirement that gave it; null once an amendment removed it") UUID requirementId,
                             @Schema(description = "INTERIM or FINAL", examples = "FINAL") RequirementKind kind,
                             @Schema(description = "The unit receives reports under a plan implementing this one: what it "
                                     + "owes here is its consolidated report up (its own figures and what it received)")
                             boolean consolidates) {

    public static ObligationView of(Obligation o) {
        return new ObligationView(o.id, o.planId, o.campaignId, o.unitId, o.recipientId, o.viaUnitId, o.indicatorSetCode,
                o.dueAt.atZoneSameInstant(VietnamTime.ZONE).toOffsetDateTime(), o.status, o.version, o.originalUnitId,
                o.handedOverOn, o.requirementId, o.kind, o.consolidates);
    }
}
