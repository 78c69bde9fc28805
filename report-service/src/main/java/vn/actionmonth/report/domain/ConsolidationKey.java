package vn.actionmonth.report.domain;

import java.util.UUID;

/** One consolidated figure: unit, scope (a plan of the basis chain or a campaign) and indicator. */
public record ConsolidationKey(UUID unitId, UUID scopeId, String indicatorCode) implements Comparable<ConsolidationKey> {

    /** By unit, scope, then indicator: a listing in this order reads row by row. */
    @Override
    public int compareTo(ConsolidationKey o) {
        int byUnit = unitId.compareTo(o.unitId);
        if (byUnit != 0) {
            return byUnit;
        }
        int byScope = scopeId.compareTo(o.scopeId);
        return byScope != 0 ? byScope : indicatorCode.compareTo(o.indicatorCode);
    }
}
