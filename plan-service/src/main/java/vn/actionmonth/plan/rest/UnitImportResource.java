package vn.actionmonth.plan.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.actionmonth.common.Roles;
import vn.actionmonth.common.problem.Problems;
import vn.actionmonth.common.rest.MaxBody;
import vn.actionmonth.plan.domain.UnitLimits;
import vn.actionmonth.plan.service.ImportService;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/unit-imports")
@RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Unit imports", description = "Bulk import of a tree of units (JSON or CSV), all or nothing, idempotent by code")
public class UnitImportResource {

    private static final String IMPORT_DESCRIPTION = "One transaction: every row is checked first, and when any row is bad the answer is 400 "
            + "with one violation per bad field naming the row, and nothing is written. Rows match current units of the tree by code "
            + "(administrative code, else agency code), so importing the same file twice changes nothing. Admins of the tree's root "
            + "(the ministry) and system accounts only.";

    private final ImportService service;

    public UnitImportResource(ImportService service) {
        this.service = service;
    }

    @MaxBody(UnitLimits.IMPORT_BODY)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importUnits",
            summary = "Import units from JSON", description = IMPORT_DESCRIPTION + " Bad rows are named units[i].")
    public ImportResult importJson(@NotNull @Valid ImportRequest request) {
        List<ImportService.Numbered> rows = new ArrayList<>(request.units().size());
        for (int i = 0; i < request.units().size(); i++) {
            ImportRow r = request.units().get(i);
            if (r == null) {
                throw Problems.invalid("units[" + i + "]", "must not be null");
            }
            rows.add(new ImportService.Numbered("units[" + i + "]", r.toRow()));
        }
        return ImportResult.of(service.importTree(request.rootId(), request.validFrom(), rows));
    }

    @MaxBody(UnitLimits.IMPORT_BODY)
    @POST
    @Consumes("text/csv")
    @Operation(operationId = "importUnitsCsv",
            summary = "Import units from CSV", description = IMPORT_DESCRIPTION + " Columns by header: code, name, parent_code and "
            + "optionally kind, short_name, agency_code (the statistical office's unit lists import as they are). Bad rows are "
            + "named rows[n], n being the file line (the header is line 1).")
    public ImportResult importCsv(
            @Parameter(description = "The unit the file's top-level rows report to", required = true) @QueryParam("rootId") UUID rootId,
            @Parameter(description = "validFrom of the units created (default today)", example = "2024-01-01") @QueryParam("validFrom") LocalDate validFrom,
            String body) {
        if (rootId == null) {
            throw Problems.invalid(List.of(vn.actionmonth.common.problem.Problem.Violation.query("rootId", "is required")));
        }
        return ImportResult.of(service.importTree(rootId, validFrom, CsvRows.parse(body == null ? "" : body)));
    }
}
