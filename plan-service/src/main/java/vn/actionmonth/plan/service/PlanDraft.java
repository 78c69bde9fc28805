package vn.actionmonth.plan.service;

import vn.actionmonth.plan.domain.Activity;
import vn.actionmonth.plan.domain.Assignment;
import vn.actionmonth.plan.domain.Plan;
import vn.actionmonth.plan.domain.RequirementKind;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A plan as its document reads, to create a draft from, to edit one with, or to amend a published
 * plan with. Its reporting requirements come either as one ({@code reportingRequirement}) or as
 * the list, or both (see {@link #requirementList()}).
 */
public record PlanDraft(String number, String title, UUID issuerId, LocalDate issueDate, String issuePlace, String dateLine,
                        UUID campaignId, LocalDate validFrom, LocalDate validTo, UUID basisPlanId,
                        List<String> basisDocuments, String theme, LocalDate periodStart, LocalDate periodEnd,
                        String objectives, String requirements, List<String> messages, List<Activity> activities,
                        List<Assignment> assignments, RequirementDraft reportingRequirement,
                        List<RequirementDraft> reportingRequirements, List<String> recipients, Signer signer) {

    /** Who signed the plan and in what capacity. */
    public record Signer(String name, String title) {
    }

    /**
     * The requirements as given, whichever way: the single one, or the list. With both (a client of
     * one requirement that read a plan and sends it back changed), the single one stands for the
     * list's main requirement, and keeps its id. An empty list beside the single one is no list (a
     * client generated from the API sends [] for a list it did not fill).
     */
    public List<RequirementDraft> requirementList() {
        if (!listGiven()) {
            return reportingRequirement == null ? List.of() : List.of(reportingRequirement);
        }
        RequirementDraft main = main(reportingRequirements);
        if (reportingRequirement == null || main == null || reportingRequirement.equals(main)) {
            return reportingRequirements;
        }
        RequirementDraft single = reportingRequirement.id() != null ? reportingRequirement
                : reportingRequirement.withId(main.id());
        return reportingRequirements.stream().map(r -> r == main ? single : r).toList();
    }

    /** The first final requirement, or the first when none is final: what a client of one requirement sees. */
    public static RequirementDraft main(List<RequirementDraft> all) {
        return all.stream().filter(r -> r != null && r.kindOrDefault() == RequirementKind.FINAL)
                .findFirst().orElse(all.isEmpty() ? null : all.get(0));
    }

    /** The prefix of requirement {@code i}'s fields in a violation, as the client wrote it. */
    public String requirementField(int i) {
        return listGiven() ? "reportingRequirements[" + i + "]." : "reportingRequirement.";
    }

    private boolean listGiven() {
        return reportingRequirements != null && !(reportingRequirements.isEmpty() && reportingRequirement != null);
    }

    /** The plan as it stands, written again: its deadlines by rule to be resolved again, not taken as dates. */
    public static PlanDraft of(Plan p) {
        List<RequirementDraft> asWritten = p.reporting.stream().map(RequirementDraft::of).map(RequirementDraft::asWritten)
                .toList();
        Signer signer = p.signerName == null && p.signerTitle == null ? null : new Signer(p.signerName, p.signerTitle);
        return new PlanDraft(p.number, p.title, p.issuerId, p.issueDate, p.issuePlace, p.dateLine, p.campaignId, p.validFrom,
                p.validTo, p.basisPlanId, List.copyOf(p.basisDocuments), p.theme, p.periodStart, p.periodEnd, p.objectives,
                p.requirements, List.copyOf(p.messages), List.copyOf(p.activities), List.copyOf(p.assignments), null,
                asWritten, List.copyOf(p.recipients), signer);
    }
}
