package vn.actionmonth.events.plan;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A reporting obligation: unit {@code unitId} owes plan {@code planId}'s results report to
 * {@code recipientId} (through {@code viaUnitId}, if any) by {@code dueAt}. Every obligation event
 * carries the whole state, so the compacted obligations topic rebuilds all of them.
 *
 * @param status  OPEN or CANCELLED
 * @param version increases with every change of this obligation
 */
public record ObligationSnapshot(UUID id, UUID planId, String planNumber, String planTitle, UUID campaignId,
                                 int campaignYear, UUID unitId, UUID recipientId, UUID viaUnitId,
                                 String indicatorSetCode, OffsetDateTime dueAt, String status, long version) {
}
