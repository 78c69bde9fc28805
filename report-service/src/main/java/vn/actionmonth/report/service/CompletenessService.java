package vn.actionmonth.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.common.problem.Problems;
import vn.actionmonth.common.units.UnitDirectory;
import vn.actionmonth.common.units.UnitRecord;
import vn.actionmonth.events.report.Completeness;
import vn.actionmonth.report.domain.ReportStatus;
import vn.actionmonth.report.domain.Tree;
import vn.actionmonth.report.domain.UnitScope;
import vn.actionmonth.report.repository.CompletenessRepository;
import vn.actionmonth.report.repository.CompletenessRepository.Counts;
import vn.actionmonth.report.repository.CompletenessRepository.Owed;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Completeness and timeliness of a unit's subtree for a plan (with its sub-plans) or a campaign:
 * owed = open obligations; received = submitted or approved; on time = first submitted before the
 * deadline; late = received after it; missing = owed and not received.
 */
@ApplicationScoped
public class CompletenessService {

    public enum Level { CHILDREN, SUBTREE }

    private final CompletenessRepository repository;
    private final UnitDirectory units;
    private final ReportAccess access;
    private final Clock clock;

    public CompletenessService(CompletenessRepository repository, UnitDirectory units, ReportAccess access, Clock clock) {
        this.repository = repository;
        this.units = units;
        this.access = access;
        this.clock = clock;
    }

    /** A unit that owes a report, with where its report stands. */
    public record Entry(UUID unitId, String unitName, UUID obligationId, UUID reportId, OffsetDateTime dueAt,
                        OffsetDateTime submittedAt, boolean overdue, boolean reportUp) {
    }

    /** @param reportsUpOwed consolidated reports up owed in the subtree (by units that receive reports themselves) */
    public record Result(UUID unitId, UUID scopeId, Completeness subtree, int childrenOwed, int childrenReported,
                         int reportsUpOwed, int reportsUpReceived, List<Entry> late, List<Entry> missing) {
    }

    /** A unit's completeness for the caller, who must be able to read the unit in that scope. */
    public Result read(UUID unitId, UUID scopeId, boolean campaign, Level level, Tree tree) {
        access.requireReadUnit(unitId, scopeId);
        return compute(unitId, scopeId, campaign, level, tree);
    }

    /** A unit's completeness, whoever asks: for callers that have checked access already. */
    public Result compute(UUID unitId, UUID scopeId, boolean campaign, Level level, Tree tree) {
        String path = units.find(unitId).map(UnitRecord::path).orElseThrow(() -> Problems.notFound("unit", unitId));
        Counts counts = repository.counts(path, scopeId, campaign, tree);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Entry> late = new ArrayList<>();
        List<Entry> missing = new ArrayList<>();
        for (Owed o : repository.lateOrMissing(path, scopeId, campaign, level == Level.CHILDREN, tree)) {
            boolean isReceived = o.status() != null && ReportStatus.valueOf(o.status()).received();
            (isReceived ? late : missing).add(entry(o, now));
        }
        return new Result(unitId, scopeId, completeness(counts), counts.childrenOwed(), counts.childrenReported(),
                counts.reportsUpOwed(), counts.reportsUpReceived(), late, missing);
    }

    /**
     * The counts only (no lists) of each unit in its plan, for the consolidation publisher: one
     * statement per plan, one aggregate over each unit's subtree. Units not in the replica are left out.
     */
    public Map<UnitScope, Result> summaries(Collection<UnitScope> pairs) {
        Map<UUID, UnitRecord> known = units.findAll(pairs.stream().map(UnitScope::unitId).collect(Collectors.toSet()));
        Map<UUID, List<UnitScope>> byPlan = pairs.stream().filter(p -> known.containsKey(p.unitId()))
                .collect(Collectors.groupingBy(UnitScope::scopeId));
        Map<UnitScope, Result> out = new HashMap<>();
        byPlan.forEach((plan, inPlan) -> {
            List<Counts> counts = repository.countsInPlan(plan, inPlan.stream().map(p -> known.get(p.unitId()).path()).toList());
            for (int i = 0; i < inPlan.size(); i++) {
                UnitScope p = inPlan.get(i);
                Counts c = counts.get(i);
                out.put(p, new Result(p.unitId(), plan, completeness(c), c.childrenOwed(), c.childrenReported(),
                        c.reportsUpOwed(), c.reportsUpReceived(), List.of(), List.of()));
            }
        });
        return out;
    }

    private static Completeness completeness(Counts c) {
        return new Completeness(c.owed(), c.received(), c.onTime(), c.received() - c.onTime(), c.owed() - c.received());
    }

    private static Entry entry(Owed o, OffsetDateTime now) {
        boolean overdue = o.firstSubmittedAt() == null ? !now.isBefore(o.dueAt()) : !o.firstSubmittedAt().isBefore(o.dueAt());
        return new Entry(o.unitId(), o.unitName(), o.obligationId(), o.reportId(), o.dueAt(), o.firstSubmittedAt(), overdue,
                o.consolidates());
    }
}
