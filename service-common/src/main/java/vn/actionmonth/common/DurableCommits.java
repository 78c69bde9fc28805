package vn.actionmonth.common;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.actionmonth.durability.DurableCommitRule;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A service answers 2xx only after its transaction committed, and that answer means durable
 * only while PostgreSQL flushes a commit before acknowledging it. The service therefore refuses
 * to start on a database where it would not ({@link DurableCommitRule}), read on its own
 * connection: a setting made for its database or its role counts too.
 */
@ApplicationScoped
public class DurableCommits {

    private final AgroalDataSource dataSource;

    public DurableCommits(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void check(@Observes StartupEvent startup) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            DurableCommitRule.require(c);
        }
    }
}
