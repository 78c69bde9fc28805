package vn.actionmonth.common;

import org.junit.jupiter.api.Test;
import vn.actionmonth.devstack.DevStack;
import vn.actionmonth.devstack.PostgresNode;
import vn.actionmonth.durability.DurableCommitRule;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A service answers 2xx only after a commit, so it must not run on a database whose commits are
 * answered before they are on disk: not with synchronous_commit=off set for its database or role,
 * which no server-wide check sees.
 */
class DurableCommitsTest {

    private final PostgresNode postgres = DevStack.shared().postgres();

    @Test
    void aDatabaseThatFlushesEveryCommitIsAccepted() throws SQLException {
        String url = DevStack.shared().createDatabase("durable_default");
        try (Connection c = DriverManager.getConnection(url, postgres.user(), postgres.password())) {
            assertThatCode(() -> DurableCommitRule.require(c)).doesNotThrowAnyException();
        }
    }

    @Test
    void aSynchronousStandbyLevelIsDurableToo() throws SQLException {
        String url = databaseWith("durable_remote_apply", "synchronous_commit", "remote_apply");
        try (Connection c = DriverManager.getConnection(url, postgres.user(), postgres.password())) {
            assertThatCode(() -> DurableCommitRule.require(c)).doesNotThrowAnyException();
        }
    }

    @Test
    void synchronousCommitOffForTheServicesDatabaseIsRefusedNamingTheSetting() throws SQLException {
        String url = databaseWith("durable_async_commit", "synchronous_commit", "off");
        try (Connection c = DriverManager.getConnection(url, postgres.user(), postgres.password())) {
            assertThatThrownBy(() -> DurableCommitRule.require(c))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("synchronous_commit=off");
        }
    }

    private String databaseWith(String database, String setting, String value) throws SQLException {
        String url = DevStack.shared().createDatabase(database);
        try (Connection admin = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.user(), postgres.password());
             Statement s = admin.createStatement()) {
            s.execute("ALTER DATABASE " + database + " SET " + setting + " = " + value);
        }
        return url;
    }
}
