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
import vn.actionmonth.report.service.ReportAccess;

@Path("/api/v1/consistency-checks")
@RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consistency", description = "Kiểm tra số liệu tổng hợp")
public class ConsistencyCheckResource {

    private final ConsistencyCheckService service;
    private final ReportAccess access;

    public ConsistencyCheckResource(ConsistencyCheckService service, ReportAccess access) {
        this.service = service;
        this.access = access;
    }

    @POST
    @Operation(operationId = "runConsistencyCheck",
            summary = "Recompute every consolidated figure from the reports and compare",
            description = "Runs in one snapshot. differenceCount must be 0 once pending (reports whose latest event "
                    + "is still on its way to the consolidation) is 0. A country-wide operation: system accounts and "
                    + "admins of a root unit (the ministry) only.")
    public ConsistencyCheckView run() {
        access.requireCountryWide();
        return ConsistencyCheckView.of(service.run());
    }
}
