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
import vn.actionmonth.plan.domain.Requirement;
import vn.actionmonth.plan.domain.RequirementKind;
import vn.actionmonth.plan.repository.CampaignRepository;
import vn.actionmonth.plan.repository.ObligationRepository;
import vn.actionmonth.plan.repository.PlanRepository;
import vn.actionmonth.plan.repository.UnitRepository;

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
 * issuer's subtree; the reports go to the issuer, to a unit of its subtree whose own subtree holds
 * them (a district collects its wards'), or to the consolidating unit the plan names, never to a
 * unit that is itself one of the reporting units; a consolidating unit ({@code viaUnitId}) lies in
 * the issuer's subtree and in the recipient's, or beside the recipient under the same parent;
 * activities name units within reach. The basis is published and issued by an ancestor of
 * the issuer; the deadline is not before the period's last day; every named unit id is known.
 * A plan has any number of requirements, each checked on its own and named by its position.
 * Each broken rule is one violation naming its field.
 */
@ApplicationScoped
public class PlanRules {

    private final UnitRepository units;
    private final CampaignRepository campaigns;
    private final PlanRepository plans;
    private final ObligationRepository obligations;

    public PlanRules(UnitRepository units, CampaignRepository campaigns, PlanRepository plans,
                     ObligationRepository obligations) {
        this.units = units;
        this.campaigns = campaigns;
        this.plans = plans;
        this.obligations = obligations;
    }

    /** What the input refers to, once checked, and what the rules warn about. */
    public record Checked(OrgUnit issuer, Campaign campaign, LocalDate periodStart, LocalDate periodEnd,
                          List<PlanWarning> warnings, List<Resolved> requirements) {
    }

    /** A requirement as given, with its deadline as given or as resolved from its rule, and how. */
    public record Resolved(RequirementDraft given, OffsetDateTime dueAt, String dueResolution) {
    }

    /** A deadline as given or as resolved from its rule, and how. */
    private record Due(OffsetDateTime at, String resolution) {
    }

    public Checked check(PlanDraft in, UUID planId, List<Problem.Violation> errors) {
        OrgUnit issuer = units.findById(in.issuerId());
        if (issuer == null) {
            errors.add(Problem.Violation.body("issuerId", "no unit " + in.issuerId()));
        } else if (issuer.retired) {
            errors.add(Problem.Violation.body("issuerId", "unit " + issuer.name + " is retired"));
        }
        boolean standing = in.campaignId() == null;
        Campaign campaign = standing ? null : campaigns.findById(in.campaignId());
        if (standing) {
            if (in.validFrom() == null) {
                errors.add(Problem.Violation.body("campaignId", "is required, or validFrom for a standing plan"));
            } else if (in.validTo() != null && !in.validTo().isAfter(in.validFrom())) {
                errors.add(Problem.Violation.body("validTo", "must be after validFrom " + in.validFrom()));
            }
        } else {
            if (campaign == null) {
                errors.add(Problem.Violation.body("campaignId", "no campaign " + in.campaignId()));
            }
            if (in.validFrom() != null || in.validTo() != null) {
                errors.add(Problem.Violation.body(in.validFrom() != null ? "validFrom" : "validTo", "a plan of a campaign "
                        + "has no validity of its own; leave campaignId out for a standing plan"));
            }
        }
        LocalDate start = in.periodStart() != null ? in.periodStart() : campaign == null ? null : campaign.periodStart;
        LocalDate end = in.periodEnd() != null ? in.periodEnd() : campaign == null ? null : campaign.periodEnd;
        // a standing plan's period is each campaign's, unless it gives one
        if (start == null && !standing) {
            errors.add(Problem.Violation.body("periodStart", "is required (the campaign gives none)"));
        }
        if (end == null && !standing) {
            errors.add(Problem.Violation.body("periodEnd", "is required (the campaign gives none)"));
        }
        if (start != null && end != null && end.isBefore(start)) {
            errors.add(Problem.Violation.body("periodEnd", "must not be before periodStart " + start));
        }
        Plan basis = null;
        if (in.basisPlanId() != null) {
            basis = checkBasis(in, planId, issuer, campaign, errors);
        }
        Map<UUID, OrgUnit> named = index(namedUnits(in));
        // a unit that ceased after the plan named it keeps its place in the plan's text; its
        // obligation went to its successor, so an amendment may leave it listed
        Set<UUID> namedBefore = new HashSet<>();
        Set<UUID> ownIds = new HashSet<>();
        Plan before = planId == null ? null : plans.findById(planId);
        if (before != null) {
            before.reporting.forEach(q -> {
                namedBefore.addAll(q.reportingUnitIds);
                ownIds.add(q.id);
            });
        }
        OffsetDateTime basisDue = basis == null || issuer == null || standing ? null : basisDeadline(basis, issuer.id, campaign);
        List<RequirementDraft> given = in.requirementList();
        List<Resolved> resolved = new ArrayList<>();
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String field = in.requirementField(i);
            RequirementDraft r = given.get(i);
            if (r == null) {
                errors.add(Problem.Violation.body(field.substring(0, field.length() - 1), "must not be null"));
                continue;
            }
            if (r.id() != null && (!ownIds.contains(r.id()) || !ids.add(r.id()))) {
                errors.add(Problem.Violation.body(field + "id", ownIds.contains(r.id()) ? "requirement " + r.id()
                        + " is given twice" : "this plan has no requirement " + r.id() + "; leave the id out for a new "
                        + "requirement"));
            }
            Due due = standing ? standingDue(field, r, basis, errors) : due(field, r, basis, basisDue, campaign, errors);
            checkReporting(field, r, due.at(), issuer, end, named, namedBefore, errors);
            resolved.add(new Resolved(r, due.at(), due.resolution()));
        }
        checkUnitRefs(in, issuer, named, errors);
        return new Checked(issuer, campaign, start, end, warnings(in, resolved, basisDue, campaign, start, end),
                List.copyOf(resolved));
    }

    /**
     * The deadline the issuer itself must meet under the basis plan for the campaign: its own
     * obligation's, or, when the basis names it in no requirement, the basis plan's first final
     * requirement's (a plan of that campaign).
     */
    public OffsetDateTime basisDeadline(Plan basis, UUID issuerId, Campaign campaign) {
        OffsetDateTime own = obligations.dueOf(basis.id, issuerId, RequirementKind.FINAL, campaign == null ? null : campaign.id);
        if (own != null || basis.standing()) {
            return own;
        }
        return basis.reporting.stream().filter(q -> q.kind == RequirementKind.FINAL && q.dueAt != null)
                .map(q -> q.dueAt).findFirst().orElse(null);
    }

    /** A requirement's deadline in one campaign: for a standing plan, its rule resolved in that campaign's year. */
    public Resolved resolveIn(Plan p, Requirement q, Campaign campaign) {
        if (!p.standing()) {
            return new Resolved(null, q.dueAt, q.dueResolution);
        }
        Plan basis = p.basisPlanId == null ? null : plans.findById(p.basisPlanId);
        OffsetDateTime basisDue = basis == null ? null : basisDeadline(basis, p.issuerId, campaign);
        List<Problem.Violation> errors = new ArrayList<>();
        RequirementDraft rule = new RequirementDraft(q.id, q.kind, q.text, q.reportingUnitIds, q.unitRule,
                q.recipientId, q.viaUnitId, q.copyToUnitIds, q.indicatorSetCode, null, q.dueText, q.dueRule, null);
        Due due = q.dueRule == null ? new Due(null, null) : due("", rule, basis, basisDue, campaign, errors);
        return new Resolved(rule, due.at(), due.resolution());
    }

    /**
     * A standing plan's deadline is a rule resolved in each campaign's year; here only its shape is
     * checked (a day that exists in some year, a basis for BASIS_MINUS_DAYS).
     */
    private static Due standingDue(String prefix, RequirementDraft r, Plan basis, List<Problem.Violation> errors) {
        String field = prefix + "dueRule";
        if (r.dueAt() != null) {
            errors.add(Problem.Violation.body(prefix + "dueAt", "a standing plan applies every year: give its deadline as "
                    + "a dueRule, resolved in each campaign's year"));
        }
        DueRule rule = r.dueRule();
        if (rule == null) {
            return new Due(null, null);
        }
        switch (rule.type()) {
            case BASIS_MINUS_DAYS -> {
                if (rule.days() == null) {
                    errors.add(Problem.Violation.body(field + ".days", "is required for BASIS_MINUS_DAYS"));
                } else if (basis == null) {
                    errors.add(Problem.Violation.body(field, "BASIS_MINUS_DAYS needs a basis plan"));
                }
            }
            case DAY_OF_MONTH -> {
                if (rule.day() == null || rule.month() == null) {
                    errors.add(Problem.Violation.body(field, "DAY_OF_MONTH needs day and month"));
                } else if (rule.day() > java.time.Month.of(rule.month()).maxLength()) {
                    errors.add(Problem.Violation.body(field + ".day", "there is no day " + rule.day() + "/" + rule.month()));
                }
            }
            case CAMPAIGN_DEFAULT -> {
                // resolved against each campaign's default deadline
            }
        }
        return new Due(null, null);
    }

    /**
     * The deadline: the date given, or the one the rule gives ("trước ngày 15/7 hằng năm", the basis
     * plan's deadline less the days the issuer keeps to consolidate, the campaign's default).
     */
    private Due due(String prefix, RequirementDraft r, Plan basis, OffsetDateTime basisDue, Campaign campaign,
                    List<Problem.Violation> errors) {
        if (r.dueRule() == null) {
            return new Due(r.dueAt(), null);
        }
        String field = prefix + "dueRule";
        if (r.dueAt() != null) {
            errors.add(Problem.Violation.body(field, "give the deadline as dueAt or as dueRule, not both"));
            return new Due(null, null);
        }
        DueRule rule = r.dueRule();
        switch (rule.type()) {
            case BASIS_MINUS_DAYS -> {
                if (rule.days() == null) {
                    errors.add(Problem.Violation.body(field + ".days", "is required for BASIS_MINUS_DAYS"));
                } else if (basis == null || basisDue == null) {
                    errors.add(Problem.Violation.body(field, "BASIS_MINUS_DAYS needs a basis plan with a deadline"));
                } else {
                    LocalDate basisDay = basisDue.atZoneSameInstant(VietnamTime.ZONE).toLocalDate();
                    return new Due(VietnamTime.dueBefore(basisDay.minusDays(rule.days())), "plan " + label(basis)
                            + " is due before " + VietnamTime.date(basisDue) + "; less " + rule.days() + " days");
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
    private List<PlanWarning> warnings(PlanDraft in, List<Resolved> requirements, OffsetDateTime basisDue,
                                       Campaign campaign, LocalDate start, LocalDate end) {
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
        for (int i = 0; i < requirements.size(); i++) {
            OffsetDateTime dueAt = requirements.get(i).dueAt();
            if (dueAt != null && basisDue != null && !dueAt.isBefore(basisDue)) {
                out.add(new PlanWarning(in.requirementField(i) + "dueAt", "reports are due "
                        + dueAt.atZoneSameInstant(VietnamTime.ZONE).toLocalDate() + ", not before the basis plan's own "
                        + "deadline " + basisDue.atZoneSameInstant(VietnamTime.ZONE).toLocalDate()
                        + ": no time is left to consolidate them"));
            }
        }
        return out;
    }

    private Plan checkBasis(PlanDraft in, UUID planId, OrgUnit issuer, Campaign campaign, List<Problem.Violation> errors) {
        Plan basis = plans.findById(in.basisPlanId());
        if (basis == null) {
            errors.add(Problem.Violation.body("basisPlanId", "no plan " + in.basisPlanId()));
            return null;
        }
        if (basis.id.equals(planId)) {
            errors.add(Problem.Violation.body("basisPlanId", "a plan cannot implement itself"));
            return null;
        }
        if (basis.status != PlanStatus.PUBLISHED) {
            errors.add(Problem.Violation.body("basisPlanId", "plan " + label(basis) + " is " + basis.status + ", not PUBLISHED"));
        }
        OrgUnit basisIssuer = units.findById(basis.issuerId);
        if (issuer != null && Reach.of(issuer, basisIssuer) != Reach.ANCESTOR) {
            errors.add(Problem.Violation.body("basisPlanId", "plan " + label(basis) + " is issued by " + basisIssuer.name
                    + ", which is not above " + issuer.name + " in the reporting tree"));
        }
        if (in.campaignId() == null && !basis.standing()) {
            errors.add(Problem.Violation.body("basisPlanId", "plan " + label(basis) + " is of one campaign: a standing plan "
                    + "implements a standing plan"));
        } else if (campaign != null && !basis.standing() && !basis.campaignId.equals(campaign.id)) {
            errors.add(Problem.Violation.body("basisPlanId", "plan " + label(basis) + " belongs to another campaign"));
        } else if (campaign != null && basis.standing() && !basis.appliesFrom(campaign.periodStart)) {
            errors.add(Problem.Violation.body("basisPlanId", "standing plan " + label(basis) + " does not apply to campaign "
                    + campaign.name));
        }
        return basis;
    }

    private void checkReporting(String prefix, RequirementDraft r, OffsetDateTime dueAt, OrgUnit issuer,
                                LocalDate periodEnd, Map<UUID, OrgUnit> named, Set<UUID> namedBefore,
                                List<Problem.Violation> errors) {
        OrgUnit recipient = r.recipientId() == null ? null : named.get(r.recipientId());
        OrgUnit via = r.viaUnitId() == null ? null : named.get(r.viaUnitId());
        List<UUID> ids = r.listedUnits();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String field = prefix + "reportingUnitIds[" + i + "]";
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
        if (!ids.isEmpty() || r.unitRule() != null) {
            if (r.recipientId() == null) {
                errors.add(Problem.Violation.body(prefix + "recipientId", "is required when units report"));
            }
            if (dueAt == null && r.dueRule() == null) {
                errors.add(Problem.Violation.body(prefix + "dueAt", "is required when units report (a date, or a dueRule)"));
            }
            if (r.indicatorSetCode() == null || r.indicatorSetCode().isBlank()) {
                errors.add(Problem.Violation.body(prefix + "indicatorSetCode", "is required when units report"));
            }
        }
        if (r.recipientId() != null) {
            if (recipient == null) {
                errors.add(Problem.Violation.body(prefix + "recipientId", "no unit " + r.recipientId()));
            } else if (recipient.retired) {
                errors.add(Problem.Violation.body(prefix + "recipientId", "unit " + recipient.name + " is retired"));
            } else if (issuer != null && !recipient.id.equals(r.viaUnitId()) && !Reach.of(issuer, recipient).inSubtree()) {
                errors.add(Problem.Violation.body(prefix + "recipientId", "reports go to the issuer (" + issuer.name
                        + "), a unit of its subtree, or the consolidating unit the plan names in viaUnitId, not to "
                        + recipient.name));
            } else if (issuer != null && !recipient.id.equals(issuer.id) && !recipient.id.equals(r.viaUnitId())) {
                // a district collects its own wards' reports, not another district's
                for (int i = 0; i < ids.size(); i++) {
                    OrgUnit u = ids.get(i) == null ? null : named.get(ids.get(i));
                    if (u != null && !Reach.of(recipient, u).inSubtree()) {
                        errors.add(Problem.Violation.body(prefix + "reportingUnitIds[" + i + "]", "unit " + u.name
                                + " is not within the recipient's subtree (" + recipient.name + ")"));
                    }
                }
            }
        }
        if (r.viaUnitId() != null) {
            if (via == null) {
                errors.add(Problem.Violation.body(prefix + "viaUnitId", "no unit " + r.viaUnitId()));
            } else if (issuer != null && !Reach.of(issuer, via).inSubtree()) {
                errors.add(Problem.Violation.body(prefix + "viaUnitId", "unit " + via.name + " is not within the "
                        + "issuer's subtree (" + issuer.name + "): a plan names a consolidating unit among its own units"));
            } else if (recipient != null && !Reach.of(recipient, via).inSubtree() && Reach.of(recipient, via) != Reach.PEER) {
                errors.add(Problem.Violation.body(prefix + "viaUnitId", "unit " + via.name + " is neither within the "
                        + "recipient's subtree (" + recipient.name + ") nor its peer under the same parent: only such a "
                        + "unit consolidates for it"));
            }
        }
        List<UUID> copies = r.copyTo();
        for (int i = 0; i < copies.size(); i++) {
            OrgUnit u = copies.get(i) == null ? null : named.get(copies.get(i));
            if (u == null) {
                errors.add(Problem.Violation.body(prefix + "copyToUnitIds[" + i + "]", "no unit " + copies.get(i)));
            } else if (issuer != null && !Reach.of(issuer, u).inReach()) {
                errors.add(Problem.Violation.body(prefix + "copyToUnitIds[" + i + "]", "unit " + u.name + " is outside "
                        + "the issuer's reach (its subtree, its ancestors and its parent's other units)"));
            }
        }
        // a final report comes after the period (an interim one, during it), "after the period's end"
        // read as the real documents use it: the Phường Nguyễn Trãi plan
        // asks for its report "trước ngày 30/6/2024", the start of the period's last day.
        if (r.kindOrDefault() == RequirementKind.FINAL && dueAt != null && periodEnd != null
                && dueAt.isBefore(VietnamTime.dueBefore(periodEnd))) {
            errors.add(Problem.Violation.body(r.dueRule() == null ? prefix + "dueAt" : prefix + "dueRule",
                    "must not be before the start of the period's last day ("
                    + VietnamTime.dueBefore(periodEnd) + ")"));
        }
    }

    /**
     * Assignees lie in the issuer's subtree (the plan gives them tasks, and publishing it tells
     * them); units named in activities are within its reach (its subtree, its ancestors, its peers).
     */
    private static void checkUnitRefs(PlanDraft in, OrgUnit issuer, Map<UUID, OrgUnit> named, List<Problem.Violation> errors) {
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
    private static Set<UUID> namedUnits(PlanDraft in) {
        Set<UUID> ids = new HashSet<>();
        for (RequirementDraft r : in.requirementList()) {
            if (r != null) {
                ids.addAll(r.listedUnits());
                ids.addAll(r.copyTo());
                ids.add(r.recipientId());
                ids.add(r.viaUnitId());
            }
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
