package vn.actionmonth.report.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.actionmonth.common.Roles;
import vn.actionmonth.report.service.CompletenessService;

@Path("/api/v1/completeness")
@RolesAllowed(Roles.MEMBER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Completeness", description = "Tiến độ báo cáo: owed, received, on time, late, missing")
public class CompletenessResource {

    private final CompletenessService service;

    public CompletenessResource(CompletenessService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "getCompleteness", summary = "Completeness and timeliness of a unit's subtree",
            description = "Counts cover the whole subtree (the unit included); the late and missing lists cover the "
                    + "units one level down (level=CHILDREN, the default) or the whole subtree (level=SUBTREE). With tree=asNow "
                    + "every obligation counts where its unit stands today (an obligation handed over by a reorganisation, "
                    + "at the successor), reported or not; with asThen (the default) a report counts where its unit stood "
                    + "when it was first submitted.")
    public CompletenessView get(@BeanParam ScopeParams scope,
                                @Parameter(description = "CHILDREN or SUBTREE") @QueryParam("level") @DefaultValue("CHILDREN")
                                CompletenessService.Level level) {
        return CompletenessView.of(service.read(scope.unit(), scope.scope(), scope.isCampaign(), level, scope.tree()));
    }
}
