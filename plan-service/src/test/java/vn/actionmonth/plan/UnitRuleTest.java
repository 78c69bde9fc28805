package vn.actionmonth.plan;

import org.junit.jupiter.api.Test;
import vn.actionmonth.plan.domain.OrgUnit;
import vn.actionmonth.plan.domain.UnitKind;
import vn.actionmonth.plan.domain.UnitRule;
import vn.actionmonth.plan.domain.UnitRule.Depth;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.actionmonth.plan.UnitTrees.root;
import static vn.actionmonth.plan.UnitTrees.unit;

/** "Các sở, ban, ngành, UBND các huyện": which units a rule makes report, from a province. */
class UnitRuleTest {

    private final OrgUnit ministry = root("Bộ Y tế", UnitKind.MINISTRY);
    private final OrgUnit province = unit(ministry, "UBND tỉnh Hải Dương", UnitKind.PROVINCE);
    private final OrgUnit otherProvince = unit(ministry, "UBND tỉnh Hưng Yên", UnitKind.PROVINCE);
    private final OrgUnit department = unit(province, "Sở Y tế Hải Dương", UnitKind.DEPARTMENT);
    private final OrgUnit district = unit(province, "UBND thành phố Chí Linh", UnitKind.DISTRICT);
    private final OrgUnit districtOffice = unit(district, "Phòng Văn hóa Chí Linh", UnitKind.DEPARTMENT);
    private final OrgUnit otherDepartment = unit(otherProvince, "Sở Y tế Hưng Yên", UnitKind.DEPARTMENT);

    private final UnitRule departmentsAndDistricts = new UnitRule(List.of(UnitKind.DEPARTMENT, UnitKind.DISTRICT), null);
    private final UnitRule departmentsBelow = new UnitRule(List.of(UnitKind.DEPARTMENT), Depth.SUBTREE);

    @Test
    void withoutADepthTheRuleReachesTheIssuersChildren() {
        assertThat(departmentsAndDistricts.depthOrDefault()).isEqualTo(Depth.CHILDREN);
        assertThat(departmentsBelow.depthOrDefault()).isEqualTo(Depth.SUBTREE);

        assertThat(departmentsAndDistricts.matches(province, department)).isTrue();
        assertThat(departmentsAndDistricts.matches(province, district)).isTrue();
        assertThat(departmentsAndDistricts.matches(province, districtOffice)).as("a grandchild").isFalse();
        assertThat(departmentsAndDistricts.matches(province, otherDepartment)).as("another province's").isFalse();
    }

    @Test
    void aSubtreeRuleReachesTheKindsAtAnyDepthBelowTheIssuerOnly() {
        assertThat(departmentsBelow.matches(province, department)).isTrue();
        assertThat(departmentsBelow.matches(province, districtOffice)).isTrue();
        assertThat(departmentsBelow.matches(province, otherDepartment)).isFalse();
        assertThat(departmentsBelow.matches(province, district)).as("a kind the rule does not name").isFalse();
    }

    @Test
    void onlyTheKindsTheRuleNamesReport() {
        assertThat(new UnitRule(List.of(UnitKind.DISTRICT), Depth.CHILDREN).matches(province, department)).isFalse();
        assertThat(new UnitRule(List.of(UnitKind.DISTRICT), Depth.CHILDREN).matches(province, district)).isTrue();
    }

    @Test
    void aRetiredUnitNeverReports() {
        department.retired = true;
        assertThat(departmentsAndDistricts.matches(province, department)).isFalse();
        assertThat(departmentsBelow.matches(province, department)).isFalse();
    }

    @Test
    void theIssuerIsNeverAmongItsOwnReportingUnits() {
        UnitRule provinces = new UnitRule(List.of(UnitKind.PROVINCE), Depth.SUBTREE);
        assertThat(provinces.matches(province, province)).isFalse();
        assertThat(provinces.matches(ministry, province)).isTrue();
    }
}
