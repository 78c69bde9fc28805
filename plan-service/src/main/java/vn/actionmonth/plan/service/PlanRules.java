package vn.actionmonth.plan.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.common.VietnamTime;
import vn.actionmonth.common.problem.Problem;
import vn.actionmonth.plan.domain.Activity;
import vn.actionmonth.plan.domain.Assignment;
import vn.actionmonth.plan.domain.Campaign;
import vn.actionmonth.plan.domain.DueRule;
import vn.actionmonth.plan.domain.OrgUnit;
import vn.actionmonth.plan.domain.Plan;
import vn.actionmonth.plan.domain.PlanStatus;
import vn.actionmonth.plan.domain.PlanWarning;
import vn.actionmonth.plan.domain.Reach;
import vn.actionmonth.plan.domain.UnitRef;
import vn.actionmonth.plan.repository.CampaignRepository;
import vn.actionmonth.plan.repository.PlanRepository;
import vn.actionmonth.plan.repository.UnitRepository;
import vn.actionmonth.plan.rest.PlanInput;
import vn.actionmonth.plan.rest.ReportingRequirement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The rules a plan must meet before it is written. Authority follows the tree: a plan reaches
 * only units within its issuer's reach ({@link Reach}). Reporting units and assignees lie in the
 * issuer's subtree; the reports go to the issuer, or to the consolidating unit the plan names
 * ({@code viaUnitId}) within that subtree, and never to a unit that is itself one of the reporting
 * units; activities name units within reach. The basis is published and issued by an ancestor of
 * the issuer; the deadline is not before the period's last day; every named unit id is known.
 * Each broken rule is one violation naming its field.
 */
@ApplicationScoped
public class PlanRules {

    private static final String REPORTING = "reportingRequirement.";

    private final UnitRepository units;
    private final CampaignRepository campaigns;
    private final PlanRepository plans;

    public PlanRules(UnitRepository units, CampaignRepository campaigns, PlanRepository plans) {
        this.units = units;
        this.campaigns = campaigns;
        this.plans = plans;
    }

    /** What the input refers to, once checked, and what the rules warn about. */
    public record Checked(OrgUnit issuer, Campaign campaign, LocalDate periodStart, LocalDate periodEnd,
                          List<PlanWarning> warnings, OffsetDateTime dueAt, String dueResolution) {
    }

    /** A deadline as given or as resolved from its rule, and how. */
    private record Due(OffsetDateTime at, String resolution) {
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
        Map<UUID, OrgUnit> named = index(namedUnits(in));
        // a unit that ceased after the plan named it keeps its place in the plan's text; its
        // obligation went to its successor, so an amendment may leave it listed
        Set<UUID> namedBefore = new HashSet<>();
        if (planId != null) {
            Plan before = plans.findById(planId);
            if (before != null) {
                namedBefore.addAll(before.reportingUnitIds);
            }
        }
        Due due = due(in, campaign, errors);
        checkReporting(in.reportingRequirement(), due.at(), issuer, end, named, namedBefore, errors);
        checkUnitRefs(in, issuer, named, errors);
        return new Checked(issuer, campaign, start, end, warnings(in, due.at(), campaign, start, end), due.at(),
                due.resolution());
    }

