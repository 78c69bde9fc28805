package vn.actionmonth.plan;

import org.junit.jupiter.api.Test;
import vn.actionmonth.plan.domain.OrgUnit;
import vn.actionmonth.plan.domain.Reach;
import vn.actionmonth.plan.domain.UnitKind;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.actionmonth.plan.UnitTrees.root;
import static vn.actionmonth.plan.UnitTrees.unit;

/** Where one unit stands from another, on a ministry, two provinces, two districts and a ward. */
class ReachTest {

    private final OrgUnit ministry = root("Bộ Y tế", UnitKind.MINISTRY);
    private final OrgUnit otherRoot = root("Bộ Giáo dục và Đào tạo", UnitKind.MINISTRY);
    private final OrgUnit haiDuong = unit(ministry, "Tỉnh Hải Dương", UnitKind.PROVINCE);
    private final OrgUnit hungYen = unit(ministry, "Tỉnh Hưng Yên", UnitKind.PROVINCE);
    private final OrgUnit chiLinh = unit(haiDuong, "Thành phố Chí Linh", UnitKind.DISTRICT);
    private final OrgUnit kinhMon = unit(haiDuong, "Thị xã Kinh Môn", UnitKind.DISTRICT);
    private final OrgUnit vanLam = unit(hungYen, "Huyện Văn Lâm", UnitKind.DISTRICT);
    private final OrgUnit ward = unit(chiLinh, "Phường Sao Đỏ", UnitKind.COMMUNE);

    @Test
    void aUnitIsItselfNotItsOwnSubtree() {
        assertThat(Reach.of(chiLinh, chiLinh)).isEqualTo(Reach.SELF);
    }

    @Test
    void everyUnitBelowIsInTheSubtreeAtAnyDepth() {
        assertThat(Reach.of(haiDuong, chiLinh)).isEqualTo(Reach.SUBTREE);
        assertThat(Reach.of(ministry, ward)).isEqualTo(Reach.SUBTREE);
    }

    @Test
    void everyUnitAboveIsAnAncestor() {
        assertThat(Reach.of(ward, chiLinh)).isEqualTo(Reach.ANCESTOR);
        assertThat(Reach.of(ward, ministry)).isEqualTo(Reach.ANCESTOR);
    }

    @Test
    void peersShareAParent() {
        assertThat(Reach.of(chiLinh, kinhMon)).isEqualTo(Reach.PEER);
        assertThat(Reach.of(haiDuong, hungYen)).isEqualTo(Reach.PEER);
    }

    @Test
    void cousinsAndOtherTreesAreOutside() {
        assertThat(Reach.of(chiLinh, vanLam)).as("a district of another province").isEqualTo(Reach.OUTSIDE);
        assertThat(Reach.of(ward, kinhMon)).as("its parent's peer").isEqualTo(Reach.OUTSIDE);
        assertThat(Reach.of(kinhMon, ward)).as("its peer's child").isEqualTo(Reach.OUTSIDE);
        assertThat(Reach.of(ministry, otherRoot)).as("two roots have no common parent").isEqualTo(Reach.OUTSIDE);
    }

    @Test
    void onlyTheUnitAndWhatLiesBelowItAreInItsSubtree() {
        assertThat(Reach.SELF.inSubtree()).isTrue();
        assertThat(Reach.SUBTREE.inSubtree()).isTrue();
        assertThat(Reach.ANCESTOR.inSubtree()).isFalse();
        assertThat(Reach.PEER.inSubtree()).isFalse();
        assertThat(Reach.OUTSIDE.inSubtree()).isFalse();
    }

    @Test
    void everythingButOutsideIsInReach() {
        assertThat(Reach.SELF.inReach()).isTrue();
        assertThat(Reach.SUBTREE.inReach()).isTrue();
        assertThat(Reach.ANCESTOR.inReach()).isTrue();
        assertThat(Reach.PEER.inReach()).isTrue();
        assertThat(Reach.OUTSIDE.inReach()).isFalse();
    }
}
