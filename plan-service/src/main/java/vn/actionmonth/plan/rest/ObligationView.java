package vn.actionmonth.plan.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.common.VietnamTime;
import vn.actionmonth.plan.domain.Obligation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "Obligation", description = "Unit unitId owes plan planId's results report to recipientId by dueAt")
public record ObligationView(UUID id, UUID planId, UUID unitId, UUID recipientId, UUID viaUnitId,
                             @Schema(examples = "CAM") String indicatorSetCode,
                             @Schema(examples = "2024-07-20T00:00:00+07:00") OffsetDateTime dueAt,
                             @Schema(examples = "OPEN") String status,
                             @Schema(examples = "1") long version,
                             @Schema(description = "The unit the plan named; differs from unitId once a reorganisation handed "
                                     + "the obligation from that unit, which ceased, to its successor") UUID originalUnitId,
                             @Schema(description = "The day of that handover", examples = "2025-07-01") LocalDate handedOverOn) {

    public static ObligationView of(Obligation o) {
        return new ObligationView(o.id, o.planId, o.unitId, o.recipientId, o.viaUnitId, o.indicatorSetCode,
                o.dueAt.atZoneSameInstant(VietnamTime.ZONE).toOffsetDateTime(), o.status, o.version, o.originalUnitId,
                o.handedOverOn);
    }
}