    /**
     * The deadline: the date given, or the one the rule gives ("trước ngày 15/7 hằng năm", the basis
     * plan's deadline less the days the issuer keeps to consolidate, the campaign's default).
     */
    private Due due(PlanInput in, Campaign campaign, List<Problem.Violation> errors) {
        ReportingRequirement r = in.reportingRequirement();
        if (r == null || r.dueRule() == null) {
            return new Due(r == null ? null : r.dueAt(), null);
        }
        String field = REPORTING + "dueRule";
        if (r.dueAt() != null) {
            errors.add(Problem.Violation.body(field, "give the deadline as dueAt or as dueRule, not both"));
            return new Due(null, null);
        }
        DueRule rule = r.dueRule();
        switch (rule.type()) {
            case BASIS_MINUS_DAYS -> {
                Plan basis = in.basisPlanId() == null ? null : plans.findById(in.basisPlanId());
                if (rule.days() == null) {
                    errors.add(Problem.Violation.body(field + ".days", "is required for BASIS_MINUS_DAYS"));
                } else if (basis == null || basis.dueAt == null) {
                    errors.add(Problem.Violation.body(field, "BASIS_MINUS_DAYS needs a basis plan with a deadline"));
                } else {
                    LocalDate basisDay = basis.dueAt.atZoneSameInstant(VietnamTime.ZONE).toLocalDate();
                    return new Due(VietnamTime.dueBefore(basisDay.minusDays(rule.days())), "plan " + label(basis)
                            + " is due before " + VietnamTime.date(basis.dueAt) + "; less " + rule.days() + " days");
                }
            }
            case DAY_OF_MONTH -> {
                if (rule.day() == null || rule.month() == null) {
                    errors.add(Problem.Violation.body(field, "DAY_OF_MONTH needs day and month"));
                } else if (campaign != null) {
                    try {
                        LocalDate day = LocalDate.of(campaign.year, rule.month(), rule.day());
                        return new Due(VietnamTime.dueBefore(day), "day " + rule.day() + " of month " + rule.month()
                                + " of the campaign's year " + campaign.year);
                    } catch (java.time.DateTimeException e) {
                        errors.add(Problem.Violation.body(field + ".day", "there is no day " + rule.day() + "/" + rule.month()
                                + " in " + campaign.year));
                    }
                }
            }
            case CAMPAIGN_DEFAULT -> {
                if (campaign != null && campaign.defaultDueDate == null) {
                    errors.add(Problem.Violation.body(field, "campaign " + campaign.name + " gives no default deadline"));
                } else if (campaign != null) {
                    return new Due(VietnamTime.dueBefore(campaign.defaultDueDate), "the default deadline of campaign "
                            + campaign.name);
                }
            }
        }
        return new Due(null, null);
    }

    /**
     * Rules an official should be told about, not refused for: a period outside the campaign's
     * year, a plan issued after its period began, a deadline later than the one its issuer must
     * meet under the basis plan (nothing would be left to consolidate in).
     */
    private List<PlanWarning> warnings(PlanInput in, OffsetDateTime dueAt, Campaign campaign, LocalDate start, LocalDate end) {
        List<PlanWarning> out = new ArrayList<>();
        if (campaign != null) {
            if (start != null && start.getYear() != campaign.year) {
                out.add(new PlanWarning("periodStart", "the period starts in " + start.getYear() + ", the campaign is of "
                        + campaign.year));
            }
            if (end != null && end.getYear() != campaign.year) {
                out.add(new PlanWarning("periodEnd", "the period ends in " + end.getYear() + ", the campaign is of "
                        + campaign.year));
            }
        }
        List<Activity> activities = in.activities() == null ? List.of() : in.activities();
        for (int i = 0; i < activities.size(); i++) {
            Activity a = activities.get(i);
            if (a != null && start != null && end != null && ((a.startDate() != null && a.startDate().isAfter(end))
                    || (a.endDate() != null && a.endDate().isBefore(start)))) {
                out.add(new PlanWarning("activities[" + i + "]", "the activity lies outside the plan's period " + start
                        + " to " + end));
            }
        }
        if (in.issueDate() != null && start != null && in.issueDate().isAfter(start)) {
            out.add(new PlanWarning("issueDate", "the plan is issued on " + in.issueDate() + ", after its period began on "
                    + start));
        }
        ReportingRequirement r = in.reportingRequirement();
        if (r != null && dueAt != null && in.basisPlanId() != null) {
            Plan basis = plans.findById(in.basisPlanId());
            if (basis != null && basis.dueAt != null && !dueAt.isBefore(basis.dueAt)) {
                out.add(new PlanWarning(REPORTING + "dueAt", "reports are due " + dueAt.atZoneSameInstant(VietnamTime.ZONE).toLocalDate() + ", not before "
                        + "the basis plan's own deadline " + basis.dueAt.atZoneSameInstant(VietnamTime.ZONE)
                        .toLocalDate() + ": no time is left to consolidate them"));
            }
        }
        return out;
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
        if (issuer != null && Reach.of(issuer, basisIssuer) != Reach.ANCESTOR) {
            errors.add(Problem.Violation.body("basisPlanId", "plan " + label(basis) + " is issued by " + basisIssuer.name
                    + ", which is not above " + issuer.name + " in the reporting tree"));
        }
        if (campaign != null && !basis.campaignId.equals(campaign.id)) {
            errors.add(Problem.Violation.body("basisPlanId", "plan " + label(basis) + " belongs to another campaign"));
        }
    }

