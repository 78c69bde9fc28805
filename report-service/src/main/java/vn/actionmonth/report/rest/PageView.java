package vn.actionmonth.report.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "Page", description = "One page of a list")
public record PageView<T>(List<T> items, @Schema(examples = "0") int page, @Schema(examples = "20") int size,
                          @Schema(examples = "135") long total) {
}
