package vn.actionmonth.common;

import org.junit.jupiter.api.Test;
import vn.actionmonth.common.units.UnitPath;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class UnitPathTest {

    private static final UUID ROOT = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID DISTRICT = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID WARD = UUID.fromString("00000000-0000-0000-0000-000000000003");

    private static final String ROOT_PATH = UnitPath.root(ROOT);
    private static final String DISTRICT_PATH = UnitPath.of(ROOT_PATH, DISTRICT);
    private static final String WARD_PATH = UnitPath.of(DISTRICT_PATH, WARD);

    @Test
    void pathsAreTheIdsFromTheRootEachFollowedByASlash() {
        assertThat(WARD_PATH).isEqualTo("/" + ROOT + "/" + DISTRICT + "/" + WARD + "/");
        assertThat(UnitPath.ids(WARD_PATH)).containsExactly(ROOT, DISTRICT, WARD);
        assertThat(UnitPath.ancestorIds(WARD_PATH)).containsExactly(ROOT, DISTRICT);
        assertThat(UnitPath.ancestorIds(ROOT_PATH)).isEmpty();
        assertThat(UnitPath.rootId(WARD_PATH)).isEqualTo(ROOT);
        assertThat(UnitPath.ids(null)).isEmpty();
    }

    @Test
    void aChildPathIsItsParentsPlusOneSegment() {
        assertThat(WARD_PATH.length()).isEqualTo(UnitPath.childPathLength(DISTRICT_PATH));
        assertThat(DISTRICT_PATH.length() - ROOT_PATH.length()).isEqualTo(UnitPath.SEGMENT);
    }

    @Test
    void aSubtreeIsThePathsUnderItsRoot() {
        assertThat(UnitPath.isWithin(WARD_PATH, ROOT_PATH)).isTrue();
        assertThat(UnitPath.isWithin(ROOT_PATH, WARD_PATH)).isFalse();
        assertThat(UnitPath.passesThrough(WARD_PATH, DISTRICT)).isTrue();
        assertThat(UnitPath.passesThrough(DISTRICT_PATH, WARD)).isFalse();
        assertThat(UnitPath.childOn(WARD_PATH, ROOT_PATH)).isEqualTo(DISTRICT);
        assertThat(UnitPath.childOn(DISTRICT_PATH, DISTRICT_PATH)).isNull();
        assertThat(UnitPath.childOn(ROOT_PATH, DISTRICT_PATH)).isNull();
        List<String> sorted = new java.util.ArrayList<>(List.of(UnitPath.subtreeEnd(DISTRICT_PATH), WARD_PATH, DISTRICT_PATH));
        java.util.Collections.sort(sorted);
        assertThat(sorted).containsExactly(DISTRICT_PATH, WARD_PATH, UnitPath.subtreeEnd(DISTRICT_PATH));
    }
}
