package vn.actionmonth.plan.messaging;

import vn.actionmonth.events.plan.UnitSnapshot;
import vn.actionmonth.plan.domain.OrgUnit;

/** A unit as the compacted units topic carries it: its whole current state. */
public final class UnitEvents {

    private UnitEvents() {
    }

    public static UnitSnapshot snapshot(OrgUnit u) {
        return new UnitSnapshot(u.id, u.kind.name(), u.name, u.shortName, u.adminCode, u.agencyCode, u.parentId,
                u.ancestorIds(),
                u.parentHistory.stream()
                        .map(p -> new UnitSnapshot.ParentPeriod(p.parentId, p.validFrom, p.validTo)).toList(),
                u.validFrom, u.validTo, u.retired, u.version);
    }
}
