package vn.actionmonth.common;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Tells a caller how the service reads its token: a quick check for integrators. */
@Path("/api/v1/me")
@RolesAllowed(Roles.MEMBER)
@Tag(name = "Caller", description = "Who the bearer token says the caller is")
public class CallerResource {

    private final Caller caller;

    public CallerResource(Caller caller) {
        this.caller = caller;
    }

    @Schema(description = "The caller as read from the bearer token")
    public record CallerView(
            @Schema(description = "Subject of the token", examples = "can-bo.phuong-nguyen-trai@kontum.gov.vn") String name,
            @Schema(description = "The caller's unit (claim unit_id)", examples = "3f0e4b7a-6a31-4f6e-9d1a-2b0c4f1e9a11") UUID unitId,
            @Schema(description = "Roles (claim groups)", examples = "[\"reporter\"]") Set<String> roles) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getCaller",
            summary = "The caller's unit and roles", description = "Returns what the service reads from the bearer token. "
            + "401 without a valid token.")
    public CallerView me() {
        return new CallerView(caller.name(), caller.unitId(), new TreeSet<>(caller.roles()));
    }
}
