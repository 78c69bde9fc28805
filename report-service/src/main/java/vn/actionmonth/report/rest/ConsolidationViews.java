package vn.actionmonth.report.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.report.domain.Basis;
import vn.actionmonth.report.service.ConsolidationService;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Response bodies of the consolidation API. */
public final class ConsolidationViews {

    private ConsolidationViews() {
    }

    @Schema(name = "Consolidation", description = "Consolidated figures of a unit for a plan (with its sub-plans) or a campaign")
    public record Figures(
            UUID unitId,
            @Schema(examples = "UBND thành phố Kon Tum") String unitName,
            @Schema(description = "The plan or campaign asked for") UUID scopeId,
            @Schema(description = "SUBMITTED counts submitted and approved reports; APPROVED approved ones only",
                    examples = "SUBMITTED") Basis basis,
            @Schema(examples = "CAM") String indicatorSetCode,
            @Schema(examples = "1") int indicatorSetVersion,
            @Schema(description = "The tree the figures are read on", examples = "asThen") String tree,
            @Schema(description = "False when a figure is a range (as now, over a unit split without an agreed allocation)")
            boolean exact,
            List<Figure> figures) {

        static Figures of(ConsolidationService.Figures f) {
            return new Figures(f.unitId(), f.unitName(), f.scopeId(), f.basis(), f.set().code(), f.set().version(),
                    f.tree().param(), f.values().stream().allMatch(ConsolidationService.Value::exact),
                    f.values().stream().map(v -> new Figure(v.indicator().code(), v.indicator().nameVi(), v.indicator().unit(),
                            v.indicator().type().code(), v.indicator().aggregation().code(), v.own(), v.total(),
                            v.ownUpTo(), v.totalUpTo(), v.exact())).toList());
        }
    }

    @Schema(name = "ConsolidatedFigure")
    public record Figure(
            @Schema(examples = "FUND_RAISED_VND") String code,
            @Schema(examples = "Số tiền vận động ủng hộ Quỹ Bảo trợ trẻ em") String nameVi,
            @Schema(examples = "VND") String unit,
            @Schema(examples = "money") String type,
            @Schema(examples = "sum") String aggregation,
            @Schema(description = "The unit's own reports", examples = "15500000") long own,
            @Schema(description = "Own plus the consolidated values of its children; as now over a split, the lower bound",
                    examples = "248000000") long total,
            @Schema(description = "As now, the upper bound of own when it is a range; null when exact") Long ownUpTo,
            @Schema(description = "As now, the upper bound of total when it is a range; null when exact") Long totalUpTo,
            @Schema(description = "False when own or total is a range") boolean exact) {
    }

    @Schema(name = "ConsolidationTable", description = "What a consolidating official needs: one row per child unit, "
            + "the unit's own row and the total")
    public record Table(
            UUID unitId,
            @Schema(examples = "UBND thành phố Kon Tum") String unitName,
            UUID scopeId,
            Basis basis,
            @Schema(description = "The tree the figures are read on", examples = "asThen") String tree,
            List<Column> columns,
            List<Row> rows) {

        static Table of(ConsolidationService.Table t) {
            return new Table(t.unitId(), t.unitName(), t.scopeId(), t.basis(), t.tree().param(),
                    t.columns().stream().map(i -> new Column(i.code(), i.nameVi(), i.unit(), i.type().code())).toList(),
                    t.rows().stream().map(r -> new Row(r.kind(), r.unitId(), r.unitName(), r.values(),
                            r.upTo().isEmpty() ? null : r.upTo())).toList());
        }
    }

    @Schema(name = "ConsolidationColumn")
    public record Column(@Schema(examples = "CHILDREN_GIFTED") String code,
                         @Schema(examples = "Số trẻ em được tặng quà (người)") String nameVi,
                         @Schema(examples = "child") String unit,
                         @Schema(examples = "integer") String type) {
    }

    @Schema(name = "ConsolidationRow")
    public record Row(@Schema(description = "CHILD, OWN or TOTAL", examples = "CHILD") ConsolidationService.RowKind kind,
                      UUID unitId,
                      @Schema(examples = "Phường Nguyễn Trãi") String unitName,
                      @Schema(description = "Indicator code to value (as now over a split, the lower bound)",
                              examples = "{\"CHILDREN_GIFTED\": 320}") Map<String, Long> values,
                      @Schema(description = "As now, the upper bounds of the values that are ranges; absent when all are exact",
                              examples = "{\"CHILDREN_GIFTED\": 355}") Map<String, Long> upTo) {
    }
}
