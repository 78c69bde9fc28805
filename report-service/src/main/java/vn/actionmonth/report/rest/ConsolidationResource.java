package vn.actionmonth.report.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.actionmonth.common.Roles;
import vn.actionmonth.common.rest.Preconditions;
import vn.actionmonth.report.domain.Basis;
import vn.actionmonth.report.service.ConsolidationService;
import vn.actionmonth.report.service.ResultsDocx;
import vn.actionmonth.report.service.ResultsPdf;
import vn.actionmonth.report.service.ResultsReportService;
import vn.actionmonth.report.service.TableExport;

import java.util.UUID;

@Path("/api/v1/consolidations")
@RolesAllowed(Roles.MEMBER)
@Tag(name = "Consolidation", description = "Số liệu tổng hợp: each indicator at a unit = its own + its children's consolidated values")
public class ConsolidationResource {

    /** Figures may be kept by the client, never used without asking again (they move with every report). */
    private static final CacheControl REVALIDATE = CacheControl.valueOf("private, no-cache");

    private final ConsolidationService service;
    private final ResultsReportService results;

    public ConsolidationResource(ConsolidationService service, ResultsReportService results) {
        this.service = service;
        this.results = results;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getConsolidation",
            summary = "Consolidated figures of a unit", description = "For a plan (with every plan issued under it) "
            + "or a whole campaign. basis=SUBMITTED counts submitted and approved reports, APPROVED approved ones only. "
            + "Readable within the caller's subtree. On the tree as then the answer carries an ETag that changes "
            + "whenever the figures do: send it back in If-None-Match and an unchanged answer is 304 with no body, "
            + "so a dashboard may poll cheaply.")
    @APIResponse(responseCode = "200", description = "The figures",
            headers = @Header(name = "ETag", description = "As then: the version of these figures",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConsolidationViews.Figures.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "No unit, or neither or both of plan and campaign")
    @APIResponse(responseCode = "403", description = "The unit lies outside the caller's subtree")
    @APIResponse(responseCode = "404", description = "No such unit, plan, campaign or indicator set")
    public Response figures(@BeanParam ScopeParams scope, @QueryParam("basis") @DefaultValue("SUBMITTED") Basis basis,
                            @Parameter(description = "Indicator set code", example = "CAM")
                            @QueryParam("indicatorSet") String indicatorSet,
                            @Parameter(description = "The ETag of the figures the caller holds")
                            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ConsolidationService.Figures f = service.figures(scope.unit(), scope.scope(), basis, indicatorSet, scope.tree());
        EntityTag tag = etag(f);
        if (Preconditions.noneMatchHolds(ifNoneMatch, tag)) {
            return Response.notModified(tag).cacheControl(REVALIDATE).build();
        }
        return Response.ok(ConsolidationViews.Figures.of(f)).tag(tag).cacheControl(REVALIDATE).build();
    }

    /**
     * What the answer depends on besides the query: the stored figures' version, the indicator
     * set's version and the unit's name. None as now (computed from many units' rows).
     */
    private static EntityTag etag(ConsolidationService.Figures f) {
        if (f.version() == null) {
            return null;
        }
        return new EntityTag(f.version() + "." + f.set().version() + "." + Integer.toHexString(f.unitName().hashCode()));
    }

    @GET
    @Path("/table")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getConsolidationTable",
            summary = "The consolidation table", description = "One row per child unit with its consolidated figures, "
            + "the unit's own row and the total. Ask for text/csv or the XLSX media type in Accept for a file with "
            + "Vietnamese headers.")
    public ConsolidationViews.Table table(@BeanParam ScopeParams scope, @QueryParam("basis") @DefaultValue("SUBMITTED") Basis basis,
                                          @QueryParam("indicatorSet") String indicatorSet) {
        return ConsolidationViews.Table.of(service.table(scope.unit(), scope.scope(), basis, indicatorSet, scope.tree()));
    }

    @GET
    @Path("/table")
    @Produces(TableExport.CSV + ";qs=0.5")
    @Operation(operationId = "exportConsolidationCsv",
            summary = "The consolidation table as CSV", description = "UTF-8 with BOM; money as 1.500.000.")
    public Response csv(@BeanParam ScopeParams scope, @QueryParam("basis") @DefaultValue("SUBMITTED") Basis basis,
                        @QueryParam("indicatorSet") String indicatorSet) {
        ConsolidationService.Table t = service.table(scope.unit(), scope.scope(), basis, indicatorSet, scope.tree());
        return file(TableExport.csv(t), TableExport.CSV + ";charset=UTF-8", "tong-hop.csv");
    }

