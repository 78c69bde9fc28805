package vn.actionmonth.common;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.common.problem.Problems;

import java.time.OffsetDateTime;

/**
 * Moves the service's clock, for training drills, end-to-end runs and the benchmark's reminder
 * storm. It exists only in drill builds ({@link DrillBuild}: the tests' build and the
 * drill build under {@code target/drill/}); the production build has no such endpoint, so it is
 * neither callable nor in the OpenAPI document. Even where it exists, it moves the clock only when
 * the service runs with {@code clock.adjustable=true}.
 */
@Path("/api/v1/clock")
@IfBuildProperty(name = DrillBuild.PROPERTY, stringValue = "true")
public class ClockSettingResource {

    private final AdjustableClock clock;

    public ClockSettingResource(AdjustableClock clock) {
        this.clock = clock;
    }

    public record SetClock(@NotNull @Schema(examples = "2024-07-13T08:00:00+07:00") OffsetDateTime now) {
    }

    @PUT
    @RolesAllowed(Roles.SYSTEM)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public ClockResource.ClockView set(@Valid @NotNull SetClock request) {
        if (!clock.isAdjustable()) {
            throw Problems.conflict("this service's clock is not adjustable (clock.adjustable=false)");
        }
        clock.set(request.now().toInstant());
        return ClockResource.ClockView.of(clock);
    }
}