    private void checkReporting(ReportingRequirement r, OffsetDateTime dueAt, OrgUnit issuer, LocalDate periodEnd,
                                Map<UUID, OrgUnit> named, Set<UUID> namedBefore, List<Problem.Violation> errors) {
        if (r == null) {
            return;
        }
        OrgUnit recipient = r.recipientId() == null ? null : named.get(r.recipientId());
        OrgUnit via = r.viaUnitId() == null ? null : named.get(r.viaUnitId());
        List<UUID> ids = r.reportingUnitIds() == null ? List.of() : r.reportingUnitIds();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String field = REPORTING + "reportingUnitIds[" + i + "]";
            UUID id = ids.get(i);
            OrgUnit u = id == null ? null : named.get(id);
            if (u == null) {
                errors.add(Problem.Violation.body(field, "no unit " + id));
            } else if (!seen.add(id)) {
                errors.add(Problem.Violation.body(field, "unit " + u.name + " is listed twice"));
            } else if (u.retired && !namedBefore.contains(id)) {
                errors.add(Problem.Violation.body(field, "unit " + u.name + " is retired"));
            } else if (issuer != null && !Reach.of(issuer, u).inSubtree()) {
                errors.add(Problem.Violation.body(field, "unit " + u.name + " is not within the issuer's subtree ("
                        + issuer.name + ")"));
            } else if (u.id.equals(r.recipientId())) {
                errors.add(Problem.Violation.body(field, "unit " + u.name + " is the recipient: a unit does not report "
                        + "to itself"));
            }
        }
        if (!ids.isEmpty()) {
            if (r.recipientId() == null) {
                errors.add(Problem.Violation.body(REPORTING + "recipientId", "is required when units report"));
            }
            if (dueAt == null && r.dueRule() == null) {
                errors.add(Problem.Violation.body(REPORTING + "dueAt", "is required when units report (a date, or a dueRule)"));
            }
            if (r.indicatorSetCode() == null || r.indicatorSetCode().isBlank()) {
                errors.add(Problem.Violation.body(REPORTING + "indicatorSetCode", "is required when units report"));
            }
        }
        if (r.viaUnitId() != null) {
            if (via == null) {
                errors.add(Problem.Violation.body(REPORTING + "viaUnitId", "no unit " + r.viaUnitId()));
            } else if (issuer != null && !Reach.of(issuer, via).inSubtree()) {
                errors.add(Problem.Violation.body(REPORTING + "viaUnitId", "unit " + via.name + " is not within the "
                        + "issuer's subtree (" + issuer.name + "): a plan names a consolidating unit among its own units"));
            }
        }
        if (r.recipientId() != null) {
            if (recipient == null) {
                errors.add(Problem.Violation.body(REPORTING + "recipientId", "no unit " + r.recipientId()));
            } else if (issuer != null && !recipient.id.equals(issuer.id) && !recipient.id.equals(r.viaUnitId())) {
                errors.add(Problem.Violation.body(REPORTING + "recipientId", "reports go to the issuer (" + issuer.name
                        + ") or to the consolidating unit the plan names in viaUnitId, not to " + recipient.name));
            }
        }
        // "after the period's end" read as the real documents use it: the Phường Nguyễn Trãi plan
        // asks for its report "trước ngày 30/6/2024", the start of the period's last day.
        if (dueAt != null && periodEnd != null && dueAt.isBefore(VietnamTime.dueBefore(periodEnd))) {
            errors.add(Problem.Violation.body(r.dueRule() == null ? REPORTING + "dueAt" : REPORTING + "dueRule",
                    "must not be before the start of the period's last day ("
                    + VietnamTime.dueBefore(periodEnd) + ")"));
        }
    }

    /**
     * Assignees lie in the issuer's subtree (the plan gives them tasks, and publishing it tells
     * them); units named in activities are within its reach (its subtree, its ancestors, its peers).
     */
    private static void checkUnitRefs(PlanInput in, OrgUnit issuer, Map<UUID, OrgUnit> named, List<Problem.Violation> errors) {
        List<Activity> activities = in.activities() == null ? List.of() : in.activities();
        for (int i = 0; i < activities.size(); i++) {
            Activity a = activities.get(i);
            if (a == null) {
                errors.add(Problem.Violation.body("activities[" + i + "]", "must not be null"));
                continue;
            }
            if (a.title() == null || a.title().isBlank()) {
                errors.add(Problem.Violation.body("activities[" + i + "].title", "must not be blank"));
            }
            reachable(issuer, named, "activities[" + i + "].leadUnit.unitId", a.leadUnit(), false, errors);
            List<UnitRef> leads = a.leadUnits() == null ? List.of() : a.leadUnits();
            for (int j = 0; j < leads.size(); j++) {
                reachable(issuer, named, "activities[" + i + "].leadUnits[" + j + "].unitId", leads.get(j), false, errors);
            }
            if (a.startDate() != null && a.endDate() != null && a.endDate().isBefore(a.startDate())) {
                errors.add(Problem.Violation.body("activities[" + i + "].endDate", "must not be before startDate "
                        + a.startDate()));
            }
            List<UnitRef> co = a.coordinatingUnits() == null ? List.of() : a.coordinatingUnits();
            for (int j = 0; j < co.size(); j++) {
                reachable(issuer, named, "activities[" + i + "].coordinatingUnits[" + j + "].unitId", co.get(j), false, errors);
            }
        }
        List<Assignment> assignments = in.assignments() == null ? List.of() : in.assignments();
        for (int i = 0; i < assignments.size(); i++) {
            Assignment a = assignments.get(i);
            if (a == null || a.unit() == null || a.unit().name() == null || a.unit().name().isBlank()) {
                errors.add(Problem.Violation.body("assignments[" + i + "].unit.name", "must name the unit"));
                continue;
            }
            reachable(issuer, named, "assignments[" + i + "].unit.unitId", a.unit(), true, errors);
        }
    }

    private static void reachable(OrgUnit issuer, Map<UUID, OrgUnit> named, String field, UnitRef ref, boolean subtreeOnly,
                                  List<Problem.Violation> errors) {
        if (ref == null || ref.unitId() == null) {
            return;
        }
        OrgUnit u = named.get(ref.unitId());
        if (u == null) {
            errors.add(Problem.Violation.body(field, "no unit " + ref.unitId()));
            return;
        }
        if (issuer == null) {
            return;
        }
        Reach reach = Reach.of(issuer, u);
        if (subtreeOnly && !reach.inSubtree()) {
            errors.add(Problem.Violation.body(field, "unit " + u.name + " is not within the issuer's subtree (" + issuer.name
                    + "): a plan gives tasks only to the issuer's own units"));
        } else if (!reach.inReach()) {
            errors.add(Problem.Violation.body(field, "unit " + u.name + " is outside the issuer's reach (its subtree, its "
                    + "ancestors and its parent's other units)"));
        }
    }

    /** Every unit id the input names, to read them in one query. */
    private static Set<UUID> namedUnits(PlanInput in) {
        Set<UUID> ids = new HashSet<>();
        ReportingRequirement r = in.reportingRequirement();
        if (r != null) {
            if (r.reportingUnitIds() != null) {
                ids.addAll(r.reportingUnitIds());
            }
            ids.add(r.recipientId());
            ids.add(r.viaUnitId());
        }
        for (Activity a : in.activities() == null ? List.<Activity>of() : in.activities()) {
            if (a != null) {
                a.leads().forEach(l -> ids.add(l == null ? null : l.unitId()));
                (a.coordinatingUnits() == null ? List.<UnitRef>of() : a.coordinatingUnits())
                        .forEach(c -> ids.add(c == null ? null : c.unitId()));
            }
        }
        for (Assignment a : in.assignments() == null ? List.<Assignment>of() : in.assignments()) {
            ids.add(a == null || a.unit() == null ? null : a.unit().unitId());
        }
        ids.remove(null);
        return ids;
    }

    private Map<UUID, OrgUnit> index(Collection<UUID> ids) {
        Map<UUID, OrgUnit> out = new HashMap<>();
        units.byIds(new ArrayList<>(ids.stream().filter(Objects::nonNull).toList())).forEach(u -> out.put(u.id, u));
        return out;
    }

    static String label(Plan p) {
        return p.number == null || p.number.startsWith("/") ? "\"" + p.title + "\"" : p.number;
    }
}
