package vn.actionmonth.plan.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.common.validation.Text;
import vn.actionmonth.plan.domain.PlanLimits;

@Schema(name = "AmendRequest", description = "A recorded amendment of a published plan: why, and the whole plan as it now reads")
public record AmendRequest(
        @NotBlank @Text(max = PlanLimits.REASON) @Schema(examples = "Điều chỉnh thời hạn báo cáo theo Công văn của Sở LĐTBXH", maxLength = PlanLimits.REASON) String reason,
        @NotNull @Valid PlanInput plan) {
}