    @GET
    @Path("/table")
    @Produces(TableExport.XLSX + ";qs=0.5")
    @Operation(operationId = "exportConsolidationXlsx",
            summary = "The consolidation table as an Excel workbook", description = "Sheet 'Tổng hợp': the header block of an "
            + "administrative document (the unit above and the unit, quốc hiệu, tiêu ngữ, place and date left to fill), a "
            + "title, then the table; sheet 'Cấp dưới': the level below the children (up to " + ConsolidationService.MAX_NEXT_LEVEL
            + " units), each row naming the child it belongs to. Numbers formatted #,##0; a range as now is text.")
    public Response xlsx(@BeanParam ScopeParams scope, @QueryParam("basis") @DefaultValue("SUBMITTED") Basis basis,
                         @QueryParam("indicatorSet") String indicatorSet) {
        ConsolidationService.Workbook book = service.workbook(scope.unit(), scope.scope(), basis, indicatorSet, scope.tree());
        return file(TableExport.xlsx(book), TableExport.XLSX, "tong-hop.xlsx");
    }

    @GET
    @Path("/report")
    @Produces(ResultsDocx.MEDIA_TYPE)
    @Operation(operationId = "getResultsReportDocx",
            summary = "The unit's results report as a Word document", description = "\"Báo cáo kết quả thực hiện Tháng hành "
            + "động vì trẻ em năm …\" of the unit under the plan it answers, in the form of Decree 30/2020/NĐ-CP: header "
            + "block (superior and issuing body, number left for the clerk, quốc hiệu, tiêu ngữ, place and date left to fill "
            + "at signing), summary, an opening naming the plan, the consolidated figures by part of the indicator set written "
            + "out in Vietnamese, completeness, the results, difficulties and proposals of the unit's own report and of the "
            + "reports sent to it (each attributed), \"Nơi nhận\", an empty signature block with the head's title, and an "
            + "appendix with a table per part (a row per child unit). Figures as then. Readable as the consolidation is.")
    @APIResponse(responseCode = "200", description = "The document", content = @Content(mediaType = ResultsDocx.MEDIA_TYPE))
    @APIResponse(responseCode = "400", description = "No unit or no plan given")
    @APIResponse(responseCode = "403", description = "The unit lies outside the caller's subtree")
    @APIResponse(responseCode = "404", description = "No such unit or plan")
    public Response resultsReport(@QueryParam("unit") @Parameter(description = "The unit that reports", required = true) UUID unit,
                                  @QueryParam("plan") @Parameter(description = "The plan it answers, e.g. the province's",
                                          required = true) UUID plan,
                                  @QueryParam("basis") @DefaultValue("SUBMITTED") Basis basis,
                                  @QueryParam("indicatorSet") String indicatorSet) {
        return file(ResultsDocx.write(results.build(unit, plan, basis, indicatorSet)), ResultsDocx.MEDIA_TYPE,
                "bao-cao-ket-qua.docx");
    }

    @GET
    @Path("/report")
    @Produces(ResultsPdf.MEDIA_TYPE + ";qs=0.5")
    @Operation(operationId = "getResultsReportPdf", summary = "The unit's results report as a PDF",
            description = "The same report as the Word document, rendered as PDF (fonts embedded), for filing or sending "
                    + "as is. Ask for application/pdf in Accept.")
    @APIResponse(responseCode = "200", description = "The document", content = @Content(mediaType = ResultsPdf.MEDIA_TYPE))
    @APIResponse(responseCode = "400", description = "No unit or no plan given")
    @APIResponse(responseCode = "403", description = "The unit lies outside the caller's subtree")
    @APIResponse(responseCode = "404", description = "No such unit or plan")
    public Response resultsReportPdf(@QueryParam("unit") @Parameter(description = "The unit that reports", required = true) UUID unit,
                                     @QueryParam("plan") @Parameter(description = "The plan it answers", required = true) UUID plan,
                                     @QueryParam("basis") @DefaultValue("SUBMITTED") Basis basis,
                                     @QueryParam("indicatorSet") String indicatorSet) {
        return file(ResultsPdf.write(results.build(unit, plan, basis, indicatorSet)), ResultsPdf.MEDIA_TYPE, "bao-cao-ket-qua.pdf");
    }

    private static Response file(byte[] body, String type, String name) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }
}
