package vn.actionmonth.notification;

import org.junit.jupiter.api.Test;
import vn.actionmonth.common.Roles;
import vn.actionmonth.common.testing.StandInUnits;
import vn.actionmonth.common.units.UnitDirectory;
import vn.actionmonth.common.units.UnitRecord;
import vn.actionmonth.notification.rest.Access;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static vn.actionmonth.common.testing.Callers.caller;
import static vn.actionmonth.common.testing.Callers.assertForbidden;

/** Who may see notifications and change channels and policies, with stand-ins for the token and the unit replica. */
class AccessTest {

    private final StandInUnits tree = new StandInUnits();
    private final UnitRecord ministry = tree.unit(null, "Bộ Lao động - Thương binh và Xã hội");
    private final UnitRecord province = tree.unit(ministry, "UBND tỉnh Hải Dương");
    private final UnitRecord district = tree.unit(province, "UBND thành phố Chí Linh");
    private final UnitRecord otherProvince = tree.unit(ministry, "UBND tỉnh Hưng Yên");

    private final UnitDirectory directory = tree.directory();

    @Test
    void aUnitReadsItsOwnAndItsSubtreesNotificationsOnly() {
        assertThatCode(() -> access(province, Roles.VIEWER).requireReadable(province.id())).doesNotThrowAnyException();
        assertThatCode(() -> access(province, Roles.VIEWER).requireReadable(district.id())).doesNotThrowAnyException();
        assertThatCode(() -> access(province, Roles.SYSTEM).requireReadable(otherProvince.id())).doesNotThrowAnyException();
        assertForbidden(() -> access(district, Roles.VIEWER).requireReadable(province.id()),
                "unit " + province.id() + " is outside the caller's unit and its subtree");
        assertForbidden(() -> access(province, Roles.VIEWER).requireReadable(otherProvince.id()),
                "unit " + otherProvince.id() + " is outside the caller's unit and its subtree");
    }

    @Test
    void onlyAnAdminOfTheUnitItselfChangesItsChannels() {
        assertThatCode(() -> access(district, Roles.ADMIN).requireAdminOf(district.id())).doesNotThrowAnyException();
        assertForbidden(() -> access(province, Roles.ADMIN).requireAdminOf(district.id()),
                "only an admin of unit " + district.id() + " changes its channels");
        assertForbidden(() -> access(district, Roles.VIEWER).requireAdminOf(district.id()),
                "only an admin of unit " + district.id() + " changes its channels");
    }

    @Test
    void reminderPoliciesBelongToSystemAccountsAndAdminsOfATopUnit() {
        assertThatCode(() -> access(ministry, Roles.ADMIN).requirePolicyAdmin()).doesNotThrowAnyException();
        assertThatCode(() -> access(district, Roles.SYSTEM).requirePolicyAdmin()).doesNotThrowAnyException();
        String detail = "only a system account or an admin of a top unit changes reminder policies";
        assertForbidden(() -> access(province, Roles.ADMIN).requirePolicyAdmin(), detail);
        assertForbidden(() -> access(ministry, Roles.VIEWER).requirePolicyAdmin(), detail);
        assertForbidden(() -> new Access(caller(UUID.randomUUID(), Set.of(Roles.ADMIN)), directory).requirePolicyAdmin(),
                detail);
    }

    @Test
    void theCallerIsKnownByItsUnitAndName() {
        Access access = access(district, Roles.VIEWER);
        assertThat(access.unitId()).isEqualTo(district.id());
        assertThat(access.name()).isEqualTo("can-bo");
    }

    private Access access(UnitRecord unit, String... roles) {
        return new Access(caller(unit.id(), Set.of(roles)), directory);
    }
}
