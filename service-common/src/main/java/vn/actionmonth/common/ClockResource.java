package vn.actionmonth.common;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The service's time (drill builds can also move it: {@link ClockSettingResource}). */
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

        static ClockView of(AdjustableClock clock) {
            return new ClockView(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), clock.isAdjustable());
        }
    }

    @GET
    @RolesAllowed(Roles.MEMBER)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getClock", summary = "The service's current time")
    public ClockView now() {
        return ClockView.of(clock);
    }
}
