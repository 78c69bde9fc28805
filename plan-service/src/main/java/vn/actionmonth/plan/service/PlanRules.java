package vn.actionmonth.plan.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.actionmonth.common.VietnamTime;
import vn.actionmonth.common.problem.Problem;
import vn.actionmonth.plan.domain.Activity;
import vn.actionmonth.plan.domain.Campaign;
import vn.actionmonth.plan.domain.OrgUnit;
import vn.actionmonth.plan.domain.Plan;
import vn.actionmonth.plan.domain.PlanStatus;
import vn.actionmonth.plan.domain.UnitRef;
import vn.actionmonth.plan.repository.CampaignRepository;
import vn.actionmonth.plan.repository.PlanRepository;
import vn.actionmonth.plan.repository.UnitRepository;
import vn.actionmonth.plan.rest.PlanInput;
import vn.actionmonth.plan.rest.ReportingRequirement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The rules a plan must meet before it is written: one issuer; a basis that is published and
 * issued by an ancestor of the issuer; reporting units within the issuer's subtree; a deadline
 * not before the period's last day; every named unit id known. Each broken rule is one violation
 * naming its field.
 */
@ApplicationScoped
public class PlanRules {

    @Inject
    UnitRepository units;
    @Inject
    CampaignRepository campaigns;
    @Inject
    PlanRepository plans;

    /** What the input refers to, once checked. */
    public record Checked(OrgUnit issuer, Campaign campaign, LocalDate periodStart, LocalDate periodEnd) {
    }

    public Checked check(PlanInput in, UUID planId, List<Problem.Violation> errors) {
        OrgUnit issuer = units.findById(in.issuerId());
        if (issuer == null) {
            errors.add(Problem.Violation.body("issuerId", "no unit " + in.issuerId()));
        } else if (issuer.retired) {
            errors.add(Problem.Violation.body("issuerId", "unit " + issuer.name + " is retired"));
        }
        Campaign campaign = campaigns.findById(in.campaignId());
        if (campaign == null) {
            errors.add(Problem.Violation.body("campaignId", "no campaign " + in.campaignId()));
        }
        LocalDate start = in.periodStart() != null ? in.periodStart() : campaign == null ? null : campaign.periodStart;
        LocalDate end = in.periodEnd() != null ? in.periodEnd() : campaign == null ? null : campaign.periodEnd;
        if (start == null) {
            errors.add(Problem.Violation.body("periodStart", "is required (the campaign gives none)"));
        }
        if (end == null) {
            errors.add(Problem.Violation.body("periodEnd", "is required (the campaign gives none)"));
        }
        if (start != null && end != null && end.isBefore(start)) {
            errors.add(Problem.Violation.body("periodEnd", "must not be before periodStart " + start));
        }
        if (in.basisPlanId() != null) {
            checkBasis(in, planId, issuer, campaign, errors);
        }
        checkReporting(in.reportingRequirement(), issuer, end, errors);
        checkUnitRefs(in, errors);
        return new Checked(issuer, campaign, start, end);
    }

    private void checkBasis(PlanInput in, UUID planId, OrgUnit issuer, Campaign campaign, List<Problem.Violation> errors) {
        Plan basis = plans.findById(in.basisPlanId());
        if (basis == null) {
            errors.add(Problem.Violation.body("basisPlanId", "no plan " + in.basisPlanId()));
            return;
        }
        if (basis.id.equals(planId)) {
            errors.add(Problem.Violation.body("basisPlanId", "a plan cannot implement itself"));
            return;
        }
        if (basis.status != PlanStatus.PUBLISHED) {
            errors.add(Problem.Violation.body("basisPlanId", "plan " + label(basis) + " is " + basis.status + ", not PUBLISHED"));
        }
        OrgUnit basisIssuer = units.findById(basis.issuerId);
        if (issuer != null && (issuer.id.equals(basisIssuer.id) || !basisIssuer.contains(issuer))) {
            errors.add(Problem.Violation.body("basisPlanId", "plan " + label(basis) + " is issued by " + basisIssuer.name
                    + ", which is not above " + issuer.name + " in the reporting tree"));
        }
        if (campaign != null && !basis.campaignId.equals(campaign.id)) {
            errors.add(Problem.Violation.body("basisPlanId", "plan " + label(basis) + " belongs to another campaign"));
        }
    }

