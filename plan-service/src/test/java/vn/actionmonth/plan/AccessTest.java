package vn.actionmonth.plan;

import org.junit.jupiter.api.Test;
import vn.actionmonth.common.Roles;
import vn.actionmonth.plan.domain.OrgUnit;
import vn.actionmonth.plan.domain.UnitKind;
import vn.actionmonth.plan.repository.UnitRepository;
import vn.actionmonth.plan.service.Access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static vn.actionmonth.plan.UnitTrees.root;
import static vn.actionmonth.plan.UnitTrees.unit;
import static vn.actionmonth.common.testing.Callers.caller;
import static vn.actionmonth.common.testing.Callers.assertForbidden;

/** What a caller may see and do in the tree, with stand-ins for its token and the units (the real ones: AuthorizationMatrixTest). */
class AccessTest {

    private final OrgUnit ministry = root("Bộ Lao động - Thương binh và Xã hội", UnitKind.MINISTRY);
    private final OrgUnit province = unit(ministry, "UBND tỉnh Hải Dương", UnitKind.PROVINCE);
    private final OrgUnit otherProvince = unit(ministry, "UBND tỉnh Hưng Yên", UnitKind.PROVINCE);
    private final OrgUnit district = unit(province, "UBND thành phố Chí Linh", UnitKind.DISTRICT);
    private final OrgUnit ward = unit(district, "UBND phường Sao Đỏ", UnitKind.COMMUNE);

    private final Map<UUID, OrgUnit> units = new HashMap<>();
    private final List<UUID> lookups = new ArrayList<>();
    private final UnitRepository repository = new UnitRepository() {
        @Override
        public Optional<OrgUnit> findByIdOptional(UUID id) {
            lookups.add(id);
            return Optional.ofNullable(units.get(id));
        }
    };

    AccessTest() {
        for (OrgUnit u : List.of(ministry, province, otherProvince, district, ward)) {
            units.put(u.id, u);
        }
    }

    @Test
    void theHomeUnitIsTheTokensUnitLookedUpOnce() {
        Access access = access(province.id);
        assertThat(access.home()).isSameAs(province);
        assertThat(access.home()).isSameAs(province);
        assertThat(lookups).containsExactly(province.id);
    }

    @Test
    void aTokenNamingNoKnownUnitIsForbidden() {
        UUID unknown = UUID.randomUUID();
        assertForbidden(() -> access(unknown).home(), "the caller's unit " + unknown + " is not a known unit");
    }

    @Test
    void aUserReadsItsSubtreeAndItsAncestorsNotItsPeersOrTheirUnits() {
        Access access = access(district.id, Roles.VIEWER);
        assertThat(access.canRead(district)).isTrue();
        assertThat(access.canRead(ward)).isTrue();
        assertThat(access.canRead(province)).isTrue();
        assertThat(access.canRead(ministry)).isTrue();
        assertThat(access.canRead(otherProvince)).isFalse();
        assertThat(access.scopePath()).isEqualTo(district.path);

        assertThatCode(() -> access.requireRead(ministry)).doesNotThrowAnyException();
        assertForbidden(() -> access.requireRead(otherProvince),
                "unit " + otherProvince.id + " is outside the caller's subtree and ancestors");
    }

    @Test
    void aSystemAccountReadsAndManagesEverythingWithoutAHomeUnit() {
        Access access = access(UUID.randomUUID(), Roles.SYSTEM);
        assertThat(access.isSystem()).isTrue();
        assertThat(access.canRead(otherProvince)).isTrue();
        assertThat(access.scopePath()).isEqualTo("/");
        assertThatCode(() -> {
            access.requireRead(otherProvince);
            access.requireAdminOf(otherProvince);
            access.requireRootAdmin(ministry);
            access.requirePlannerOf(otherProvince.id);
        }).doesNotThrowAnyException();
        assertThat(lookups).isEmpty();
    }

    @Test
    void workTheServiceDoesOnItsOwnActsAsASystemAccountUnderItsOwnName() {
        Access access = access(province.id);
        assertThat(access.isSystem()).isFalse();
        assertThat(access.actor()).isEqualTo("can-bo");

        access.actAsSystem("sample-data");
        assertThat(access.isSystem()).isTrue();
        assertThat(access.actor()).isEqualTo("sample-data");
        assertThat(access.scopePath()).isEqualTo("/");
        assertThatCode(() -> access.requireAdminOf(otherProvince)).doesNotThrowAnyException();
    }

    @Test
    void anAdminManagesUnitsWithinItsOwnSubtreeOnly() {
        Access admin = access(province.id, Roles.ADMIN);
        assertThatCode(() -> admin.requireAdminOf(province)).doesNotThrowAnyException();
        assertThatCode(() -> admin.requireAdminOf(ward)).doesNotThrowAnyException();
        assertForbidden(() -> admin.requireAdminOf(ministry), "an admin manages units within its own unit's subtree only");
        assertForbidden(() -> admin.requireAdminOf(otherProvince), "an admin manages units within its own unit's subtree only");

        assertForbidden(() -> access(province.id, Roles.PLANNER).requireAdminOf(ward), "this needs one of the roles admin");
    }

    @Test
    void onlyAnAdminOfTheRootImportsOrAddsRoots() {
        assertThatCode(() -> access(ministry.id, Roles.ADMIN).requireRootAdmin(ministry)).doesNotThrowAnyException();
        assertForbidden(() -> access(province.id, Roles.ADMIN).requireRootAdmin(ministry),
                "only an admin of the root unit or a system account may do this");
        assertForbidden(() -> access(ministry.id, Roles.VIEWER).requireRootAdmin(ministry), "this needs one of the roles admin");
    }

    @Test
    void aPlannerActsOnlyOnThePlansItsOwnUnitIssues() {
        Access planner = access(province.id, Roles.PLANNER);
        assertThatCode(() -> planner.requirePlannerOf(province.id)).doesNotThrowAnyException();
        assertForbidden(() -> planner.requirePlannerOf(district.id), "a planner acts only on plans its own unit issues");
        assertForbidden(() -> access(province.id, Roles.ADMIN).requirePlannerOf(province.id),
                "this needs one of the roles planner");
        assertThat(planner.has(Roles.PLANNER)).isTrue();
        assertThat(planner.has(Roles.ADMIN)).isFalse();
    }

    private Access access(UUID unit, String... roles) {
        return new Access(caller(unit, Set.of(roles)), repository);
    }
}
