package vn.actionmonth.report.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.actionmonth.common.Roles;
import vn.actionmonth.report.service.ConsistencyCheckService;

@Path("/api/v1/consistency-checks")
@RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consistency", description = "Kiểm tra số liệu tổng hợp")
public class ConsistencyCheckResource {

    private final ConsistencyCheckService service;

    public ConsistencyCheckResource(ConsistencyCheckService service) {
        this.service = service;
    }

    @POST
    @Operation(operationId = "runConsistencyCheck",
            summary = "Recompute every consolidated figure from the reports and compare",
            description = "Runs in one snapshot. differenceCount must be 0 once pending (reports whose latest event "
                    + "is still on its way to the consolidation) is 0. A country-wide operation: system accounts and "
                    + "admins of a root unit (the ministry) only.")
    public ConsistencyCheckView run() {
        return ConsistencyCheckView.of(service.run());
    }
}
