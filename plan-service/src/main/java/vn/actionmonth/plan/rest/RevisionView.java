package vn.actionmonth.plan.rest;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.plan.domain.PlanRevision;

import java.time.OffsetDateTime;

@Schema(name = "PlanRevision", description = "One recorded change of a plan: the plan as it became, why and by whom")
public record RevisionView(
        @Schema(examples = "2") int revision,
        @Schema(examples = "AMENDED") PlanRevision.Action action,
        @Schema(examples = "Điều chỉnh thời hạn báo cáo") String reason,
        @Schema(examples = "can-bo.so-ldtbxh@laichau.gov.vn") String actor,
        OffsetDateTime at,
        @JsonRawValue @Schema(implementation = PlanView.class, description = "The plan after the change") String plan) {

    public static RevisionView of(PlanRevision r) {
        return new RevisionView(r.revision, r.action, r.reason, r.actor, r.at, r.snapshot);
    }
}
