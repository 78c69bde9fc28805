package vn.actionmonth.plan.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
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
import vn.actionmonth.common.rest.MaxBody;
import vn.actionmonth.common.rest.Page;
import vn.actionmonth.common.rest.Paging;
import vn.actionmonth.common.rest.Preconditions;
import vn.actionmonth.plan.domain.Plan;
import vn.actionmonth.plan.domain.PlanLimits;
import vn.actionmonth.plan.domain.PlanStatus;
import vn.actionmonth.plan.service.PlanService;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/plans")
@RolesAllowed(Roles.MEMBER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "Plans (Kế hoạch) from draft to published to closed, their amendments and the obligations they create")
public class PlanResource {

    private final PlanService service;

    public PlanResource(PlanService service) {
        this.service = service;
    }

    @MaxBody(PlanLimits.BODY)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Draft created", content = @Content(schema = @Schema(implementation = PlanView.class)), headers = @Header(name = "ETag", ref = "ETag"))
    @Operation(operationId = "createPlan",
            summary = "Write a draft plan", description = "A planner of the issuing unit writes it. Every rule is checked at once; "
            + "a broken rule answers 400 with one violation per field (basisPlanId, reportingRequirement.reportingUnitIds[i], "
            + "reportingRequirement.dueAt...) and writes nothing.")
    public Response create(@NotNull @Valid PlanInput in, @Context UriInfo uri) {
        Plan p = service.create(in.toDraft());
        return Response.created(uri.getAbsolutePathBuilder().path(p.id.toString()).build()).tag(tag(p))
                .entity(PlanView.of(p)).build();
    }

    @GET
    @Operation(operationId = "listPlans",
            summary = "Find plans", description = "By campaign, issuer, status, year and number; only plans issued within the "
            + "caller's subtree or by its ancestors (everything for system accounts).")
    public Page<PlanView> list(@QueryParam("campaignId") UUID campaignId,
                               @QueryParam("issuerId") UUID issuerId,
                               @Parameter(example = "PUBLISHED") @QueryParam("status") PlanStatus status,
                               @Parameter(example = "2024") @QueryParam("year") Integer year,
                               @Parameter(example = "75/KH-UBND") @QueryParam("number") String number,
                               @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                               @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return service.list(campaignId, issuerId, status, year, number, page, size).map(PlanView::of);
    }

    @GET
    @Path("{id}")
    @APIResponse(responseCode = "200", description = "The plan", content = @Content(schema = @Schema(implementation = PlanView.class)), headers = @Header(name = "ETag", ref = "ETag"))
    @Operation(operationId = "getPlan",
            summary = "One plan", description = "With every section of the document. ETag carries the version.")
    public Response get(@PathParam("id") UUID id) {
        Plan p = service.readable(id);
        return Response.ok(PlanView.of(p)).tag(tag(p)).build();
    }

    @MaxBody(PlanLimits.BODY)
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "Saved", content = @Content(schema = @Schema(implementation = PlanView.class)), headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "409", description = "The plan is no longer a draft: amend it instead")
    @APIResponse(responseCode = "428", description = Preconditions.IF_MATCH_REQUIRED)
    @Operation(operationId = "updatePlan",
            summary = "Edit a draft", description = "Drafts only (409 once published: amend instead). Needs If-Match.")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid PlanInput in) {
        Plan p = service.update(id, Preconditions.expectedVersion(ifMatch, true), in.toDraft());
        return Response.ok(PlanView.of(p)).tag(tag(p)).build();
    }

    @POST
    @Path("{id}/publish")
    @APIResponse(responseCode = "200", description = "Published", content = @Content(schema = @Schema(implementation = PlanView.class)), headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "409", description = "The plan is not a draft")
    @Operation(operationId = "publishPlan",
            summary = "Publish a draft", description = "Checks the rules again, sets revision 1 and creates one reporting obligation "
            + "per reporting unit; emits PlanPublished and ObligationCreated.")
    public Response publish(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        Plan p = service.publish(id, Preconditions.expectedVersion(ifMatch, false));
        return Response.ok(PlanView.of(p)).tag(tag(p)).build();
    }

    @MaxBody(PlanLimits.BODY)
    @POST
    @Path("{id}/amendments")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "Amended", content = @Content(schema = @Schema(implementation = PlanView.class)), headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "409", description = "The plan is not published")
    @APIResponse(responseCode = "428", description = Preconditions.IF_MATCH_REQUIRED)
    @Operation(operationId = "amendPlan",
            summary = "Amend a published plan", description = "The whole plan as it now reads, and why. Recorded as a revision; "
            + "obligations follow (created, changed or cancelled). Needs If-Match.")
    public Response amend(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid AmendRequest in) {
        Plan p = service.amend(id, Preconditions.expectedVersion(ifMatch, true), in.reason(), in.plan().toDraft());
        return Response.ok(PlanView.of(p)).tag(tag(p)).build();
    }

    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "Closed", content = @Content(schema = @Schema(implementation = PlanView.class)), headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "409", description = "The plan is not published")
    @Operation(operationId = "closePlan",
            summary = "Close a published plan", description = "Cancels its open obligations; emits PlanClosed and ObligationCancelled.")
    public Response close(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid CloseRequest in) {
        Plan p = service.close(id, Preconditions.expectedVersion(ifMatch, false), in == null ? null : in.reason());
        return Response.ok(PlanView.of(p)).tag(tag(p)).build();
    }

    @GET
    @Path("{id}/basis-chain")
    @Operation(operationId = "getPlanBasisChain",
            summary = "The plans this plan implements", description = "Its basis, the basis's basis... nearest first, up to the ministry guidance.")
    public List<PlanView> basisChain(@PathParam("id") UUID id) {
        return service.basisChain(id).stream().map(PlanView::of).toList();
    }

    @GET
    @Path("{id}/implementing-plans")
    @Operation(operationId = "listImplementingPlans",
            summary = "The plans that implement this plan", description = "Plans whose basis is this plan, drafts included.")
    public List<PlanView> implementing(@PathParam("id") UUID id) {
        return service.implementing(id).stream().map(PlanView::of).toList();
    }

    @GET
    @Path("{id}/coverage")
    @Operation(operationId = "getPlanCoverage",
            summary = "Who has issued their own plan", description = "Of the plan's reporting units (other than its issuer), "
            + "which have a published or closed plan implementing it, and which do not.")
    public CoverageView coverage(@PathParam("id") UUID id) {
        return CoverageView.of(service.coverage(id));
    }

    @GET
    @Path("{id}/obligations")
    @Operation(operationId = "listPlanObligations",
            summary = "The reporting obligations of a plan", description = "Open and cancelled.")
    public List<ObligationView> obligations(@PathParam("id") UUID id) {
        return service.obligationsOf(id).stream().map(ObligationView::of).toList();
    }

    @GET
    @Path("{id}/revisions")
    @Operation(operationId = "listPlanRevisions",
            summary = "The revision history of a plan", description = "Every recorded change: created, edited, published, amended, closed.")
    public List<RevisionView> revisions(@PathParam("id") UUID id) {
        return service.revisionsOf(id).stream().map(RevisionView::of).toList();
    }

    private static EntityTag tag(Plan p) {
        return Preconditions.etag(p.version);
    }
}
