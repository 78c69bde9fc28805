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
import vn.actionmonth.plan.domain.RequirementKind;
import vn.actionmonth.plan.domain.UnitRule;
import vn.actionmonth.plan.service.RequirementDraft;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(name = "ReportingRequirement", description = "Chế độ báo cáo: which units report (listed, by rule, or both), to "
        + "which unit, through which consolidating unit, with copies to which units, with which indicator set, of which "
        + "kind, by when. Reporting units lie in the issuer's subtree; the reports go to the issuer, or to a unit of its "
        + "subtree that itself reports under the basis plan (a district's units report to the district), or to the "
        + "consolidating unit (viaUnitId); never to a reporting unit itself. The consolidating unit lies in the "
        + "recipient's subtree or is its peer under the same parent, and acts for the recipient on these reports.")
public record ReportingRequirement(
        @Schema(description = "Stays the same across amendments; give it to amend this requirement, leave it out for a "
                + "new one (without ids, requirements are matched by position)") UUID id,
        @Schema(description = "INTERIM (sơ kết) or FINAL (tổng kết, the default). Totals and completeness count final "
                + "reports; interim ones are read and approved but add to no total", examples = "FINAL") RequirementKind kind,
        @Text(max = PlanLimits.LONG_TEXT) @Schema(description = "The section as written", examples = "Các sở, ban, ngành, đoàn thể tỉnh, UBND các huyện, thành phố ... báo cáo kết quả thực hiện về UBND tỉnh (qua Sở Lao động - Thương binh và Xã hội) trước ngày 20/7/2024", maxLength = PlanLimits.LONG_TEXT) String text,
        @Size(max = PlanLimits.UNITS) @Schema(description = "Units that owe a results report, listed; all within the issuer's subtree") List<UUID> reportingUnitIds,
        @Valid @Schema(description = "Units that owe a results report by rule, with those listed") UnitRule unitRule,
        @Schema(description = "The unit the reports go to", examples = "5e2f1a0b-8c7d-3e6f-a5b4-c3d2e1f0a9b8") UUID recipientId,
        @Schema(description = "The consolidating unit they pass through (qua Sở LĐTBXH); it acts for the recipient") UUID viaUnitId,
        @Size(max = PlanLimits.ITEMS) @Schema(description = "Units that receive a copy of the reports (đồng gửi) and may read them") List<UUID> copyToUnitIds,
        @Pattern(regexp = IndicatorSetCode.REGEX, message = IndicatorSetCode.RULE) @Schema(description = "Indicator set the reports carry", examples = "CAM", pattern = IndicatorSetCode.REGEX) String indicatorSetCode,
        @DateBounds @Schema(description = "Due instant: \"trước ngày 20/7/2024\" is the start of that day in Vietnam", examples = "2024-07-20T00:00:00+07:00") OffsetDateTime dueAt,
        @Text(max = PlanLimits.DUE_TEXT, singleLine = true) @Schema(description = "The deadline as written", examples = "trước ngày 20/7/2024", maxLength = PlanLimits.DUE_TEXT) String dueText,
        @Valid @Schema(description = "The deadline by rule, for a plan that gives none of its own (\"theo quy định\"); "
                + "give dueAt or dueRule, not both. Resolved into dueAt whenever the plan is written") DueRule dueRule,
        @Text(max = 500) @Schema(description = "Read only: how dueAt was resolved from dueRule", readOnly = true,
                examples = "plan 75/KH-UBND is due before 20/07/2024; less 10 days") String dueResolution) {

    public RequirementDraft toDraft() {
        return new RequirementDraft(id, kind, text, reportingUnitIds, unitRule, recipientId, viaUnitId, copyToUnitIds,
                indicatorSetCode, dueAt, dueText, dueRule, dueResolution);
    }

    public static ReportingRequirement of(RequirementDraft r) {
        return r == null ? null : new ReportingRequirement(r.id(), r.kind(), r.text(), r.reportingUnitIds(), r.unitRule(),
                r.recipientId(), r.viaUnitId(), r.copyToUnitIds(), r.indicatorSetCode(), r.dueAt(), r.dueText(), r.dueRule(),
                r.dueResolution());
    }
}
