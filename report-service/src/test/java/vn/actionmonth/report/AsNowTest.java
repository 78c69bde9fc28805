package vn.actionmonth.report;

import org.junit.jupiter.api.Test;
import vn.actionmonth.report.domain.AsNow;
import vn.actionmonth.report.domain.Bounds;
import vn.actionmonth.report.domain.LineageMap;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The as-now rule on a small reorganisation: two provinces merged, a ward split, a district abolished. */
class AsNowTest {

    private final UUID root = UUID.randomUUID();
    private final UUID oldA = UUID.randomUUID();
    private final UUID oldB = UUID.randomUUID();
    private final UUID district = UUID.randomUUID();
    private final UUID w1 = UUID.randomUUID();
    private final UUID w2 = UUID.randomUUID();
    private final UUID w3 = UUID.randomUUID();
    private final UUID province = UUID.randomUUID();
    private final UUID x = UUID.randomUUID();
    private final UUID y = UUID.randomUUID();

    private final Map<UUID, String> paths = new HashMap<>();

    AsNowTest() {
        paths.put(province, "/" + root + "/" + province + "/");
        paths.put(x, paths.get(province) + x + "/");
        paths.put(y, paths.get(province) + y + "/");
        paths.put(w2, paths.get(province) + w2 + "/");
    }

    /** w1 5, w2 7 (continues under the new province), w3 10 (split), the district's own 2, old A's own 1. */
    private Map<UUID, Long> own() {
        return Map.of(w1, 5L, w2, 7L, w3, 10L, district, 2L, oldA, 1L);
    }

    private List<LineageMap.Edge> lineage(BigDecimal toX, BigDecimal toY) {
        return List.of(new LineageMap.Edge(oldA, province, true, null), new LineageMap.Edge(oldB, province, true, null),
                new LineageMap.Edge(district, province, true, null), new LineageMap.Edge(w1, x, true, null),
                new LineageMap.Edge(w3, x, false, toX), new LineageMap.Edge(w3, y, false, toY),
                new LineageMap.Edge(w2, w2, true, null));
    }

    @Test
    void aProvinceFormedFromWholeUnitsIsExactAndTheCommunesOfASplitGetARange() {
        Map<UUID, Bounds> at = AsNow.distribute(own(), new LineageMap(lineage(null, null)), paths::get, paths.get(province));

        assertThat(at.get(AsNow.WHOLE)).isEqualTo(new Bounds(25, 25));
        assertThat(at.get(AsNow.OWN)).as("the abolished district's and old province's own reports").isEqualTo(new Bounds(3, 3));
        assertThat(at.get(x)).isEqualTo(new Bounds(5, 15));
        assertThat(at.get(y)).isEqualTo(new Bounds(0, 10));
        assertThat(at.get(w2)).isEqualTo(new Bounds(7, 7));
    }

    @Test
    void anAgreedAllocationMakesTheCommunesExact() {
        Map<UUID, Bounds> at = AsNow.distribute(own(), new LineageMap(lineage(new BigDecimal("0.4"), new BigDecimal("0.6"))),
                paths::get, paths.get(province));

        assertThat(at.get(x)).isEqualTo(new Bounds(9, 9));
        assertThat(at.get(y)).isEqualTo(new Bounds(6, 6));
        assertThat(at.get(AsNow.WHOLE)).isEqualTo(new Bounds(25, 25));
    }

    @Test
    void seenFromTheSplitCommuneAloneTheSplitUnitIsARangeAndFromOutsideItCountsNothing() {
        Map<UUID, Bounds> atX = AsNow.distribute(own(), new LineageMap(lineage(null, null)), paths::get, paths.get(x));
        assertThat(atX.get(AsNow.WHOLE)).isEqualTo(new Bounds(5, 15));

        Map<UUID, Bounds> elsewhere = AsNow.distribute(own(), new LineageMap(lineage(null, null)), paths::get,
                "/" + root + "/" + UUID.randomUUID() + "/");
        assertThat(elsewhere).isEmpty();
    }

    @Test
    void reorganisationsComposeEdgeAfterEdge() {
        UUID later = UUID.randomUUID();
        UUID p = UUID.randomUUID();
        UUID q = UUID.randomUUID();
        LineageMap map = new LineageMap(List.of(new LineageMap.Edge(w1, later, true, null),
                new LineageMap.Edge(later, p, false, new BigDecimal("0.5")), new LineageMap.Edge(later, q, false, null)));

        assertThat(map.partsOf(w1)).containsExactlyInAnyOrder(new LineageMap.Part(p, new BigDecimal("0.5")),
                new LineageMap.Part(q, null));
        assertThat(map.partsOf(w2)).containsExactly(new LineageMap.Part(w2, BigDecimal.ONE));
    }
}
