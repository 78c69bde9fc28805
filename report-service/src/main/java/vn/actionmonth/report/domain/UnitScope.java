package vn.actionmonth.report.domain;

import java.util.UUID;

/** A unit seen in one scope: a plan (with the plans below it) or a campaign. */
public record UnitScope(UUID unitId, UUID scopeId) implements Comparable<UnitScope> {

    /** Writers lock (unit, scope) rows in this order, so two writers never wait on each other in a cycle. */
    @Override
    public int compareTo(UnitScope o) {
        int byUnit = unitId.compareTo(o.unitId);
        return byUnit != 0 ? byUnit : scopeId.compareTo(o.scopeId);
    }
}
