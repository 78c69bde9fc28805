package vn.actionmonth.plan.rest;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.common.validation.DateBounds;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "ImportRequest", description = "A tree of units to import in one transaction")
public record ImportRequest(
        @NotNull @Schema(description = "The unit the file's top-level rows report to (e.g. the ministry)", examples = "6a1f0b8e-2c1d-3e4f-9a5b-7c8d9e0f1a2b") UUID rootId,
        @DateBounds @Schema(description = "validFrom of the units created (default: today)", examples = "2024-01-01") LocalDate validFrom,
        @NotNull @Schema(description = "The units") List<ImportRow> units) {
}
