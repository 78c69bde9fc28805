package vn.actionmonth.plan.rest;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.common.validation.DateBounds;

import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "MoveRequest", description = "A new reporting parent and the day it takes effect")
public record MoveRequest(
        @NotNull @Schema(description = "The new reporting parent", examples = "0c4a5f3e-4a51-3c8e-a1b7-6d2f0e9b7c21") UUID parentId,
        @NotNull @DateBounds @Schema(description = "First day under the new parent", examples = "2025-07-01") LocalDate effectiveFrom) {
}
