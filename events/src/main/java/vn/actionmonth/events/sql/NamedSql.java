package vn.actionmonth.events.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A native statement with named parameters ({@code :unitId}), so that a statement reads as SQL and
 * its values are bound by name, not by a position that moves when a column is added. Parsed once
 * (keep it in a constant); a name may occur several times. {@code ::type} casts and text in single
 * quotes are left alone. Binding fails loudly when a parameter has no value or a value has no
 * parameter.
 */
public final class NamedSql {

    private final String sql;
    private final String jdbc;
    private final List<String> order;

    private NamedSql(String sql, String jdbc, List<String> order) {
        this.sql = sql;
        this.jdbc = jdbc;
        this.order = order;
    }

    public static NamedSql of(String sql) {
        StringBuilder jdbc = new StringBuilder(sql.length());
        List<String> order = new ArrayList<>();
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            boolean cast = c == ':' && (i + 1 < sql.length() && sql.charAt(i + 1) == ':' || i > 0 && sql.charAt(i - 1) == ':');
            if (!quoted && c == ':' && !cast && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                order.add(sql.substring(i + 1, end));
                jdbc.append('?');
                i = end - 1;
            } else {
                jdbc.append(c);
            }
        }
        return new NamedSql(sql, jdbc.toString(), List.copyOf(order));
    }

    /** The statement as JDBC takes it, with {@code ?} in place of the names. */
    public String jdbc() {
        return jdbc;
    }

    /** Prepares the statement on {@code c} and binds {@code params} by name. */
    public PreparedStatement prepare(Connection c, Params params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(jdbc);
        try {
            bind(ps, params);
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    /** Binds {@code params} by name; for batches, call once per row before {@code addBatch}. */
    public void bind(PreparedStatement ps, Params params) throws SQLException {
        Set<String> unused = new HashSet<>(params.values.keySet());
        for (int i = 0; i < order.size(); i++) {
            String name = order.get(i);
            Value v = params.values.get(name);
            if (v == null) {
                throw new IllegalArgumentException("no value for :" + name + " in " + sql);
            }
            unused.remove(name);
            if (v.value() == null) {
                ps.setNull(i + 1, v.sqlType());
            } else if (v.sqlType() == Types.ARRAY) {
                ps.setArray(i + 1, ps.getConnection().createArrayOf(v.elementType(), (Object[]) v.value()));
            } else {
                ps.setObject(i + 1, v.value(), v.sqlType());
            }
        }
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("no parameter named " + unused + " in " + sql);
        }
    }

    /** @param elementType for an array, the SQL type of its elements */
    private record Value(Object value, int sqlType, String elementType) {
    }

    /** The values of one execution, typed so that a null binds as the column's type. */
    public static final class Params {

        private final Map<String, Value> values = new HashMap<>();

        public Params uuid(String name, UUID v) {
            return put(name, v, Types.OTHER);
        }

        public Params text(String name, String v) {
            return put(name, v, Types.VARCHAR);
        }

        public Params integer(String name, int v) {
            return put(name, v, Types.INTEGER);
        }

        public Params bigint(String name, long v) {
            return put(name, v, Types.BIGINT);
        }

        /** A duration as fractional seconds: write {@code make_interval(secs => :name)}. */
        public Params seconds(String name, java.time.Duration v) {
            return put(name, v.toMillis() / 1000.0, Types.DOUBLE);
        }

        public Params bool(String name, boolean v) {
            return put(name, v, Types.BOOLEAN);
        }

        /** An instant, as {@code timestamptz}. */
        public Params instant(String name, Instant v) {
            return put(name, v == null ? null : v.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        }

        /** A day, as {@code date}. */
        public Params date(String name, java.time.LocalDate v) {
            return put(name, v, Types.DATE);
        }

        /**
         * Ids as a {@code uuid[]} array: write {@code = ANY (:name)}. A real array, not text cast in
         * the statement: a cast is evaluated again for every row scanned.
         */
        public Params uuids(String name, java.util.Collection<UUID> v) {
            return put(name, v.toArray(UUID[]::new), Types.ARRAY, "uuid");
        }

        /** Numbers as a {@code bigint[]} array: write {@code = ANY (:name)}. */
        public Params bigints(String name, java.util.Collection<Long> v) {
            return put(name, v.toArray(Long[]::new), Types.ARRAY, "bigint");
        }

        /** Texts as a {@code text[]} array (e.g. to unnest next to other arrays, one row per index). */
        public Params texts(String name, java.util.Collection<String> v) {
            return put(name, v.toArray(String[]::new), Types.ARRAY, "text");
        }

        /** An enum constant by name, or null. */
        public Params name(String name, Enum<?> v) {
            return put(name, v == null ? null : v.name(), Types.VARCHAR);
        }

        private Params put(String name, Object v, int type) {
            return put(name, v, type, null);
        }

        private Params put(String name, Object v, int type, String elementType) {
            if (values.put(name, new Value(v, type, elementType)) != null) {
                throw new IllegalArgumentException(":" + name + " given twice");
            }
            return this;
        }
    }

    public static Params params() {
        return new Params();
    }
}
