package vn.actionmonth.report.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.actionmonth.common.Roles;
import vn.actionmonth.report.domain.Basis;
import vn.actionmonth.report.service.ComparisonService;
import vn.actionmonth.report.service.ConsolidationService;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/comparisons")
@RolesAllowed(Roles.MEMBER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Comparisons", description = "Year on year, on today's tree")
public class ComparisonResource {

    private final ComparisonService service;

    public ComparisonResource(ComparisonService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "compareCampaigns", summary = "Each indicator per campaign for a unit and its current children",
            description = "Always as now: each report's unit mapped through every reorganisation since to today's units, so "
                    + "that new Quảng Ngãi's 2024 figures hold old Kon Tum's and old Quảng Ngãi's. " + ScopeParams.TREE
                    + " Readable within the caller's subtree.")
    @APIResponse(responseCode = "200", description = "The comparison")
    @APIResponse(responseCode = "400", description = "A campaign that is neither a year with one campaign nor an id")
    @APIResponse(responseCode = "403", description = "The unit lies outside the caller's subtree")
    @APIResponse(responseCode = "404", description = "No such unit")
    public ComparisonView compare(
            @Parameter(description = "The unit of today's tree", required = true) @QueryParam("unit") UUID unit,
            @Parameter(description = "Years or campaign ids, comma separated, e.g. 2024,2025,2026 (or the parameter repeated)")
            @QueryParam("campaigns") List<String> campaigns,
            @QueryParam("basis") @DefaultValue("SUBMITTED") Basis basis,
            @Parameter(description = "Indicator set code", example = "CAM") @QueryParam("indicatorSet") String indicatorSet) {
        return ComparisonView.of(service.compare(unit, campaigns, basis, indicatorSet));
    }

    @Schema(name = "Comparison", description = "Figures of a unit and its current children per campaign, as now")
    public record ComparisonView(UUID unitId, String unitName, Basis basis, String indicatorSetCode,
                                 List<ConsolidationViews.Column> indicators, List<CampaignColumn> campaigns) {

        static ComparisonView of(ComparisonService.Comparison c) {
            return new ComparisonView(c.unit().id(), c.unit().name(), c.basis(), c.set().code(),
                    c.set().indicators().stream().filter(vn.actionmonth.report.domain.Indicator::consolidates)
                            .map(i -> new ConsolidationViews.Column(i.code(), i.nameVi(), i.unit(), i.type().code())).toList(),
                    c.campaigns().stream().map(CampaignColumn::of).toList());
        }
    }

    @Schema(name = "ComparisonCampaign", description = "One campaign: the total of the unit and a row per current child")
    public record CampaignColumn(@Schema(examples = "2024") String campaign, UUID campaignId,
                                 @Schema(description = "The unit's whole subtree") Figures total,
                                 @Schema(description = "The unit's own reports, and those of units that ceased and went to it")
                                 Figures own,
                                 List<Figures> children) {

        static CampaignColumn of(ComparisonService.Column c) {
            List<ConsolidationService.Row> rows = c.table().rows();
            return new CampaignColumn(c.asked(), c.campaignId(),
                    rows.stream().filter(r -> r.kind() == ConsolidationService.RowKind.TOTAL).map(Figures::of).findFirst().orElseThrow(),
                    rows.stream().filter(r -> r.kind() == ConsolidationService.RowKind.OWN).map(Figures::of).findFirst().orElseThrow(),
                    rows.stream().filter(r -> r.kind() == ConsolidationService.RowKind.CHILD).map(Figures::of).toList());
        }
    }

    @Schema(name = "ComparisonFigures", description = "Values of one unit; upTo holds the upper bounds of those that are ranges")
    public record Figures(UUID unitId, @Schema(examples = "Tỉnh Quảng Ngãi") String unitName, Map<String, Long> values,
                         Map<String, Long> upTo) {

        static Figures of(ConsolidationService.Row r) {
            return new Figures(r.unitId(), r.unitName(), r.values(), r.upTo().isEmpty() ? null : r.upTo());
        }
    }
}
