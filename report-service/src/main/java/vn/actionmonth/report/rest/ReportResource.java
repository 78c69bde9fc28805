package vn.actionmonth.report.rest;

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
import vn.actionmonth.common.rest.IdempotencyKeys;
import vn.actionmonth.common.rest.MaxBody;
import vn.actionmonth.common.rest.Page;
import vn.actionmonth.common.rest.Paging;
import vn.actionmonth.common.rest.Preconditions;
import vn.actionmonth.report.domain.Report;
import vn.actionmonth.report.domain.ReportStatus;
import vn.actionmonth.report.service.FigureValidator;
import vn.actionmonth.report.service.ReportService;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/reports")
@RolesAllowed(Roles.MEMBER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "Results reports (báo cáo kết quả): drafts, submission, return, approval, history")
public class ReportResource {

    private final ReportService service;
    private final FigureValidator figures;

    public ReportResource(ReportService service, FigureValidator figures) {
        this.service = service;
        this.figures = figures;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @MaxBody(ReportRequests.MAX_BODY)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ReportView.class)), headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "200", description = "A retry with an Idempotency-Key seen before: the report the first attempt created", content = @Content(schema = @Schema(implementation = ReportView.class)), headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "409", description = "The obligation already has a report, or is cancelled")
    @APIResponse(responseCode = "404", description = "No such obligation")
    @Operation(operationId = "createReport", summary = "Create the draft report of the caller's unit",
            description = "Reporter of the obligation's unit only. Figures are checked against the indicator set: "
                    + "unknown codes, wrong types, negative counts, fractions of VND and oversized text are refused "
                    + "with problem+json naming `figures.<CODE>`. 201 with Location and ETag; 409 if the obligation "
                    + "already has a report; 200 with that report for a retry carrying the same Idempotency-Key.")
    public Response create(@Valid @NotNull ReportRequests.Create body,
                           @Parameter(description = "Makes a retried create answer with the report the first attempt made")
                           @HeaderParam("Idempotency-Key") String idempotencyKey,
                           @jakarta.ws.rs.core.Context UriInfo uri) {
        ReportService.Created c = service.create(body.obligationId(), body.input(), IdempotencyKeys.parse(idempotencyKey));
        Report r = c.report();
        Response.ResponseBuilder response = c.created()
                ? Response.created(uri.getAbsolutePathBuilder().path(r.id.toString()).build()) : Response.ok();
        return response.tag(tag(r)).entity(view(r)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @MaxBody(ReportRequests.MAX_BODY)
    @APIResponse(responseCode = "200", description = "Saved", content = @Content(schema = @Schema(implementation = ReportView.class)), headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "409", description = "The report is neither a draft nor returned")
    @APIResponse(responseCode = "428", description = Preconditions.IF_MATCH_REQUIRED)
    @Operation(operationId = "updateReport", summary = "Update a draft or returned report",
            description = "Needs If-Match with the ETag last read (428 without it, 412 when someone else saved in between).")
    public Response update(@PathParam("id") UUID id,
                           @Parameter(description = "The report's ETag, e.g. \"3\"") @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull ReportRequests.Update body) {
        return ok(service.update(id, ifMatch, body.input()));
    }

    @POST
    @Path("/{id}/submit")
    @APIResponse(responseCode = "200", description = "Submitted", content = @Content(schema = @Schema(implementation = ReportView.class)), headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "409", description = "The report is neither a draft nor returned, or its obligation is cancelled")
    @Operation(operationId = "submitReport", summary = "Submit the report to its recipient",
            description = "An Idempotency-Key makes a retried submission (flaky mobile network) count once: the retry "
                    + "answers with the report as it is. If-Match is checked when sent. Records whether it arrived "
                    + "before the deadline and publishes ReportSubmitted.")
    public Response submit(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @Parameter(description = "A key the client picks per submission attempt, e.g. a UUID")
                           @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return ok(service.submit(id, ifMatch, IdempotencyKeys.parse(idempotencyKey)));
    }

    @POST
    @Path("/{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "Returned", content = @Content(schema = @Schema(implementation = ReportView.class)), headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "409", description = "The report is not submitted")
    @Operation(operationId = "returnReport", summary = "Return a submitted report for correction",
            description = "Approver of the recipient unit only; the reason is shown to the reporting unit, which may "
                    + "then edit and resubmit. Publishes ReportReturned.")
    public Response returnReport(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                 @Valid @NotNull ReportRequests.Return body) {
        return ok(service.returnForCorrection(id, ifMatch, body.reason()));
    }

    @POST
    @Path("/{id}/approve")
    @APIResponse(responseCode = "200", description = "Approved", content = @Content(schema = @Schema(implementation = ReportView.class)), headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "409", description = "The report is not submitted")
    @Operation(operationId = "approveReport",
            summary = "Approve a submitted report", description = "Approver of the recipient unit only. Publishes ReportApproved.")
    public Response approve(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return ok(service.approve(id, ifMatch));
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(schema = @Schema(implementation = ReportView.class)), headers = @Header(name = "ETag", ref = "ETag"))
    @Operation(operationId = "getReport",
            summary = "One report", description = "Readable by its unit, its recipient, units above it, and system accounts.")
    public Response get(@PathParam("id") UUID id) {
        return ok(service.get(id));
    }

    @GET
    @Path("/{id}/revisions")
    @Operation(operationId = "listReportRevisions",
            summary = "The full history of a report", description = "Every change, oldest first, with who and when.")
    public List<RevisionView> history(@PathParam("id") UUID id) {
        return service.history(id).stream().map(h -> RevisionView.of(h, figures.read(h.figures))).toList();
    }

    @GET
    @Operation(operationId = "listReports",
            summary = "List reports", description = "Filter by plan, unit and status; limited to the caller's subtree "
            + "(and reports sent to its unit) unless the caller is a system account. Newest change first.")
    public Page<ReportView> list(@QueryParam("plan") UUID plan, @QueryParam("unit") UUID unit,
                                     @Parameter(description = "DRAFT, SUBMITTED, RETURNED or APPROVED") @QueryParam("status") ReportStatus status,
                                     @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                     @QueryParam("size") @DefaultValue("20") @Min(1) @Max(500) int size) {
        Page<Report> p = service.list(plan, unit, status, page, size);
        return new Page<>(p.items().stream().map(this::view).toList(), p.page(), p.size(), p.total());
    }

    private Response ok(Report r) {
        return Response.ok(view(r)).tag(tag(r)).build();
    }

    private ReportView view(Report r) {
        return ReportView.of(r, figures.read(r.figures), r.sentFigures == null ? null : figures.read(r.sentFigures));
    }

    private static jakarta.ws.rs.core.EntityTag tag(Report r) {
        return Preconditions.etag(r.version);
    }
}
