package vn.actionmonth.common;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.actionmonth.common.problem.Problems;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The service's time, and for drills and end-to-end runs a way to move it. */
@Path("/api/v1/clock")
@Tag(name = "Clock", description = "The service's current time (deadlines are judged by it)")
public class ClockResource {

    private final AdjustableClock clock;

    public ClockResource(AdjustableClock clock) {
        this.clock = clock;
    }

    @Schema(description = "The service's time")
    public record ClockView(
            @Schema(description = "Now, by the service's clock", examples = "2024-07-20T00:00:00+07:00") OffsetDateTime now,
            @Schema(description = "Whether a system account may set it (clock.adjustable)") boolean adjustable) {
    }

    @Schema(description = "The time to set")
    public record SetClock(@NotNull @Schema(examples = "2024-07-13T08:00:00+07:00") OffsetDateTime now) {
    }

    @GET
    @RolesAllowed(Roles.MEMBER)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getClock", summary = "The service's current time")
    public ClockView now() {
        return new ClockView(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), clock.isAdjustable());
    }

    @PUT
    @RolesAllowed(Roles.SYSTEM)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setClock", summary = "Move the service's clock (drills and end-to-end runs only)",
            description = "Sets the time the service judges deadlines by; it runs on from there. Refused with 409 "
                    + "unless the service runs with clock.adjustable=true (CLOCK_ADJUSTABLE), which production never does.")
    public ClockView set(@Valid @NotNull SetClock request) {
        if (!clock.isAdjustable()) {
            throw Problems.conflict("this service's clock is not adjustable (clock.adjustable=false)");
        }
        clock.set(request.now().toInstant());
        return now();
    }
}
