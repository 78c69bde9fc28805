package vn.actionmonth.plan.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.common.validation.DateBounds;
import vn.actionmonth.common.validation.Text;
import vn.actionmonth.plan.domain.Activity;
import vn.actionmonth.plan.domain.Assignment;
import vn.actionmonth.plan.domain.PlanLimits;
import vn.actionmonth.plan.service.PlanDraft;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "PlanInput", description = "A plan (Kế hoạch) as its document reads; a draft until published. Texts are "
        + "counted in characters after Unicode NFC normalisation.")
public record PlanInput(
        @Text(max = PlanLimits.NUMBER, singleLine = true) @Schema(description = "Document number as written; often blank before it is issued", examples = "75/KH-UBND", maxLength = PlanLimits.NUMBER) String number,
        @NotBlank @Text(max = PlanLimits.TITLE) @Schema(examples = "Triển khai Tháng hành động vì trẻ em tỉnh Lai Châu năm 2024", maxLength = PlanLimits.TITLE) String title,
        @NotNull @Schema(description = "The issuing unit (cơ quan ban hành)") UUID issuerId,
        @DateBounds @Schema(description = "Issue date, when the document gives it in full", examples = "2024-03-29") LocalDate issueDate,
        @Text(max = PlanLimits.PLACE, singleLine = true) @Schema(examples = "Lai Châu", maxLength = PlanLimits.PLACE) String issuePlace,
        @Text(max = PlanLimits.DATE_LINE, singleLine = true) @Schema(description = "The place-and-date line as written", examples = "Lai Châu, ngày tháng năm 2024", maxLength = PlanLimits.DATE_LINE) String dateLine,
        @Schema(description = "The campaign; leave it out for a standing plan (give validFrom)") UUID campaignId,
        @DateBounds @Schema(description = "A standing plan (no campaign, applied every year until replaced): its first day. "
                + "It applies to each campaign that starts within its validity, its deadline rules resolved in that "
                + "campaign's year", examples = "2024-01-01") LocalDate validFrom,
        @DateBounds @Schema(description = "A standing plan's day of replacement (exclusive); none until it is replaced",
                examples = "2027-01-01") LocalDate validTo,
        @Schema(description = "The published plan or guidance this plan implements, issued by an ancestor of the issuer") UUID basisPlanId,
        @Size(max = PlanLimits.ITEMS) @Schema(description = "Other documents the plan rests on (laws, decrees, decisions), as written", examples = "[\"Luật Trẻ em năm 2016\"]") List<@Text(max = PlanLimits.LINE) String> basisDocuments,
        @Text(max = PlanLimits.THEME) @Schema(examples = "Hành động thiết thực, ưu tiên nguồn lực cho trẻ em", maxLength = PlanLimits.THEME) String theme,
        @DateBounds @Schema(description = "Default: the campaign's", examples = "2024-06-01") LocalDate periodStart,
        @DateBounds @Schema(description = "Default: the campaign's", examples = "2024-06-30") LocalDate periodEnd,
        @Text(max = PlanLimits.LONG_TEXT) @Schema(description = "Mục đích", examples = "Nâng cao nhận thức và ý thức trách nhiệm của các cơ quan, tổ chức, cá nhân ...", maxLength = PlanLimits.LONG_TEXT) String objectives,
        @Text(max = PlanLimits.LONG_TEXT) @Schema(description = "Yêu cầu", examples = "Tổ chức các hoạt động ... đảm bảo thiết thực, hiệu quả, tiết kiệm", maxLength = PlanLimits.LONG_TEXT) String requirements,
        @Size(max = PlanLimits.ITEMS) @Schema(description = "Thông điệp, khẩu hiệu, in order", examples = "[\"Hành động thiết thực, ưu tiên nguồn lực cho trẻ em.\"]") List<@Text(max = PlanLimits.LINE) String> messages,
        @Size(max = PlanLimits.ITEMS) @Schema(description = "Nội dung hoạt động") List<@Valid Activity> activities,
        @Size(max = PlanLimits.ITEMS) @Schema(description = "Tổ chức thực hiện") List<@Valid Assignment> assignments,
        @Valid @Schema(description = "Chế độ báo cáo of a plan with one requirement. With reportingRequirements too (a "
                + "plan read back and sent again), it stands for the list's first final requirement (its first, when none "
                + "is final); beside an empty list it is the plan's only requirement") ReportingRequirement reportingRequirement,
        @Size(max = PlanLimits.REQUIREMENTS) @Schema(description = "Chế độ báo cáo, every requirement in the document's order "
                + "(e.g. an interim and a final report, or units of the district to the district by the 10th and the "
                + "districts to the province by the 20th)") List<@Valid ReportingRequirement> reportingRequirements,
        @Size(max = PlanLimits.ITEMS) @Schema(description = "Nơi nhận, as written", examples = "[\"Bộ Lao động – TBXH (b/c);\"]") List<@Text(max = PlanLimits.LINE) String> recipients,
        @Valid @Schema(description = "Người ký") Signer signer) {

    public PlanDraft toDraft() {
        return new PlanDraft(number, title, issuerId, issueDate, issuePlace, dateLine, campaignId, validFrom, validTo,
                basisPlanId, basisDocuments, theme, periodStart, periodEnd, objectives, requirements, messages, activities,
                assignments, reportingRequirement == null ? null : reportingRequirement.toDraft(),
                reportingRequirements == null ? null : reportingRequirements.stream()
                        .map(r -> r == null ? null : r.toDraft()).toList(),
                recipients, signer == null ? null : signer.toDraft());
    }

    public static PlanInput of(PlanDraft d) {
        return new PlanInput(d.number(), d.title(), d.issuerId(), d.issueDate(), d.issuePlace(), d.dateLine(), d.campaignId(),
                d.validFrom(), d.validTo(), d.basisPlanId(), d.basisDocuments(), d.theme(), d.periodStart(), d.periodEnd(),
                d.objectives(), d.requirements(), d.messages(), d.activities(), d.assignments(),
                ReportingRequirement.of(d.reportingRequirement()),
                d.reportingRequirements() == null ? null : d.reportingRequirements().stream()
                        .map(ReportingRequirement::of).toList(),
                d.recipients(), Signer.of(d.signer()));
    }
}
