package vn.actionmonth.common.units;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One lineage edge of a reorganisation, as replicated: old unit went, whole (FULL) or in part (PARTIAL), into new unit. */
public record LineageRecord(UUID reorganisationId, UUID oldUnitId, UUID newUnitId, String share, boolean takesOverDuties,
                            boolean derived, BigDecimal allocation, LocalDate effectiveFrom) {

    public boolean full() {
        return "FULL".equals(share);
    }
}
