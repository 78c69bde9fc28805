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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.actionmonth.common.Roles;
import vn.actionmonth.common.problem.Problem;
import vn.actionmonth.common.problem.Problems;
import vn.actionmonth.common.rest.MaxBody;
import vn.actionmonth.common.validation.DateBounds;
import vn.actionmonth.plan.domain.UnitLimits;
import vn.actionmonth.plan.service.ReorganisationService;
import vn.actionmonth.plan.service.ReorganisationSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/reorganisations")
@RolesAllowed(Roles.MEMBER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reorganisations", description = "Merges and splits of the tree on a given day, with lineage and handover")
public class ReorganisationResource {

    private static final String APPLY = "Checked whole first, applied in one transaction, or refused (400) with one violation "
            + "per bad row and nothing changed: every old unit is a current unit of the tree the day before, every old unit "
            + "that went whole (FULL) goes to exactly one new unit, every new unit has a lineage row and a parent that exists "
            + "on the day, no code names two units on the day, and every old unit split between several (PARTIAL) that owes, "
            + "receives or consolidates an open obligation names the successor that takes over its duties. "
            + "A new unit formed from one old unit that went whole to it alone continues that unit (same id, new version); "
            + "the others are new units. Administrative units the lineage does not name that are left with no "
            + "administrative unit under them cease too (the districts in 2025), their successors derived. Departments, "
            + "mass organisations and offices under a unit that ceased move under its successor unless a placement says "
            + "otherwise. Open obligations pass to the successor, which owes them in place of the old unit (the obligation "
            + "keeps originalUnitId). Emits UnitsMerged for each new unit, UnitSplit or UnitRetired for each old one, "
            + "UnitMoved/UnitChanged for units that moved, ObligationChanged for each obligation handed over. The effective "
            + "date may not be after today. Admins of the tree's root and system accounts only.";

    private final ReorganisationService service;

    public ReorganisationResource(ReorganisationService service) {
        this.service = service;
    }

    @MaxBody(UnitLimits.IMPORT_BODY)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "applyReorganisation", summary = "Apply a reorganisation", description = APPLY
            + " Bad rows are named units[i], lineage[i], placements[i].")
    @APIResponse(responseCode = "201", description = "Applied", content = @Content(schema = @Schema(implementation = ReorganisationViews.ResultView.class)))
    @APIResponse(responseCode = "400", description = "A bad row: nothing changed")
    @APIResponse(responseCode = "403", description = "Not an admin of the tree's root")
    public Response apply(@NotNull @Valid ReorganisationInput in, @Context UriInfo uri) {
        return created(service.apply(ReorganisationFiles.fromJson(in)), uri);
    }

    @MaxBody(UnitLimits.IMPORT_BODY)
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "applyReorganisationFiles", summary = "Apply a reorganisation from the statistical office's files",
            description = APPLY + " Parts: rootId, effectiveDate, title, units (CSV: code, name, parent_code, optionally kind; "
            + "the list of units from the effective date as published) and lineage (CSV: new_code, old_code, share full or "
            + "partial, optionally old_name, takes_over_duties yes/no, allocation). Bad rows are named units.csv:n and "
            + "lineage.csv:n by file line. The reorganisation of 1 July 2025 ships as "
            + "units/units-from-2025-07-01.csv and units/lineage-2025-07-01.csv in plan-service's resources.")
    @APIResponse(responseCode = "201", description = "Applied", content = @Content(schema = @Schema(implementation = ReorganisationViews.ResultView.class)))
    @APIResponse(responseCode = "400", description = "A bad part or row: nothing changed")
    @APIResponse(responseCode = "403", description = "Not an admin of the tree's root")
    public Response applyFiles(@RestForm("rootId") String rootId, @RestForm("effectiveDate") String effectiveDate,
                               @RestForm("title") String title, @RestForm("units") FileUpload units,
                               @RestForm("lineage") FileUpload lineage, @Context UriInfo uri) {
        UUID root = uuid(rootId);
        service.requireMayReorganise(root);
        ReorganisationSpec spec = ReorganisationFiles.fromCsv(root, date(effectiveDate), title,
                read("units", units), read("lineage", lineage));
        return created(service.apply(spec), uri);
    }

    @GET
    @Operation(operationId = "listReorganisations", summary = "The reorganisations of a tree", description = "Oldest first.")
    @APIResponse(responseCode = "200", description = "The reorganisations")
    @APIResponse(responseCode = "403", description = "The tree is not the caller's")
    public List<ReorganisationViews.View> list(
            @Parameter(description = "Any unit of the tree", required = true) @QueryParam("unitId") UUID unitId) {
        if (unitId == null) {
            throw Problems.invalid(List.of(Problem.Violation.query("unitId", "is required")));
        }
        return service.ofTree(unitId).stream().map(ReorganisationViews.View::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getReorganisation", summary = "One reorganisation")
    @APIResponse(responseCode = "200", description = "The reorganisation")
    @APIResponse(responseCode = "404", description = "No such reorganisation")
    public ReorganisationViews.View get(@PathParam("id") UUID id) {
        return ReorganisationViews.View.of(service.read(id));
    }

    @GET
    @Path("{id}/lineage")
    @Operation(operationId = "getReorganisationLineage", summary = "A reorganisation's lineage",
            description = "Every edge old unit → new unit it recorded, derived ones (abolished districts) included.")
    @APIResponse(responseCode = "200", description = "The lineage")
    @APIResponse(responseCode = "404", description = "No such reorganisation")
    public List<ReorganisationViews.LineageView> lineage(@PathParam("id") UUID id) {
        return service.lineage(id).stream().map(ReorganisationViews.LineageView::of).toList();
    }

    private static Response created(ReorganisationService.Result r, UriInfo uri) {
        return Response.created(uri.getBaseUriBuilder().path("api/v1/reorganisations").path(r.id().toString()).build())
                .entity(ReorganisationViews.ResultView.of(r)).build();
    }

    private static String read(String part, FileUpload file) {
        if (file == null) {
            throw Problems.invalid(part, "the part " + part + " (a CSV file) is missing");
        }
        try {
            return Files.readString(file.uploadedFile(), StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw Problems.invalid(part, "the part " + part + " is not UTF-8 text");
        }
    }

    private static UUID uuid(String s) {
        try {
            return UUID.fromString(s == null ? "" : s.strip());
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("rootId", "must be a unit id (UUID)");
        }
    }

    private static LocalDate date(String s) {
        try {
            LocalDate d = LocalDate.parse(s == null ? "" : s.strip());
            if (d.getYear() < DateBounds.MIN_YEAR || d.getYear() > DateBounds.MAX_YEAR) {
                throw Problems.invalid("effectiveDate", "must lie in the years " + DateBounds.MIN_YEAR + " to " + DateBounds.MAX_YEAR);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw Problems.invalid("effectiveDate", "must be a date, yyyy-MM-dd");
        }
    }
}
