package vn.actionmonth.plan.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.plan.domain.Activity;
import vn.actionmonth.plan.domain.Assignment;
import vn.actionmonth.plan.domain.Plan;
import vn.actionmonth.plan.domain.PlanStatus;
import vn.actionmonth.plan.domain.PlanWarning;
import vn.actionmonth.plan.service.PlanDraft;
import vn.actionmonth.plan.service.RequirementDraft;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "Plan", description = "A plan (Kế hoạch) with its status and revision")
public record PlanView(
        UUID id,
        @Schema(examples = "75/KH-UBND") String number,
        @Schema(examples = "Triển khai Tháng hành động vì trẻ em tỉnh Lai Châu năm 2024") String title,
        UUID issuerId,
        @Schema(examples = "2024-03-29") LocalDate issueDate,
        @Schema(examples = "Lai Châu") String issuePlace,
        @Schema(examples = "Lai Châu, ngày tháng năm 2024") String dateLine,
        UUID campaignId,
        @Schema(description = "The campaign's year; null for a standing plan", examples = "2024") Integer year,
        @Schema(description = "A standing plan's first day of validity") LocalDate validFrom,
        @Schema(description = "A standing plan's day of replacement (exclusive)") LocalDate validTo,
        UUID basisPlanId,
        List<String> basisDocuments,
        @Schema(examples = "Hành động thiết thực, ưu tiên nguồn lực cho trẻ em") String theme,
        @Schema(examples = "2024-06-01") LocalDate periodStart,
        @Schema(examples = "2024-06-30") LocalDate periodEnd,
        String objectives,
        String requirements,
        List<String> messages,
        List<Activity> activities,
        List<Assignment> assignments,
        @Schema(description = "The plan's first final requirement (its first, when none is final), for clients that know "
                + "one requirement per plan; reportingRequirements has them all") ReportingRequirement reportingRequirement,
        @Schema(description = "Chế độ báo cáo: every requirement, in the document's order") List<ReportingRequirement> reportingRequirements,
        List<String> recipients,
        Signer signer,
        @Schema(description = "What the rules warned about when the plan was last written (it was accepted); empty when "
                + "nothing") List<PlanWarning> warnings,
        @Schema(examples = "PUBLISHED") PlanStatus status,
        @Schema(description = "0 for a draft, 1 when published, +1 per amendment", examples = "1") int revision,
        @Schema(description = "Increases with every change; the ETag", examples = "2") long version) {

    public static PlanView of(Plan p) {
        List<RequirementDraft> drafts = p.reporting.stream().map(RequirementDraft::of).toList();
        List<ReportingRequirement> all = drafts.stream().map(ReportingRequirement::of).toList();
        ReportingRequirement main = ReportingRequirement.of(PlanDraft.main(drafts));
        Signer signer = p.signerName == null && p.signerTitle == null ? null : new Signer(p.signerName, p.signerTitle);
        return new PlanView(p.id, p.number, p.title, p.issuerId, p.issueDate, p.issuePlace, p.dateLine, p.campaignId, p.year,
                p.validFrom, p.validTo,
                p.basisPlanId, List.copyOf(p.basisDocuments), p.theme, p.periodStart, p.periodEnd, p.objectives,
                p.requirements, List.copyOf(p.messages), List.copyOf(p.activities), List.copyOf(p.assignments), main, all,
                List.copyOf(p.recipients), signer, List.copyOf(p.warnings), p.status, p.revision, p.version);
    }
}
