package vn.actionmonth.plan.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.plan.service.ImportCounts;

@Schema(name = "ImportResult", description = "What an import did; a second import of the same file creates and updates nothing")
public record ImportResult(
        @Schema(examples = "11000") int created,
        @Schema(examples = "0") int updated,
        @Schema(examples = "0") int unchanged,
        @Schema(description = "Time spent in the import, in milliseconds", examples = "2300") long millis) {

    public static ImportResult of(ImportCounts c) {
        return new ImportResult(c.created(), c.updated(), c.unchanged(), c.millis());
    }
}
