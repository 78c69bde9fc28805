package vn.actionmonth.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.common.problem.Problems;
import vn.actionmonth.common.units.UnitDirectory;
import vn.actionmonth.common.units.UnitRecord;
import vn.actionmonth.report.domain.AsNow;
import vn.actionmonth.report.domain.Basis;
import vn.actionmonth.report.domain.Bounds;
import vn.actionmonth.report.domain.FigureTotals;
import vn.actionmonth.report.domain.Indicator;
import vn.actionmonth.report.domain.IndicatorSet;
import vn.actionmonth.report.domain.LineageMap;
import vn.actionmonth.report.domain.Tree;
import vn.actionmonth.report.repository.ConsolidationRepository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** {@code own} and {@code total} are exact, or lower bounds when the {@code UpTo} upper bounds are not null. */
    public record Value(Indicator indicator, long own, long total, Long ownUpTo, Long totalUpTo) {

        public boolean exact() {
            return ownUpTo == null && totalUpTo == null;
        }
    }

    /**
     * @param version how often the stored (unit, scope) figures changed; null as now, where the
     *                figures are computed from many units' rows
     */
    public record Figures(UUID unitId, String unitName, UUID scopeId, Basis basis, Tree tree, IndicatorSet set,
                          List<Value> values, Long version) {
    }

    public enum RowKind { CHILD, OWN, TOTAL }

    /** {@code values} are exact except those {@code upTo} gives an upper bound for (as now, over a split). */
    public record Row(RowKind kind, UUID unitId, String unitName, Map<String, Long> values, Map<String, Long> upTo) {
    }

    public record Table(UUID unitId, String unitName, UUID scopeId, Basis basis, Tree tree, IndicatorSet set, List<Row> rows) {

        public List<Indicator> columns() {
            return set.indicators().stream().filter(Indicator::consolidates).toList();
        }
    }

    public Figures figures(UUID unitId, UUID scopeId, Basis basis, String setCode, Tree tree) {
        UnitRecord unit = readableUnit(unitId, scopeId);
        IndicatorSet set = indicatorSets.latest(setCode);
        List<Value> values = new ArrayList<>();
        if (tree == Tree.AS_NOW) {
            Map<String, Map<UUID, Bounds>> now = asNow(unit, scopeId, basis, set);
            for (Indicator i : set.indicators()) {
                if (i.consolidates()) {
                    Map<UUID, Bounds> b = now.getOrDefault(i.code(), Map.of());
                    Bounds own = b.getOrDefault(AsNow.OWN, Bounds.ZERO);
                    Bounds total = b.getOrDefault(AsNow.WHOLE, Bounds.ZERO);
                    values.add(new Value(i, own.low(), total.low(), upTo(own), upTo(total)));
                }
            }
            return new Figures(unitId, unit.name(), scopeId, basis, tree, set, values, null);
        }
        ConsolidationRepository.Snapshot snapshot = repository.snapshot(unitId, scopeId);
        Map<String, FigureTotals> stored = snapshot.figures();
        for (Indicator i : set.indicators()) {
            if (i.consolidates()) {
                FigureTotals t = stored.getOrDefault(i.code(), FigureTotals.ZERO);
                values.add(new Value(i, t.own(basis), t.total(basis), null, null));
            }
        }
        return new Figures(unitId, unit.name(), scopeId, basis, tree, set, values, snapshot.version());
    }

    /**
     * One row per child of U (its consolidated figures), then U's own row, then U's total. As now,
     * the children are U's current ones and the rows may hold ranges.
     */
    public Table table(UUID unitId, UUID scopeId, Basis basis, String setCode, Tree tree) {
        UnitRecord unit = readableUnit(unitId, scopeId);
        IndicatorSet set = indicatorSets.latest(setCode);
        if (tree == Tree.AS_NOW) {
            return tableAsNow(unit, scopeId, basis, set);
        }
        List<UnitRecord> children = units.childrenOf(unitId);
        List<UUID> ids = new ArrayList<>(children.stream().map(UnitRecord::id).toList());
        ids.add(unitId);
        Map<UUID, Map<String, FigureTotals>> stored = repository.figures(ids, scopeId);
        List<Row> rows = new ArrayList<>();
        for (UnitRecord child : children) {
            rows.add(new Row(RowKind.CHILD, child.id(), child.name(), values(set, stored.get(child.id()), basis, false), Map.of()));
        }
        rows.add(new Row(RowKind.OWN, unitId, unit.name(), values(set, stored.get(unitId), basis, true), Map.of()));
        rows.add(new Row(RowKind.TOTAL, unitId, unit.name(), values(set, stored.get(unitId), basis, false), Map.of()));
        return new Table(unitId, unit.name(), scopeId, basis, tree, set, rows);
    }

    /** A row of the level below the children, with the child it belongs to. */
    public record Level(String parentName, Row row) {
    }

    /** What a workbook shows: the table, the unit above (for the header block) and the level below the children. */
    public record Workbook(Table table, String superiorName, List<Level> nextLevel) {
    }

    /** The level below the children is listed up to this many units. */
    public static final int MAX_NEXT_LEVEL = 2000;

    /** The table, and the children's children with their figures, for a workbook with a sheet per level. */
    public Workbook workbook(UUID unitId, UUID scopeId, Basis basis, String setCode, Tree tree) {
        Table table = table(unitId, scopeId, basis, setCode, tree);
        UnitRecord unit = units.find(unitId).orElseThrow(() -> Problems.notFound("unit", unitId));
        String superior = unit.parentId() == null ? null
                : units.find(unit.parentId()).map(UnitRecord::name).orElse(null);
        List<Level> next = new ArrayList<>();
        for (Row child : table.rows()) {
            if (child.kind() != RowKind.CHILD || next.size() >= MAX_NEXT_LEVEL) {
                continue;
            }
            for (Row grandchild : table(child.unitId(), scopeId, basis, setCode, tree).rows()) {
                if (grandchild.kind() == RowKind.CHILD && next.size() < MAX_NEXT_LEVEL) {
                    next.add(new Level(child.unitName(), grandchild));
                }
            }
        }
        return new Workbook(table, superior, next);
    }

    /** The as-now table of a unit the caller may read: for comparisons across campaigns. */
    Table tableAsNow(UnitRecord unit, UUID scopeId, Basis basis, IndicatorSet set) {
        Map<String, Map<UUID, Bounds>> now = asNow(unit, scopeId, basis, set);
        List<Row> rows = new ArrayList<>();
        for (UnitRecord child : units.childrenOf(unit.id())) {
            if (!child.retired()) {
                rows.add(row(RowKind.CHILD, child.id(), child.name(), set, now, child.id()));
            }
        }
        rows.add(row(RowKind.OWN, unit.id(), unit.name(), set, now, AsNow.OWN));
        rows.add(row(RowKind.TOTAL, unit.id(), unit.name(), set, now, AsNow.WHOLE));
        return new Table(unit.id(), unit.name(), scopeId, basis, Tree.AS_NOW, set, rows);
    }

    private static Row row(RowKind kind, UUID id, String name, IndicatorSet set, Map<String, Map<UUID, Bounds>> now, UUID bucket) {
        Map<String, Long> values = new LinkedHashMap<>();
        Map<String, Long> upTo = new LinkedHashMap<>();
        for (Indicator i : set.indicators()) {
            if (i.consolidates()) {
                Bounds b = now.getOrDefault(i.code(), Map.of()).getOrDefault(bucket, Bounds.ZERO);
                values.put(i.code(), b.low());
                if (!b.exact()) {
                    upTo.put(i.code(), b.high());
                }
            }
        }
        return new Row(kind, id, name, values, upTo);
    }

    /**
     * Per indicator, the bounds of U's total ({@link AsNow#WHOLE}), own row ({@link AsNow#OWN}) and
     * each child: every unit's own figures in the scope, mapped through the lineage to today.
     */
    private Map<String, Map<UUID, Bounds>> asNow(UnitRecord unit, UUID scopeId, Basis basis, IndicatorSet set) {
        Map<UUID, Map<String, FigureTotals>> own = repository.ownFigures(scopeId);
        LineageMap lineage = new LineageMap(units.lineage().stream()
                .map(l -> new LineageMap.Edge(l.oldUnitId(), l.newUnitId(), l.full(), l.allocation())).toList());
        Set<UUID> places = new HashSet<>();
        own.keySet().forEach(u -> lineage.partsOf(u).forEach(p -> places.add(p.unit())));
        Map<UUID, UnitRecord> found = units.findAll(places);
        Map<String, Map<UUID, Bounds>> out = new HashMap<>();
        for (Indicator i : set.indicators()) {
            if (!i.consolidates()) {
                continue;
            }
            Map<UUID, Long> values = new HashMap<>();
            own.forEach((u, byCode) -> {
                FigureTotals t = byCode.get(i.code());
                if (t != null) {
                    values.put(u, t.own(basis));
                }
            });
            out.put(i.code(), AsNow.distribute(values, lineage,
                    id -> found.containsKey(id) ? found.get(id).path() : null, unit.path()));
        }
        return out;
    }

    private static Long upTo(Bounds b) {
        return b.exact() ? null : b.high();
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

    private UnitRecord readableUnit(UUID unitId, UUID scopeId) {
        UnitRecord unit = units.find(unitId).orElseThrow(() -> Problems.notFound("unit", unitId));
        access.requireReadUnit(unitId, scopeId);
        return unit;
    }
}
