package vn.actionmonth.plan.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.actionmonth.common.Roles;
import vn.actionmonth.common.rest.Preconditions;
import vn.actionmonth.plan.domain.Campaign;
import vn.actionmonth.plan.service.CampaignService;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/campaigns")
@RolesAllowed(Roles.MEMBER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Campaigns", description = "The yearly Children's Action Month: theme, period and messages")
public class CampaignResource {

    private final CampaignService service;

    public CampaignResource(CampaignService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = CampaignView.class)), headers = @Header(name = "ETag", ref = "ETag"))
    @Operation(operationId = "createCampaign",
            summary = "Create a campaign", description = "By an admin or planner of the root unit (the ministry) or a system account.")
    public Response create(@NotNull @Valid CampaignInput in, @Context UriInfo uri) {
        Campaign c = service.create(in.toDraft());
        return Response.created(uri.getAbsolutePathBuilder().path(c.id.toString()).build())
                .tag(Preconditions.etag(c.version)).entity(CampaignView.of(c)).build();
    }

    @GET
    @Operation(operationId = "listCampaigns",
            summary = "Campaigns", description = "Newest first, optionally of one year.")
    public List<CampaignView> list(@Parameter(example = "2024") @QueryParam("year") Integer year) {
        return service.list(year).stream().map(CampaignView::of).toList();
    }

    @GET
    @Path("{id}")
    @APIResponse(responseCode = "200", description = "The campaign", content = @Content(schema = @Schema(implementation = CampaignView.class)), headers = @Header(name = "ETag", ref = "ETag"))
    @Operation(operationId = "getCampaign", summary = "One campaign")
    public Response get(@PathParam("id") UUID id) {
        Campaign c = service.get(id);
        return Response.ok(CampaignView.of(c)).tag(Preconditions.etag(c.version)).build();
    }
}
