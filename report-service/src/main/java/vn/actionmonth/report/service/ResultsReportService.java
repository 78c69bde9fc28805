package vn.actionmonth.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.common.problem.Problem;
import vn.actionmonth.common.problem.Problems;
import vn.actionmonth.common.units.UnitDirectory;
import vn.actionmonth.common.units.UnitRecord;
import vn.actionmonth.report.domain.Basis;
import vn.actionmonth.report.domain.PlanReplica;
import vn.actionmonth.report.domain.Report;
import vn.actionmonth.report.domain.Tree;
import vn.actionmonth.report.repository.ObligationRepository;
import vn.actionmonth.report.repository.PlanRepository;
import vn.actionmonth.report.repository.ReportRepository;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a unit's "Báo cáo kết quả" under a plan says: who issues it and to whom, the plan it
 * answers, the consolidated figures with a row per child unit, completeness, and the narrative
 * parts of its own report and of the reports sent to it, each attributed.
 */
@ApplicationScoped
public class ResultsReportService {

    private final ConsolidationService consolidations;
    private final CompletenessService completeness;
    private final ReportRepository reports;
    private final PlanRepository plans;
    private final ObligationRepository obligations;
    private final UnitDirectory units;
    private final ReportAccess access;

    public ResultsReportService(ConsolidationService consolidations, CompletenessService completeness,
            ReportRepository reports, PlanRepository plans, ObligationRepository obligations, UnitDirectory units,
            ReportAccess access) {
        this.consolidations = consolidations;
        this.completeness = completeness;
        this.reports = reports;
        this.plans = plans;
        this.obligations = obligations;
        this.units = units;
        this.access = access;
    }

    /** One unit's narrative: what it wrote under results, difficulties and proposals. */
    public record Narrative(String unitName, boolean own, String results, String difficulties, String proposals) {
    }

    /**
     * @param superiorName the unit above the issuer (the first line of the header block); null for a root
     * @param year         the campaign's year, when the obligations carry it
     * @param sendTo       the units the report goes to ("Nơi nhận"), by name
     */
    public record ResultsReport(UnitRecord unit, String superiorName, PlanReplica plan, String planIssuerName, Integer year,
                                ConsolidationService.Table table, CompletenessService.Result completeness,
                                List<Narrative> narratives, List<String> sendTo) {
    }

    public ResultsReport build(UUID unitId, UUID planId, Basis basis, String setCode) {
        List<Problem.Violation> missing = new ArrayList<>();
        if (unitId == null) {
            missing.add(Problem.Violation.query("unit", "is required"));
        }
        if (planId == null) {
            missing.add(Problem.Violation.query("plan", "is required"));
        }
        if (!missing.isEmpty()) {
            throw Problems.invalid(missing);
        }
        UnitRecord unit = units.find(unitId).orElseThrow(() -> Problems.notFound("unit", unitId));
        access.requireReadUnit(unitId, planId);
        PlanReplica plan = plans.findByIdOptional(planId).orElseThrow(() -> Problems.notFound("plan", planId));
        ConsolidationService.Table table = consolidations.table(unitId, planId, basis, setCode, Tree.AS_THEN);
        CompletenessService.Result done = completeness.compute(unitId, planId, false, CompletenessService.Level.CHILDREN,
                Tree.AS_THEN);
        List<Report> received = reports.receivedUnder(planId, unitId);
        Set<UUID> named = new LinkedHashSet<>();
        received.forEach(r -> named.add(r.unitId));
        received.forEach(r -> named.add(r.recipientId));
        if (unit.parentId() != null) {
            named.add(unit.parentId());
        }
        if (plan.issuerId != null) {
            named.add(plan.issuerId);
        }
        Map<UUID, UnitRecord> byId = units.findAll(named);
        List<Narrative> narratives = new ArrayList<>();
        List<String> sendTo = new ArrayList<>();
        for (Report r : received) {
            boolean own = r.unitId.equals(unitId);
            narratives.add(new Narrative(nameOf(byId, r.unitId), own, r.results, r.difficulties, r.proposals));
            if (own && byId.containsKey(r.recipientId) && !sendTo.contains(byId.get(r.recipientId).name())) {
                sendTo.add(byId.get(r.recipientId).name());
            }
        }
        narratives.sort(java.util.Comparator.comparing((Narrative n) -> !n.own()).thenComparing(Narrative::unitName));
        String superior = unit.parentId() == null ? null : nameOf(byId, unit.parentId());
        if (sendTo.isEmpty() && superior != null) {
            sendTo.add(superior);
        }
        Integer year = obligations.yearOfPlan(planId);
        return new ResultsReport(unit, superior, plan, plan.issuerId == null ? null : nameOf(byId, plan.issuerId), year,
                table, done, narratives, sendTo);
    }

    private static String nameOf(Map<UUID, UnitRecord> byId, UUID id) {
        UnitRecord u = byId.get(id);
        return u == null ? "đơn vị " + id : u.name();
    }
}
