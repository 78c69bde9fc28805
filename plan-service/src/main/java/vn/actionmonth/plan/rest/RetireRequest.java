package vn.actionmonth.plan.rest;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.common.validation.DateBounds;

import java.time.LocalDate;

@Schema(name = "RetireRequest", description = "The day a unit stops existing (exclusive)")
public record RetireRequest(
        @NotNull @DateBounds @Schema(description = "Last day plus one", examples = "2025-07-01") LocalDate effectiveTo) {
}
