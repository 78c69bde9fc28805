package vn.actionmonth.events.report;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * A unit submitted (or resubmitted) its results report.
 *
 * @param figures indicator code to value: a whole number for integer and money (VND)
 *                indicators, true/false for boolean ones, a string for text ones
 * @param onTime  whether it arrived before the obligation's due instant
 */
public record ReportSubmitted(UUID reportId, UUID obligationId, UUID planId, UUID campaignId, UUID unitId,
                              UUID recipientId, int revision, String indicatorSetCode, int indicatorSetVersion,
                              Map<String, Object> figures, OffsetDateTime submittedAt, OffsetDateTime dueAt,
                              boolean onTime) implements ReportEvent {

    @Override
    public <R, X extends Exception> R on(ReportEvent.Cases<R, X> cases) throws X {
        return cases.submitted(this);
    }
}
