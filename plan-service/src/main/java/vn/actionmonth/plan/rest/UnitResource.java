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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import vn.actionmonth.common.Roles;
import vn.actionmonth.common.rest.CsvCells;
import vn.actionmonth.common.validation.DateBounds;
import vn.actionmonth.plan.domain.UnitVersion;
import vn.actionmonth.common.rest.Page;
import vn.actionmonth.common.rest.Paging;
import vn.actionmonth.common.rest.Preconditions;
import vn.actionmonth.plan.domain.OrgUnit;
import vn.actionmonth.plan.service.ReorganisationService;
import vn.actionmonth.plan.service.UnitService;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/units")
@RolesAllowed(Roles.MEMBER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Units", description = "The reporting tree: ministries, provinces, departments, mass organisations, districts, communes and offices")
public class UnitResource {

    static final String ASOF = "The day to read the tree as of (yyyy-MM-dd); today when absent";
    private static final String CSV = "text/csv";

    private final UnitService service;
    private final ReorganisationService reorganisations;

    public UnitResource(UnitService service, ReorganisationService reorganisations) {
        this.service = service;
        this.reorganisations = reorganisations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = UnitView.class)), headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "409", description = "The code is already used by a current unit of the tree")
    @Operation(operationId = "createUnit",
            summary = "Create a unit", description = "Admins create units within their own subtree; only system accounts create roots. "
            + "201 with Location and ETag; 409 when a code is already used by a current unit of the tree.")
    public Response create(@NotNull @Valid UnitInput in, @jakarta.ws.rs.core.Context UriInfo uri) {
        OrgUnit u = service.create(in.toDraft());
        return Response.created(uri.getAbsolutePathBuilder().path(u.id.toString()).build())
                .tag(Preconditions.etag(u.version)).entity(UnitView.of(u)).build();
    }

    @GET
    @Operation(operationId = "searchUnits",
            summary = "Find units by code or name", description = "By administrative or agency code (`code=23305`), or by name, "
            + "accent-insensitive (`name=nguyen trai` finds \"Phường Nguyễn Trãi\"). Only units within the caller's subtree "
            + "(everything for system accounts). A code names a unit only together with a day: codes were reused by the "
            + "1 July 2025 reorganisation, so `code=15` is Tỉnh Lào Cai today and, with `asOf=2025-06-30`, Tỉnh Yên Bái. "
            + "With asOf the rows show each unit as it was on that day.")
    public Page<UnitSummary> search(
            @Parameter(description = "Part of the name, accents optional", example = "Nguyen Trai") @QueryParam("name") String name,
            @Parameter(description = "Administrative or agency code", example = "23305") @QueryParam("code") String code,
            @Parameter(description = ASOF) @QueryParam("asOf") @DateBounds LocalDate asOf,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return service.search(name, code, asOf, page, size).map(UnitSummary::of);
    }

    @GET
    @Path("{id}")
    @APIResponse(responseCode = "200", description = "The unit", content = @Content(schema = @Schema(implementation = UnitView.class)), headers = @Header(name = "ETag", ref = "ETag"))
    @Operation(operationId = "getUnit",
            summary = "One unit", description = "Readable within the caller's subtree and its ancestors. ETag carries the version.")
    public Response get(@PathParam("id") UUID id) {
        OrgUnit u = service.readable(id);
        return Response.ok(UnitView.of(u)).tag(Preconditions.etag(u.version)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "Saved", content = @Content(schema = @Schema(implementation = UnitView.class)), headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "409", description = "The code is already used by a current unit of the tree")
    @APIResponse(responseCode = "428", description = Preconditions.IF_MATCH_REQUIRED)
    @Operation(operationId = "updateUnit",
            summary = "Update a unit", description = "Names, codes, contacts and validity. Needs If-Match with the current ETag "
            + "(428 without, 412 when stale). The parent changes only by a move.")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid UnitInput in) {
        OrgUnit u = service.update(id, Preconditions.expectedVersion(ifMatch, true), in.toDraft());
        return Response.ok(UnitView.of(u)).tag(Preconditions.etag(u.version)).build();
    }

    @POST
    @Path("{id}/retire")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "Retired", content = @Content(schema = @Schema(implementation = UnitView.class)), headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "409", description = "The unit still has current children or is already retired")
    @Operation(operationId = "retireUnit",
            summary = "Retire a unit", description = "The unit stops existing from effectiveTo; refused (409) while current units are under it.")
    public Response retire(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid RetireRequest in) {
        OrgUnit u = service.retire(id, Preconditions.expectedVersion(ifMatch, false), in.effectiveTo());
        return Response.ok(UnitView.of(u)).tag(Preconditions.etag(u.version)).build();
    }

    @POST
    @Path("{id}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "Moved", content = @Content(schema = @Schema(implementation = UnitView.class)), headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "409", description = "The move would put the unit under itself or under a retired unit")
    @Operation(operationId = "moveUnit",
            summary = "Move a unit to another parent", description = "From effectiveFrom the unit and its subtree report to the new parent; "
            + "the earlier parent stays in parentHistory. Emits UnitMoved for the unit and UnitChanged for each descendant.")
    public Response move(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                         @NotNull @Valid MoveRequest in) {
        OrgUnit u = service.move(id, Preconditions.expectedVersion(ifMatch, false), in.parentId(), in.effectiveFrom());
        return Response.ok(UnitView.of(u)).tag(Preconditions.etag(u.version)).build();
    }

    @GET
    @Path("{id}/children")
    @Operation(operationId = "listChildUnits", summary = "Direct children of a unit",
            description = "Paged, by name; with asOf, the children it had on that day, as they were then.")
    public Page<UnitSummary> children(@PathParam("id") UUID id,
                                      @Parameter(description = ASOF) @QueryParam("asOf") @DateBounds LocalDate asOf,
                                      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return service.children(id, asOf, page, size).map(UnitSummary::of);
    }

    @GET
    @Path("{id}/subtree")
    @Operation(operationId = "listSubtree",
            summary = "The whole subtree of a unit, paged", description = "The unit and every unit under it, shallowest first; "
            + "with asOf, the subtree as it stood on that day (empty when the unit did not exist then).")
    public Page<UnitSummary> subtree(@PathParam("id") UUID id,
                                     @Parameter(description = ASOF) @QueryParam("asOf") @DateBounds LocalDate asOf,
                                     @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                     @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return service.subtree(id, asOf, page, size).map(UnitSummary::of);
    }

    @GET
    @Path("{id}/export")
    @Produces(CSV)
    @Operation(operationId = "exportSubtree",
            summary = "The subtree as a CSV file", description = "The unit and every unit under it as they stood on asOf "
            + "(today by default), one row per unit in the import format (code, name, kind, parent_code) with agency_code, "
            + "id, parent_id and the version's valid_from and valid_to. UTF-8 with a byte order mark, so that spreadsheets "
            + "read Vietnamese names right; cells that a spreadsheet would run as formulas are neutralised.")
    @APIResponse(responseCode = "200", description = "The CSV file", content = @Content(mediaType = CSV))
    @APIResponse(responseCode = "403", description = "The unit lies outside the caller's subtree")
    @APIResponse(responseCode = "404", description = "No such unit")
    @APIResponse(responseCode = "409", description = "More than " + UnitService.MAX_EXPORT + " units")
    public Response export(@PathParam("id") UUID id,
                           @Parameter(description = ASOF) @QueryParam("asOf") @DateBounds LocalDate asOf) {
        List<UnitVersion> rows = service.export(id, asOf);
        java.util.Map<UUID, String> codeOf = new java.util.HashMap<>();
        rows.forEach(v -> codeOf.put(v.unitId(), v.adminCode() != null ? v.adminCode() : v.agencyCode()));
        StringBuilder sb = new StringBuilder("\uFEFFcode,name,kind,parent_code,agency_code,id,parent_id,valid_from,valid_to\n");
        for (UnitVersion v : rows) {
            sb.append(CsvCells.quote(v.adminCode())).append(',').append(CsvCells.quote(v.name())).append(',')
                    .append(v.kind()).append(',').append(CsvCells.quote(codeOf.get(v.parentId()))).append(',')
                    .append(CsvCells.quote(v.agencyCode())).append(',').append(v.unitId()).append(',')
                    .append(v.parentId() == null ? "" : v.parentId().toString()).append(',').append(v.validFrom()).append(',')
                    .append(v.validTo() == null ? "" : v.validTo().toString()).append('\n');
        }
        return Response.ok(sb.toString(), CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"units-" + id + "-" + (asOf == null ? "today" : asOf)
                        + ".csv\"").build();
    }

    @GET
    @Path("{id}/lineage")
    @Operation(operationId = "getUnitLineage",
            summary = "Where a unit came from and went", description = "Every lineage edge the unit is in, as old unit "
            + "(it ceased and went, whole or in part, to newUnitId) or as new unit (it was formed from oldUnitId).")
    public List<ReorganisationViews.LineageView> lineage(@PathParam("id") UUID id) {
        return reorganisations.lineageOfUnit(id).stream().map(ReorganisationViews.LineageView::of).toList();
    }

    @GET
    @Path("{id}/versions")
    @Operation(operationId = "listUnitVersions",
            summary = "Every version of a unit", description = "Each span of days over which the unit's name, codes, kind and "
            + "parent held, oldest first; validTo is exclusive and null for the current version.")
    public List<UnitSummary> versions(@PathParam("id") UUID id) {
        return service.versions(id).stream().map(UnitSummary::of).toList();
    }

    @GET
    @Path("{id}/tree")
    @Operation(operationId = "getUnitTree",
            summary = "A small subtree as a nested tree", description = "Refused with 409 above " + UnitService.MAX_TREE_NODES
            + " units: read big subtrees with /subtree.")
    public UnitTreeNode tree(@PathParam("id") UUID id) {
        return UnitTreeNode.of(service.tree(id));
    }

    @GET
    @Path("{id}/ancestors")
    @Operation(operationId = "listAncestors",
            summary = "The reporting path above a unit", description = "From the root down to the unit's parent.")
    public List<UnitSummary> ancestors(@PathParam("id") UUID id) {
        return service.ancestors(id).stream().map(UnitSummary::of).toList();
    }
}
