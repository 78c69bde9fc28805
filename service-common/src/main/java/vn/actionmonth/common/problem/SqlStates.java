package vn.actionmonth.common.problem;

import java.sql.SQLException;

/** What a failed statement says about itself, read from the SQLSTATE anywhere in its causes. */
public final class SqlStates {

    private static final String UNIQUE_VIOLATION = "23505";

    private SqlStates() {
    }

    /**
     * True only when a unique constraint refused the row: the client's conflict (409). Anything
     * else, such as the connection dying under the statement, is not the client's doing and must
     * not be answered as a conflict, which a client would not retry.
     */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
