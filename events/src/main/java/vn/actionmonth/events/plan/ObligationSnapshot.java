package vn.actionmonth.events.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
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
 * @param requirementId  the plan's reporting requirement that gave it (a plan may have several)
 * @param kind           INTERIM or FINAL; totals and completeness count final reports only (null: FINAL)
 * @param copyToUnitIds  units that receive a copy of the report and may read it
 * @param consolidates   the unit receives reports under plans implementing this one: what it owes
 *                       here is its consolidated report up
 */
public record ObligationSnapshot(UUID id, UUID planId, String planNumber, String planTitle, UUID campaignId,
                                 int campaignYear, UUID unitId, UUID recipientId, UUID viaUnitId,
                                 String indicatorSetCode, OffsetDateTime dueAt, String status, long version,
                                 UUID originalUnitId, LocalDate handedOverOn, UUID requirementId, String kind,
                                 List<UUID> copyToUnitIds, boolean consolidates) {

    public static final String FINAL = "FINAL";
    public static final String INTERIM = "INTERIM";

    /**
     * Whether its report adds to totals and completeness: a final report (events before kinds carry
     * none). Not named as a getter, so that it is not written into the event.
     */
    public boolean countsInTotals() {
        return kind == null || FINAL.equals(kind);
    }

    public List<UUID> copyTo() {
        return copyToUnitIds == null ? List.of() : copyToUnitIds;
    }

    /** True when a reorganisation handed the obligation to a successor of the unit the plan named. */
    public boolean handedOver() {
        return originalUnitId != null && !originalUnitId.equals(unitId);
    }
}
