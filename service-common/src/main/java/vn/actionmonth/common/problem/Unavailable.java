package vn.actionmonth.common.problem;

import java.sql.SQLException;

/**
 * Tells a database that cannot be reached from a request that went wrong: the first is the
 * client's to retry (503 with Retry-After), the second a defect (500).
 */
public final class Unavailable {

    public static final int RETRY_AFTER_SECONDS = 5;

    private Unavailable() {
    }

    /**
     * True when somewhere in the causes a connection to PostgreSQL failed: SQLSTATE class 08
     * (connection exception: refused, closed, I/O error), 57P01–57P03 (the server is shutting
     * down, crashed or starting up), or the pool found no connection in time.
     */
    public static boolean isDatabaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                        || state.equals("57P03"))) {
                    return true;
                }
                String message = sql.getMessage();
                if (message != null && message.contains("acquisition timeout")) {
                    return true;
                }
            }
            if (t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
        }
        return false;
    }

    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
