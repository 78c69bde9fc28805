package vn.actionmonth.report.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.actionmonth.common.Roles;
import vn.actionmonth.report.service.IndicatorSetService;

import java.util.List;

@Path("/api/v1/indicator-sets")
@RolesAllowed(Roles.MEMBER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Indicator sets", description = "Bộ chỉ tiêu: the indicators reports carry, versioned")
public class IndicatorSetResource {

    private final IndicatorSetService service;

    public IndicatorSetResource(IndicatorSetService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "listIndicatorSets", summary = "Every indicator set, every version")
    public List<IndicatorSetView> list() {
        return service.all().stream().map(IndicatorSetView::of).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getIndicatorSet",
            summary = "One indicator set", description = "The newest version, or the one asked for with ?version=.")
    public IndicatorSetView get(@PathParam("code") String code, @QueryParam("version") Integer version) {
        return IndicatorSetView.of(version == null ? service.latest(code) : service.get(code, version));
    }
}
