package vn.actionmonth.plan.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a unit was called, coded, of which kind and under which parent over a span of days:
 * {@code validTo} is exclusive and null while the version is current.
 */
public record UnitVersion(UUID unitId, LocalDate validFrom, LocalDate validTo, UnitKind kind, String name,
                          String adminCode, String agencyCode, UUID parentId, String path, int depth) {

    /** True when the version holds on {@code day}. */
    public boolean holdsOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || validTo.isAfter(day));
    }
}
