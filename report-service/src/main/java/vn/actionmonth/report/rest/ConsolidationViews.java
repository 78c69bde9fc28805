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
            List<Figure> figures) {

        static Figures of(ConsolidationService.Figures f) {
            return new Figures(f.unitId(), f.unitName(), f.scopeId(), f.basis(), f.set().code(), f.set().version(),
                    f.values().stream().map(v -> new Figure(v.indicator().code(), v.indicator().nameVi(), v.indicator().unit(),
                            v.indicator().type().code(), v.indicator().aggregation().code(), v.own(), v.total())).toList());
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
            @Schema(description = "Own plus the consolidated values of its children", examples = "248000000") long total) {
    }

    @Schema(name = "ConsolidationTable", description = "What a consolidating official needs: one row per child unit, "
            + "the unit's own row and the total")
    public record Table(
            UUID unitId,
            @Schema(examples = "UBND thành phố Kon Tum") String unitName,
            UUID scopeId,
            Basis basis,
            List<Column> columns,
            List<Row> rows) {

        static Table of(ConsolidationService.Table t) {
            return new Table(t.unitId(), t.unitName(), t.scopeId(), t.basis(),
                    t.columns().stream().map(i -> new Column(i.code(), i.nameVi(), i.unit(), i.type().code())).toList(),
                    t.rows().stream().map(r -> new Row(r.kind(), r.unitId(), r.unitName(), r.values())).toList());
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
                      @Schema(description = "Indicator code to value", examples = "{\"CHILDREN_GIFTED\": 320}") Map<String, Long> values) {
    }
}