    private void checkReporting(ReportingRequirement r, OrgUnit issuer, LocalDate periodEnd, List<Problem.Violation> errors) {
        if (r == null) {
            return;
        }
        List<UUID> ids = r.reportingUnitIds() == null ? List.of() : r.reportingUnitIds();
        Map<UUID, OrgUnit> found = index(ids);
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String field = "reportingRequirement.reportingUnitIds[" + i + "]";
            UUID id = ids.get(i);
            OrgUnit u = id == null ? null : found.get(id);
            if (u == null) {
                errors.add(Problem.Violation.body(field, "no unit " + id));
            } else if (!seen.add(id)) {
                errors.add(Problem.Violation.body(field, "unit " + u.name + " is listed twice"));
            } else if (u.retired) {
                errors.add(Problem.Violation.body(field, "unit " + u.name + " is retired"));
            } else if (issuer != null && !issuer.contains(u)) {
                errors.add(Problem.Violation.body(field, "unit " + u.name + " is not within the issuer's subtree ("
                        + issuer.name + ")"));
            }
        }
        if (!ids.isEmpty()) {
            if (r.recipientId() == null) {
                errors.add(Problem.Violation.body("reportingRequirement.recipientId", "is required when units report"));
            }
            if (r.dueAt() == null) {
                errors.add(Problem.Violation.body("reportingRequirement.dueAt", "is required when units report"));
            }
            if (r.indicatorSetCode() == null || r.indicatorSetCode().isBlank()) {
                errors.add(Problem.Violation.body("reportingRequirement.indicatorSetCode", "is required when units report"));
            }
        }
        if (r.recipientId() != null && units.findById(r.recipientId()) == null) {
            errors.add(Problem.Violation.body("reportingRequirement.recipientId", "no unit " + r.recipientId()));
        }
        if (r.viaUnitId() != null && units.findById(r.viaUnitId()) == null) {
            errors.add(Problem.Violation.body("reportingRequirement.viaUnitId", "no unit " + r.viaUnitId()));
        }
        // "after the period's end" read as the real documents use it: the Phường Nguyễn Trãi plan
        // asks for its report "trước ngày 30/6/2024", the start of the period's last day.
        if (r.dueAt() != null && periodEnd != null && r.dueAt().isBefore(VietnamTime.dueBefore(periodEnd))) {
            errors.add(Problem.Violation.body("reportingRequirement.dueAt", "must not be before the start of the period's last day ("
                    + VietnamTime.dueBefore(periodEnd) + ")"));
        }
    }

    private void checkUnitRefs(PlanInput in, List<Problem.Violation> errors) {
        Map<String, UUID> refs = new java.util.LinkedHashMap<>();
        List<Activity> activities = in.activities() == null ? List.of() : in.activities();
        for (int i = 0; i < activities.size(); i++) {
            Activity a = activities.get(i);
            if (a == null) {
                errors.add(Problem.Violation.body("activities[" + i + "]", "must not be null"));
                continue;
            }
            ref(refs, "activities[" + i + "].leadUnit.unitId", a.leadUnit());
            List<UnitRef> co = a.coordinatingUnits() == null ? List.of() : a.coordinatingUnits();
            for (int j = 0; j < co.size(); j++) {
                ref(refs, "activities[" + i + "].coordinatingUnits[" + j + "].unitId", co.get(j));
            }
            if (a.title() == null || a.title().isBlank()) {
                errors.add(Problem.Violation.body("activities[" + i + "].title", "must not be blank"));
            }
        }
        var assignments = in.assignments() == null ? List.<vn.actionmonth.plan.domain.Assignment>of() : in.assignments();
        for (int i = 0; i < assignments.size(); i++) {
            var a = assignments.get(i);
            if (a == null || a.unit() == null || a.unit().name() == null || a.unit().name().isBlank()) {
                errors.add(Problem.Violation.body("assignments[" + i + "].unit.name", "must name the unit"));
                continue;
            }
            ref(refs, "assignments[" + i + "].unit.unitId", a.unit());
        }
        Map<UUID, OrgUnit> found = index(refs.values());
        refs.forEach((field, id) -> {
            if (!found.containsKey(id)) {
                errors.add(Problem.Violation.body(field, "no unit " + id));
            }
        });
    }

    private static void ref(Map<String, UUID> refs, String field, UnitRef r) {
        if (r != null && r.unitId() != null) {
            refs.put(field, r.unitId());
        }
    }

    private Map<UUID, OrgUnit> index(java.util.Collection<UUID> ids) {
        Map<UUID, OrgUnit> out = new HashMap<>();
        units.byIds(new ArrayList<>(new HashSet<>(ids.stream().filter(java.util.Objects::nonNull).toList())))
                .forEach(u -> out.put(u.id, u));
        return out;
    }

    static String label(Plan p) {
        return p.number == null || p.number.startsWith("/") ? "\"" + p.title + "\"" : p.number;
    }
}
