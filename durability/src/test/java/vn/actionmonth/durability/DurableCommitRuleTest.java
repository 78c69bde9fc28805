package vn.actionmonth.durability;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule's logic; against a real server, with the setting made per database and per role: service-common's DurableCommitsTest. */
class DurableCommitRuleTest {

    @Test
    void theDefaultsAreDurable() {
        assertThat(DurableCommitRule.refusal("on", "on", "on")).isNull();
    }

    @Test
    void everySynchronousCommitLevelButOffFlushesLocallyFirst() {
        for (String level : new String[] {"local", "remote_write", "remote_apply"}) {
            assertThat(DurableCommitRule.refusal("on", "on", level)).as(level).isNull();
        }
        assertThat(DurableCommitRule.refusal("on", "on", "off")).isEqualTo("synchronous_commit=off");
    }

    @Test
    void fsyncOrFullPageWritesOffIsRefusedByName() {
        assertThat(DurableCommitRule.refusal("off", "on", "on")).isEqualTo("fsync=off");
        assertThat(DurableCommitRule.refusal("on", "off", "on")).isEqualTo("full_page_writes=off");
        assertThat(DurableCommitRule.refusal("off", "off", "off")).as("the first named").isEqualTo("fsync=off");
    }
}
