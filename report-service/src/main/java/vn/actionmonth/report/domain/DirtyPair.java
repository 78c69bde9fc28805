package vn.actionmonth.report.domain;

import java.util.UUID;

/**
 * A unit and plan whose consolidation moved and whose ConsolidationChanged is not out yet.
 *
 * @param version how many times the pair was marked since it was last published
 */
public record DirtyPair(UUID unitId, UUID planId, UUID campaignId, long version) {

    public UnitScope scope() {
        return new UnitScope(unitId, planId);
    }
}
