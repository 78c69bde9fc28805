package vn.actionmonth.report.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.actionmonth.common.Roles;
import vn.actionmonth.common.rest.MaxBody;
import vn.actionmonth.common.rest.Preconditions;
import vn.actionmonth.report.domain.Report;
import vn.actionmonth.report.service.FigureValidator;
import vn.actionmonth.report.service.ReportService;

import java.util.UUID;

@Path("/api/v1/obligations/{obligationId}/report")
@RolesAllowed(Roles.MEMBER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "Results reports (báo cáo kết quả): drafts, submission, return, approval, history")
public class ObligationReportResource {

    private final ReportService service;
    private final FigureValidator figures;

    public ObligationReportResource(ReportService service, FigureValidator figures) {
        this.service = service;
        this.figures = figures;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @MaxBody(ReportRequests.MAX_BODY)
    @Operation(operationId = "putObligationReport", summary = "Report on an obligation in one request",
            description = "Creates or replaces the draft report of the obligation and, with submit=true, submits it, in "
                    + "one transaction. The obligation is the idempotency key: a retry of a submission that went through "
                    + "(same figures and narrative) answers 200 with the report as it is and submits nothing again, so no "
                    + "Idempotency-Key is needed. If-Match is checked when sent. Reporter of the obligation's unit only; "
                    + "figures are checked as for POST /api/v1/reports. The two-step flow stays for drafts.")
    @APIResponse(responseCode = "201", description = "Created (and submitted, with submit=true)",
            content = @Content(schema = @Schema(implementation = ReportView.class)), headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "200", description = "Replaced (and submitted), or a retry answered as it is",
            content = @Content(schema = @Schema(implementation = ReportView.class)), headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "400", description = "A figure or text is refused, named")
    @APIResponse(responseCode = "403", description = "Not a reporter of the obligation's unit")
    @APIResponse(responseCode = "404", description = "No such obligation")
    @APIResponse(responseCode = "409", description = "Already submitted with other content, or the obligation is cancelled")
    @APIResponse(responseCode = "412", description = "If-Match does not match the report's ETag")
    public Response put(@PathParam("obligationId") UUID obligationId, @HeaderParam("If-Match") String ifMatch,
                        @Parameter(description = "Submit it too") @QueryParam("submit") @DefaultValue("false") boolean submit,
                        @Valid @NotNull ReportRequests.Update body, @Context UriInfo uri) {
        ReportService.Put put = service.put(obligationId, ifMatch, body.input(), submit);
        Report r = put.report();
        Response.ResponseBuilder response = put.created()
                ? Response.created(uri.getBaseUriBuilder().path("api/v1/reports").path(r.id.toString()).build())
                : Response.ok();
        return response.tag(Preconditions.etag(r.version)).entity(ReportView.of(r, figures.read(r.figures), r.sentFigures == null ? null : figures.read(r.sentFigures))).build();
    }
}
