package vn.actionmonth.common;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A service answers 2xx only after its transaction committed, and that answer means durable
 * only while PostgreSQL flushes a commit before acknowledging it. The service therefore refuses
 * to start on a database where it would not: {@code fsync} or {@code full_page_writes} off, or
 * {@code synchronous_commit=off} — set for the server, the database or the service's role, as
 * its own connections see it (a server-wide check misses the last two). Every level of
 * synchronous_commit but {@code off} flushes locally first, so a synchronous standby's
 * {@code remote_write} or {@code remote_apply} is accepted.
 */
@ApplicationScoped
public class DurableCommits {

    private final AgroalDataSource dataSource;

    public DurableCommits(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void check(@Observes StartupEvent startup) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            require(c);
        }
    }

    /** Fails naming the setting unless a commit on this connection is on disk before it is answered. */
    public static void require(Connection c) throws SQLException {
        String fsync = show(c, "fsync");
        String fullPageWrites = show(c, "full_page_writes");
        String synchronousCommit = show(c, "synchronous_commit");
        String refused = !"on".equals(fsync) ? "fsync=" + fsync
                : !"on".equals(fullPageWrites) ? "full_page_writes=" + fullPageWrites
                : "off".equals(synchronousCommit) ? "synchronous_commit=off" : null;
        if (refused != null) {
            throw new IllegalStateException("PostgreSQL runs this service's database with " + refused
                    + ": a commit could be answered and then lost in a crash, so no answer of 2xx would mean "
                    + "durable. Set it back to its default (on) for the server, the database and the role.");
        }
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
