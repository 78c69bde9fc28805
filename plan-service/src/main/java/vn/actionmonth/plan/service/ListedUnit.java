package vn.actionmonth.plan.service;

import vn.actionmonth.plan.domain.OrgUnit;
import vn.actionmonth.plan.domain.UnitKind;
import vn.actionmonth.plan.domain.UnitVersion;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A unit as a list shows it: who it is and where it sits, today or as one of its versions shows
 * it on the day asked about.
 *
 * @param validFrom first day of what this entry shows: the unit's, or the version's
 * @param validTo   day it ceased to hold (exclusive); null while it holds
 */
public record ListedUnit(UUID id, UnitKind kind, String name, String adminCode, String agencyCode, UUID parentId, int depth,
                         boolean retired, LocalDate validFrom, LocalDate validTo) {

    public static ListedUnit of(OrgUnit u) {
        return new ListedUnit(u.id, u.kind, u.name, u.adminCode, u.agencyCode, u.parentId, u.depth, u.retired,
                u.validFrom, u.validTo);
    }

    /** The unit as one of its versions shows it: it existed on the day asked about, so it was not retired then. */
    public static ListedUnit of(UnitVersion v) {
        return new ListedUnit(v.unitId(), v.kind(), v.name(), v.adminCode(), v.agencyCode(), v.parentId(), v.depth(),
                false, v.validFrom(), v.validTo());
    }
}
