package vn.actionmonth.plan.rest;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.actionmonth.common.DrillBuild;
import vn.actionmonth.common.Roles;
import vn.actionmonth.common.problem.Problem;
import vn.actionmonth.common.problem.Problems;
import vn.actionmonth.plan.service.ImportService;
import vn.actionmonth.plan.service.SyntheticTree;
import vn.actionmonth.plan.service.UnitRow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Imports a seeded synthetic tree shaped like the national one (provinces with departments, mass
 * organisations and their offices; districts with communes), like a file: the same seed and size
 * give the same units. For the benchmark and drills only, so it exists only in drill builds
 * ({@link DrillBuild}) and is in no document. System accounts only.
 */
@Path("/api/v1/unit-imports/synthetic")
@IfBuildProperty(name = DrillBuild.PROPERTY, stringValue = "true")
@RolesAllowed(Roles.SYSTEM)
@Produces(MediaType.APPLICATION_JSON)
public class SyntheticTreeResource {

    private final ImportService service;

    public SyntheticTreeResource(ImportService service) {
        this.service = service;
    }

    /**
     * @param rootId    the unit the provinces report to
     * @param size      how many units
     * @param seed      the generator's seed
     * @param validFrom validFrom of the units created (default today)
     */
    @POST
    @Operation(hidden = true)
    public ImportResult importSynthetic(@QueryParam("rootId") UUID rootId,
                                        @QueryParam("size") @DefaultValue("1000") @Min(1) @Max(200_000) int size,
                                        @QueryParam("seed") @DefaultValue("2024") long seed,
                                        @QueryParam("validFrom") LocalDate validFrom) {
        if (rootId == null) {
            throw Problems.invalid(List.of(Problem.Violation.query("rootId", "is required")));
        }
        List<UnitRow> generated = SyntheticTree.generate(seed, size);
        List<ImportService.Numbered> rows = new ArrayList<>(generated.size());
        for (int i = 0; i < generated.size(); i++) {
            rows.add(new ImportService.Numbered("units[" + i + "]", generated.get(i)));
        }
        return ImportResult.of(service.importTree(rootId, validFrom, rows));
    }
}
