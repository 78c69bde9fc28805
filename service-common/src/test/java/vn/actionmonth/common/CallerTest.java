package vn.actionmonth.common;

import org.junit.jupiter.api.Test;
import vn.actionmonth.common.problem.ProblemException;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static vn.actionmonth.common.testing.Callers.caller;

/** Who is calling, read from a stand-in identity and token (the real ones: SecurityAndProblemTest). */
class CallerTest {

    private static final UUID UNIT = UUID.fromString("0b1d3c52-4a5e-4f7a-9c1e-2f6a8d0e4b11");

    @Test
    void theUnitIsTheTokensUnitIdClaimWithOrWithoutJsonQuotes() {
        assertThat(caller("can-bo", Set.of(), UNIT.toString()).unitId()).isEqualTo(UNIT);
        assertThat(caller("can-bo", Set.of(), "\"" + UNIT + "\"").unitId()).isEqualTo(UNIT);
    }

    @Test
    void aTokenWithoutAReadableUnitIdIsForbidden() {
        for (Object claim : new Object[] {null, "", "phuong-nguyen-trai"}) {
            ProblemException e = catchThrowableOfType(ProblemException.class,
                    () -> caller("can-bo", Set.of(), claim).unitId());
            assertThat(e).as("claim %s", claim).isNotNull();
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.getMessage()).isEqualTo("the token carries no valid unit_id claim");
        }
    }

    @Test
    void theNameIsTheTokensSubjectOrAnonymousWithoutOne() {
        assertThat(caller("can-bo.phuong", Set.of(), UNIT).name()).isEqualTo("can-bo.phuong");
        assertThat(caller(null, Set.of(), UNIT).name()).isEqualTo("anonymous");
        String longest = "n".repeat(Caller.MAX_NAME);
        assertThat(caller(longest, Set.of(), UNIT).name()).isEqualTo(longest);
    }

    @Test
    void aSubjectTooLongOrNotStorableIsRefusedNamingTheAuthorizationHeader() {
        for (String subject : new String[] {"n".repeat(Caller.MAX_NAME + 1), "can-bo\nphuong"}) {
            ProblemException e = catchThrowableOfType(ProblemException.class,
                    () -> caller(subject, Set.of(), UNIT).name());
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.violations()).singleElement().satisfies(v -> {
                assertThat(v.in()).isEqualTo("header");
                assertThat(v.field()).isEqualTo("Authorization");
                assertThat(v.message()).startsWith("the token's subject must ");
            });
        }
    }

    @Test
    void theRolesAreThePlatformRolesAmongTheTokensGroupsInOrder() {
        Caller c = caller("can-bo", Set.of("viewer", "reporter", "offline_access", Roles.MEMBER), UNIT);
        assertThat(c.roles()).containsExactly("reporter", "viewer");
        assertThat(c.has(Roles.REPORTER)).isTrue();
        assertThat(c.has(Roles.APPROVER)).isFalse();
    }

    @Test
    void onlyTheSystemRoleMakesASystemAccount() {
        assertThat(caller("bao-cao", Set.of(Roles.SYSTEM), UNIT).isSystem()).isTrue();
        assertThat(caller("can-bo", Set.of(Roles.ADMIN, Roles.PLANNER), UNIT).isSystem()).isFalse();
    }

    @Test
    void requireAdmitsACallerWithAnyOfTheRolesAndRefusesOneWithNone() {
        Caller approver = caller("can-bo", Set.of(Roles.APPROVER), UNIT);
        assertThatCode(() -> approver.require(Roles.REPORTER, Roles.APPROVER)).doesNotThrowAnyException();
        assertThatCode(() -> approver.require(Roles.APPROVER)).doesNotThrowAnyException();

        ProblemException e = catchThrowableOfType(ProblemException.class,
                () -> approver.require(Roles.REPORTER, Roles.PLANNER));
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.getMessage()).isEqualTo("this needs one of the roles reporter, planner");
    }
}
