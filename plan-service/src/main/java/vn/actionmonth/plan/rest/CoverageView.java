package vn.actionmonth.plan.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.plan.service.PlanCoverage;

import java.util.List;
import java.util.UUID;

@Schema(name = "Coverage", description = "Of the units a plan expects to issue their own plan (its reporting units under the issuer), which have issued one implementing it")
public record CoverageView(
        UUID planId,
        @Schema(examples = "14") int expected,
        @Schema(description = "Units with a published or closed plan whose basis is this plan") List<Entry> issued,
        @Schema(description = "Units with none yet") List<UnitSummary> missing) {

    public static CoverageView of(PlanCoverage c) {
        return new CoverageView(c.planId(), c.expected(),
                c.issued().stream().map(e -> new Entry(UnitSummary.of(e.unit()), e.planId(), e.planNumber())).toList(),
                c.missing().stream().map(UnitSummary::of).toList());
    }

    @Schema(name = "CoverageEntry")
    public record Entry(UnitSummary unit, UUID planId, @Schema(examples = "/KH-SNV") String planNumber) {
    }
}
