package vn.actionmonth.events.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A reporting obligation: unit {@code unitId} owes plan {@code planId}'s results report to
 * {@code recipientId} (through {@code viaUnitId}, if any) by {@code dueAt}. Every obligation event
 * carries the whole state, so the compacted obligations topic rebuilds all of them.
 *
 * @param status         OPEN or CANCELLED
 * @param version        increases with every change of this obligation
 * @param originalUnitId the unit the plan named; differs from {@code unitId} once a reorganisation
 *                       handed the obligation from that unit, which ceased, to its successor
 * @param handedOverOn   the day of that handover; null while the obligation is owed by the unit named
 */
public record ObligationSnapshot(UUID id, UUID planId, String planNumber, String planTitle, UUID campaignId,
                                 int campaignYear, UUID unitId, UUID recipientId, UUID viaUnitId,
                                 String indicatorSetCode, OffsetDateTime dueAt, String status, long version,
                                 UUID originalUnitId, LocalDate handedOverOn) {

    /** True when a reorganisation handed the obligation to a successor of the unit the plan named. */
    public boolean handedOver() {
        return originalUnitId != null && !originalUnitId.equals(unitId);
    }
}
