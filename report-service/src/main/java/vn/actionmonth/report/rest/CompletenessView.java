package vn.actionmonth.report.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.report.service.CompletenessService;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(name = "Completeness", description = "Reports owed and received in a unit's subtree, and who is late or missing")
public record CompletenessView(
        UUID unitId,
        UUID scopeId,
        @Schema(description = "Open obligations in the subtree", examples = "12") int owed,
        @Schema(description = "Of those, submitted or approved", examples = "9") int received,
        @Schema(description = "Received, first submitted before the deadline", examples = "7") int onTime,
        @Schema(description = "Received after the deadline", examples = "2") int late,
        @Schema(description = "Owed and not received", examples = "3") int missing,
        @Schema(description = "Direct children that owe a report", examples = "4") int childrenOwed,
        @Schema(description = "Of those, how many have reported", examples = "3") int childrenReported,
        @Schema(description = "Of the owed, consolidated reports up: owed by units that themselves receive reports under a "
                + "plan implementing the one they report on (a province's report to the ministry)", examples = "2") int reportsUpOwed,
        @Schema(description = "Of those, submitted or approved", examples = "1") int reportsUpReceived,
        @Schema(description = "Units that reported late (one level down or the whole subtree)") List<Entry> lateUnits,
        @Schema(description = "Units that have not reported") List<Entry> missingUnits) {

    @Schema(name = "CompletenessEntry")
    public record Entry(UUID unitId,
                        @Schema(examples = "Phường Quyết Thắng") String unitName,
                        UUID obligationId,
                        UUID reportId,
                        @Schema(examples = "2024-07-20T00:00:00+07:00") OffsetDateTime dueAt,
                        @Schema(examples = "2024-07-22T10:15:00+07:00") OffsetDateTime submittedAt,
                        @Schema(description = "Past the deadline (submitted late, or not yet and the deadline passed)") boolean overdue,
                        @Schema(description = "The unit's consolidated report up (what it received and its own)") boolean reportUp) {
    }

    static CompletenessView of(CompletenessService.Result r) {
        var c = r.subtree();
        return new CompletenessView(r.unitId(), r.scopeId(), c.owed(), c.received(), c.onTime(), c.late(), c.missing(),
                r.childrenOwed(), r.childrenReported(), r.reportsUpOwed(), r.reportsUpReceived(), r.late().stream().map(CompletenessView::entry).toList(),
                r.missing().stream().map(CompletenessView::entry).toList());
    }

    private static Entry entry(CompletenessService.Entry e) {
        return new Entry(e.unitId(), e.unitName(), e.obligationId(), e.reportId(), e.dueAt(), e.submittedAt(), e.overdue(),
                e.reportUp());
    }
}
