package vn.actionmonth.report.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.report.domain.FigureTotals;
import vn.actionmonth.report.service.ConsistencyCheckService;

import java.util.List;
import java.util.UUID;

@Schema(name = "ConsistencyCheck", description = "Every consolidated figure recomputed from the reports and compared")
public record ConsistencyCheckView(
        @Schema(description = "Reports ever submitted", examples = "10047") int reportsChecked,
        @Schema(description = "Consolidated figures compared (unit, scope, indicator)", examples = "482256") int figuresChecked,
        @Schema(description = "Reports whose latest event has not reached the consolidation yet", examples = "0") int pending,
        @Schema(description = "Figures that differ; must be 0 when pending is 0", examples = "0") int differenceCount,
        @Schema(description = "The first differences (at most 100)") List<Difference> differences) {

    @Schema(name = "ConsistencyDifference")
    public record Difference(UUID unitId, UUID scopeId,
                             @Schema(examples = "FUND_RAISED_VND") String indicatorCode,
                             @Schema(description = "Recomputed from the reports") FigureTotals expected,
                             @Schema(description = "Held by the consolidation") FigureTotals stored) {
    }

    static ConsistencyCheckView of(ConsistencyCheckService.Result r) {
        return new ConsistencyCheckView(r.reportsChecked(), r.figuresChecked(), r.pending(), r.differenceCount(),
                r.differences().stream().map(d -> new Difference(d.unitId(), d.scopeId(), d.indicatorCode(), d.expected(),
                        d.stored())).toList());
    }
}
