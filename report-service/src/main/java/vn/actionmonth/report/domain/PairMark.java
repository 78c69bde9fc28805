package vn.actionmonth.report.domain;

import java.util.Comparator;
import java.util.UUID;

/** A unit and plan whose consolidation an applied report moved: its ConsolidationChanged is due. */
public record PairMark(UUID unitId, UUID planId, UUID campaignId) {

    /**
     * The order both the consumer and the publisher lock pairs in, so that they cannot deadlock:
     * PostgreSQL's order of {@code (unit_id, plan_id)}, which compares uuids byte by byte, as their
     * text does, and not as {@link UUID#compareTo} (signed) does. A plan has one campaign.
     */
    public static final Comparator<PairMark> LOCK_ORDER = Comparator
            .comparing(PairMark::unitId, PairMark::unsigned)
            .thenComparing(PairMark::planId, PairMark::unsigned);

    /** Byte by byte, as PostgreSQL and the uuids' text order them, without building the text. */
    private static int unsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
