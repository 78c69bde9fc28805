package vn.actionmonth.report.domain;

import java.util.Comparator;
import java.util.UUID;

/** One consolidated figure: unit, scope (a plan of the basis chain or a campaign) and indicator. */
public record ConsolidationKey(UUID unitId, UUID scopeId, String indicatorCode) implements Comparable<ConsolidationKey> {

    private static final Comparator<ConsolidationKey> ORDER = Comparator.comparing(ConsolidationKey::unitId)
            .thenComparing(ConsolidationKey::scopeId).thenComparing(ConsolidationKey::indicatorCode);

    /** Writers take row locks in this order, so two writers never wait on each other in a cycle. */
    @Override
    public int compareTo(ConsolidationKey o) {
        return ORDER.compare(this, o);
    }
}
