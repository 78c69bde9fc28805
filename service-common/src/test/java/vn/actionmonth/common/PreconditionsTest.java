package vn.actionmonth.common;

import org.junit.jupiter.api.Test;
import vn.actionmonth.common.problem.ProblemException;
import vn.actionmonth.common.rest.Preconditions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreconditionsTest {

    @Test
    void anETagIsTheVersionAsAStrongTagAndIfMatchNamesItStrongOrWeak() {
        assertThat(Preconditions.etag(3).toString()).isEqualTo("\"3\"");
        assertThat(Preconditions.expectedVersion("\"3\"", true)).isEqualTo(3L);
        assertThat(Preconditions.expectedVersion(" W/\"3\" ", true)).isEqualTo(3L);
        assertThat(Preconditions.expectedVersion(null, false)).isNull();
    }

    @Test
    void aMissingIfMatchWhereRequiredIs428AndOneNotOfOursIs412() {
        assertThatThrownBy(() -> Preconditions.expectedVersion(" ", true))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(428));
        for (String foreign : new String[] {"\"không phải ETag\"", "\"99999999999999999999999\"", "*", "\"3"}) {
            assertThatThrownBy(() -> Preconditions.expectedVersion(foreign, true)).as(foreign)
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(412));
        }
    }

    @Test
    void aCheckPassesOnlyTheCurrentVersionOrAnyWithAStar() {
        Preconditions.check("\"7\"", 7, true, "report");
        Preconditions.check("*", 7, true, "report");
        Preconditions.check(null, 7, false, "report");
        assertThatThrownBy(() -> Preconditions.check("\"6\"", 7, false, "report"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(412))
                .hasMessageContaining("the report changed since it was read: its ETag is now \"7\"");
        assertThatThrownBy(() -> Preconditions.check(null, 7, true, "report"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(428));
    }
}
