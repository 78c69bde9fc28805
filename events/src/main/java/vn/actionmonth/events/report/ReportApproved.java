package vn.actionmonth.events.report;

import java.time.OffsetDateTime;
import java.util.UUID;

public record ReportApproved(UUID reportId, UUID obligationId, UUID planId, UUID campaignId, UUID unitId,
                             UUID recipientId, int revision, String approvedBy,
                             OffsetDateTime approvedAt) implements ReportEvent {

    @Override
    public <R, X extends Exception> R on(ReportEvent.Cases<R, X> cases) throws X {
        return cases.approved(this);
    }
}
