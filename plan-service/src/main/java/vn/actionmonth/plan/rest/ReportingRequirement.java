package vn.actionmonth.plan.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.common.validation.DateBounds;
import vn.actionmonth.common.validation.Text;
import vn.actionmonth.events.plan.IndicatorSetCode;
import vn.actionmonth.plan.domain.DueRule;
import vn.actionmonth.plan.domain.PlanLimits;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(name = "ReportingRequirement", description = "Chế độ báo cáo: which units report, to which unit, through which unit, "
        + "with which indicator set, by when. Reporting units lie in the issuer's subtree; the reports go to the issuer, or to "
        + "the consolidating unit (viaUnitId) the plan names in the issuer's subtree, never to a reporting unit itself.")
public record ReportingRequirement(
        @Text(max = PlanLimits.LONG_TEXT) @Schema(description = "The section as written", examples = "Các sở, ban, ngành, đoàn thể tỉnh, UBND các huyện, thành phố ... báo cáo kết quả thực hiện về UBND tỉnh (qua Sở Lao động - Thương binh và Xã hội) trước ngày 20/7/2024", maxLength = PlanLimits.LONG_TEXT) String text,
        @Size(max = PlanLimits.UNITS) @Schema(description = "Units that owe a results report; all within the issuer's subtree") List<UUID> reportingUnitIds,
        @Schema(description = "The unit the reports go to: the issuer, or the consolidating unit named in viaUnitId", examples = "5e2f1a0b-8c7d-3e6f-a5b4-c3d2e1f0a9b8") UUID recipientId,
        @Schema(description = "The consolidating unit they pass through (qua Sở LĐTBXH), within the issuer's subtree") UUID viaUnitId,
        @Pattern(regexp = IndicatorSetCode.REGEX, message = IndicatorSetCode.RULE) @Schema(description = "Indicator set the reports carry", examples = "CAM", pattern = IndicatorSetCode.REGEX) String indicatorSetCode,
        @DateBounds @Schema(description = "Due instant: \"trước ngày 20/7/2024\" is the start of that day in Vietnam", examples = "2024-07-20T00:00:00+07:00") OffsetDateTime dueAt,
        @Text(max = PlanLimits.DUE_TEXT, singleLine = true) @Schema(description = "The deadline as written", examples = "trước ngày 20/7/2024", maxLength = PlanLimits.DUE_TEXT) String dueText,
        @Valid @Schema(description = "The deadline by rule, for a plan that gives none of its own (\"theo quy định\"); "
                + "give dueAt or dueRule, not both. Resolved into dueAt whenever the plan is written") DueRule dueRule,
        @Text(max = 500) @Schema(description = "Read only: how dueAt was resolved from dueRule", readOnly = true,
                examples = "plan 75/KH-UBND is due before 20/07/2024; less 10 days") String dueResolution) {
}
