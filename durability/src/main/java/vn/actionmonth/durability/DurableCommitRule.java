package vn.actionmonth.durability;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * When a commit PostgreSQL acknowledged survives a crash: {@code fsync} and
 * {@code full_page_writes} on, and {@code synchronous_commit} anything but {@code off} (every other
 * level flushes locally first, so a synchronous standby's {@code remote_write} or
 * {@code remote_apply} is accepted). Read as the given connection sees the settings: for a
 * service's own connection that includes what is set for its database and its role, which a
 * server-wide check misses.
 */
public final class DurableCommitRule {

    private DurableCommitRule() {
    }

    /** Fails naming the setting unless a commit on this connection is on disk before it is answered. */
    public static void require(Connection c) throws SQLException {
        String refused = refusal(show(c, "fsync"), show(c, "full_page_writes"), show(c, "synchronous_commit"));
        if (refused != null) {
            throw new IllegalStateException("PostgreSQL runs this database with " + refused
                    + ": a commit could be answered and then lost in a crash, so no answer of 2xx would mean "
                    + "durable. Set it back to its default (on) for the server, the database and the role.");
        }
    }

    /** The first setting that makes commits not durable, as {@code name=value}; null when none does. */
    static String refusal(String fsync, String fullPageWrites, String synchronousCommit) {
        return !"on".equals(fsync) ? "fsync=" + fsync
                : !"on".equals(fullPageWrites) ? "full_page_writes=" + fullPageWrites
                : "off".equals(synchronousCommit) ? "synchronous_commit=off" : null;
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(setting);
        }
    }
}
