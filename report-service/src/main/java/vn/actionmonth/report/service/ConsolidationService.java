package vn.actionmonth.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.common.problem.Problems;
import vn.actionmonth.common.units.UnitDirectory;
import vn.actionmonth.common.units.UnitRecord;
import vn.actionmonth.report.domain.Basis;
import vn.actionmonth.report.domain.FigureTotals;
import vn.actionmonth.report.domain.Indicator;
import vn.actionmonth.report.domain.IndicatorSet;
import vn.actionmonth.report.repository.ConsolidationRepository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads consolidated figures: value at U = U's own + the consolidated values of U's children,
 * kept up to date by the report-event consumer. A scope is a plan (the whole chain of plans
 * under it) or a campaign.
 */
@ApplicationScoped
public class ConsolidationService {

    private final ConsolidationRepository repository;
    private final UnitDirectory units;
    private final IndicatorSetService indicatorSets;
    private final ReportAccess access;

    public ConsolidationService(ConsolidationRepository repository, UnitDirectory units, IndicatorSetService indicatorSets,
                                ReportAccess access) {
        this.repository = repository;
        this.units = units;
        this.indicatorSets = indicatorSets;
        this.access = access;
    }

    public record Value(Indicator indicator, long own, long total) {
    }

    public record Figures(UUID unitId, String unitName, UUID scopeId, Basis basis, IndicatorSet set, List<Value> values) {
    }

    public enum RowKind { CHILD, OWN, TOTAL }

    public record Row(RowKind kind, UUID unitId, String unitName, Map<String, Long> values) {
    }

    public record Table(UUID unitId, String unitName, UUID scopeId, Basis basis, IndicatorSet set, List<Row> rows) {

        public List<Indicator> columns() {
            return set.indicators().stream().filter(Indicator::consolidates).toList();
        }
    }

    public Figures figures(UUID unitId, UUID scopeId, Basis basis, String setCode) {
        UnitRecord unit = readableUnit(unitId);
        IndicatorSet set = indicatorSets.latest(setCode);
        Map<String, FigureTotals> stored = repository.figures(unitId, scopeId).getOrDefault(unitId, Map.of());
        List<Value> values = new ArrayList<>();
        for (Indicator i : set.indicators()) {
            if (i.consolidates()) {
                FigureTotals t = stored.getOrDefault(i.code(), FigureTotals.ZERO);
                values.add(new Value(i, t.own(basis), t.total(basis)));
            }
        }
        return new Figures(unitId, unit.name(), scopeId, basis, set, values);
    }

    /** One row per child of U (its consolidated figures), then U's own row, then U's total. */
    public Table table(UUID unitId, UUID scopeId, Basis basis, String setCode) {
        UnitRecord unit = readableUnit(unitId);
        IndicatorSet set = indicatorSets.latest(setCode);
        List<UnitRecord> children = units.childrenOf(unitId);
        List<UUID> ids = new ArrayList<>(children.stream().map(UnitRecord::id).toList());
        ids.add(unitId);
        Map<UUID, Map<String, FigureTotals>> stored = repository.figures(ids, scopeId);
        List<Row> rows = new ArrayList<>();
        for (UnitRecord child : children) {
            rows.add(new Row(RowKind.CHILD, child.id(), child.name(), values(set, stored.get(child.id()), basis, false)));
        }
        rows.add(new Row(RowKind.OWN, unitId, unit.name(), values(set, stored.get(unitId), basis, true)));
        rows.add(new Row(RowKind.TOTAL, unitId, unit.name(), values(set, stored.get(unitId), basis, false)));
        return new Table(unitId, unit.name(), scopeId, basis, set, rows);
    }

    private static Map<String, Long> values(IndicatorSet set, Map<String, FigureTotals> stored, Basis basis, boolean own) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Indicator i : set.indicators()) {
            if (i.consolidates()) {
                FigureTotals t = stored == null ? FigureTotals.ZERO : stored.getOrDefault(i.code(), FigureTotals.ZERO);
                out.put(i.code(), own ? t.own(basis) : t.total(basis));
            }
        }
        return out;
    }

    private UnitRecord readableUnit(UUID unitId) {
        UnitRecord unit = units.find(unitId).orElseThrow(() -> Problems.notFound("unit", unitId));
        access.requireReadUnit(unitId);
        return unit;
    }
}
