package vn.actionmonth.events.report;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The recipient sent the report back for correction; the obligation is open again. */
public record ReportReturned(UUID reportId, UUID obligationId, UUID planId, UUID campaignId, UUID unitId,
                             UUID recipientId, int revision, String reason, String returnedBy,
                             OffsetDateTime returnedAt) implements ReportEvent {

    @Override
    public <R, X extends Exception> R on(ReportEvent.Cases<R, X> cases) throws X {
        return cases.returned(this);
    }
}
