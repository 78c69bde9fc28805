package vn.actionmonth.report.repository;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.events.sql.NamedSql;
import vn.actionmonth.report.domain.FigureTotals;
import vn.actionmonth.report.domain.Indicator;
import vn.actionmonth.report.domain.IndicatorSet;
import vn.actionmonth.report.domain.RowDeltas;
import vn.actionmonth.report.domain.UnitScope;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The consolidated figures: one row per (unit, scope) holding every indicator as an element of
 * four vectors, at the indicator's slot ({@code indicator_slot}). Written in batches by the
 * report-event consumer, read by queries.
 */
@ApplicationScoped
public class ConsolidationRepository {

    /**
     * All of a chunk's rows in one statement (arrays unnested in the given order, which is the key
     * order, so that concurrent writers lock rows in one order): a poll moves thousands of rows.
     * Vectors travel as array literals in text, since JDBC has no array of arrays.
     */
    private static final NamedSql ADD = NamedSql.of("""
            INSERT INTO consolidated_figures AS f (unit_id, scope_id, own_submitted, total_submitted, own_approved,
                                                   total_approved, version, updated_at)
            SELECT u, s, os::bigint[], ts::bigint[], oa::bigint[], ta::bigint[], 1, now()
            FROM unnest(:units, :scopes, :ownSubmitted, :totalSubmitted, :ownApproved, :totalApproved)
                 WITH ORDINALITY AS t(u, s, os, ts, oa, ta, n)
            ORDER BY n
            ON CONFLICT (unit_id, scope_id) DO UPDATE SET
                own_submitted = add_vectors(f.own_submitted, EXCLUDED.own_submitted),
                total_submitted = add_vectors(f.total_submitted, EXCLUDED.total_submitted),
                own_approved = add_vectors(f.own_approved, EXCLUDED.own_approved),
                total_approved = add_vectors(f.total_approved, EXCLUDED.total_approved),
                version = f.version + 1,
                updated_at = now()
            """);

    private static final NamedSql FIGURES = NamedSql.of("""
            SELECT f.unit_id, f.scope_id, f.own_submitted, f.total_submitted, f.own_approved, f.total_approved, f.version
            FROM unnest(:units, :scopes) AS t(u, s)
            JOIN consolidated_figures f ON f.unit_id = t.u AND f.scope_id = t.s
            """);

    private static final NamedSql OWN_FIGURES = NamedSql.of("""
            SELECT unit_id, own_submitted, own_approved FROM consolidated_figures
            WHERE scope_id = :scope AND (0 <> ANY (own_submitted) OR 0 <> ANY (own_approved))
            """);

    private static final NamedSql ALL_WITH_PREFIX = NamedSql.of("""
            SELECT unit_id, scope_id, own_submitted, total_submitted, own_approved, total_approved, version
            FROM consolidated_figures
            WHERE left(CAST(unit_id AS text), :prefixLength) = :prefix
            """);

    private static final String SLOTS = "SELECT slot, indicator_code FROM indicator_slot";

    /** One writer at a time hands out slots (the lock lasts until its commit): the largest taken + 1. */
    private static final String LOCK_SLOTS = "LOCK TABLE indicator_slot IN SHARE ROW EXCLUSIVE MODE";

    private static final NamedSql NEW_SLOT = NamedSql.of("""
            INSERT INTO indicator_slot (slot, indicator_code)
            SELECT coalesce(max(slot), 0) + 1, :code FROM indicator_slot
            ON CONFLICT (indicator_code) DO NOTHING
            """);

    private static final int CHUNK = 2000;

    private final AgroalDataSource dataSource;
    /** Slot of each indicator code known so far; only ever grows, and only with committed slots. */
    private final Map<String, Integer> slots = new ConcurrentHashMap<>();
    private volatile String[] codes = new String[1];

    public ConsolidationRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A (unit, scope)'s figures by indicator code (only those not all zero), and how often the row changed. */
    public record Snapshot(Map<String, FigureTotals> figures, long version) {

        public static final Snapshot NONE = new Snapshot(Map.of(), 0);
    }

    /**
     * Adds each row's vectors to its stored (unit, scope) row, creating it at need, in
     * {@link UnitScope} order, so two writers never wait on each other's row locks in a cycle.
     */
    public void add(RowDeltas deltas) throws SQLException {
        List<Map.Entry<UnitScope, long[][]>> list = deltas.inLockOrder();
        if (list.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ADD.jdbc())) {
            for (int from = 0; from < list.size(); from += CHUNK) {
                List<Map.Entry<UnitScope, long[][]>> chunk = list.subList(from, Math.min(list.size(), from + CHUNK));
                List<List<String>> vectors = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
                for (Map.Entry<UnitScope, long[][]> row : chunk) {
                    for (int i = 0; i < 4; i++) {
                        vectors.get(i).add(literal(row.getValue()[i]));
                    }
                }
                ADD.bind(ps, NamedSql.params()
                        .uuids("units", chunk.stream().map(r -> r.getKey().unitId()).toList())
                        .uuids("scopes", chunk.stream().map(r -> r.getKey().scopeId()).toList())
                        .texts("ownSubmitted", vectors.get(RowDeltas.OWN_SUBMITTED))
                        .texts("totalSubmitted", vectors.get(RowDeltas.TOTAL_SUBMITTED))
                        .texts("ownApproved", vectors.get(RowDeltas.OWN_APPROVED))
                        .texts("totalApproved", vectors.get(RowDeltas.TOTAL_APPROVED)));
                ps.executeUpdate();
            }
        }
    }

    /** The storage slot of each of the set's indicators, in the set's order (handing out new ones at need). */
    public int[] slots(IndicatorSet set) throws SQLException {
        List<Indicator> indicators = set.indicators();
        int[] out = new int[indicators.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = slotOf(indicators.get(i).code());
        }
        return out;
    }

    /** indicator code to totals of each unit, in one scope. */
    public Map<UUID, Map<String, FigureTotals>> figures(Collection<UUID> units, UUID scopeId) {
        Map<UUID, Map<String, FigureTotals>> out = new HashMap<>();
        snapshots(units.stream().map(u -> new UnitScope(u, scopeId)).toList())
                .forEach((k, v) -> out.put(k.unitId(), v.figures()));
        return out;
    }

    /** One (unit, scope)'s figures and version: one indexed row. */
    public Snapshot snapshot(UUID unit, UUID scopeId) {
        return snapshots(List.of(new UnitScope(unit, scopeId))).getOrDefault(new UnitScope(unit, scopeId), Snapshot.NONE);
    }

    /** indicator code to totals of each (unit, scope), in one query. */
    public Map<UnitScope, Map<String, FigureTotals>> figures(Collection<UnitScope> pairs) {
        Map<UnitScope, Map<String, FigureTotals>> out = new HashMap<>();
        snapshots(pairs).forEach((k, v) -> out.put(k, v.figures()));
        return out;
    }

    private Map<UnitScope, Snapshot> snapshots(Collection<UnitScope> pairs) {
        Map<UnitScope, Snapshot> out = new HashMap<>();
        if (pairs.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = FIGURES.prepare(c, NamedSql.params()
                .uuids("units", pairs.stream().map(UnitScope::unitId).toList())
                .uuids("scopes", pairs.stream().map(UnitScope::scopeId).toList()));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(new UnitScope(rs.getObject("unit_id", UUID.class), rs.getObject("scope_id", UUID.class)),
                        new Snapshot(byCode(c, rs), rs.getLong("version")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read consolidated figures", e);
        }
        return out;
    }

    /** Every unit's own figures in the scope (indicator code to totals), for figures as now. */
    public Map<UUID, Map<String, FigureTotals>> ownFigures(UUID scopeId) {
        Map<UUID, Map<String, FigureTotals>> out = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = OWN_FIGURES.prepare(c, NamedSql.params().uuid("scope", scopeId));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long[] submitted = longs(rs.getArray("own_submitted"));
                long[] approved = longs(rs.getArray("own_approved"));
                Map<String, FigureTotals> byCode = new HashMap<>();
                for (int i = 0; i < Math.max(submitted.length, approved.length); i++) {
                    long s = at(submitted, i);
                    long a = at(approved, i);
                    if (s != 0 || a != 0) {
                        byCode.put(codeAt(c, i + 1), new FigureTotals(s, s, a, a));
                    }
                }
                out.put(rs.getObject("unit_id", UUID.class), byCode);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read consolidated figures", e);
        }
        return out;
    }

    /**
     * Every stored row of the units whose id starts with {@code idPrefix} ("" for all), as its four
     * vectors by slot, streamed (for the consistency check, inside its snapshot transaction).
     */
    public void forEachRow(Connection c, String idPrefix, BiConsumer<UnitScope, long[][]> action) throws SQLException {
        try (PreparedStatement ps = ALL_WITH_PREFIX.prepare(c, NamedSql.params()
                .integer("prefixLength", idPrefix.length()).text("prefix", idPrefix))) {
            ps.setFetchSize(2000); // a cursor (the connection is not in auto-commit): rows are not all held at once
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long[][] vectors = new long[4][];
                    vectors[RowDeltas.OWN_SUBMITTED] = longs(rs.getArray("own_submitted"));
                    vectors[RowDeltas.TOTAL_SUBMITTED] = longs(rs.getArray("total_submitted"));
                    vectors[RowDeltas.OWN_APPROVED] = longs(rs.getArray("own_approved"));
                    vectors[RowDeltas.TOTAL_APPROVED] = longs(rs.getArray("total_approved"));
                    action.accept(new UnitScope(rs.getObject("unit_id", UUID.class), rs.getObject("scope_id", UUID.class)),
                            vectors);
                }
            }
        }
    }

    private Map<String, FigureTotals> byCode(Connection c, ResultSet rs) throws SQLException {
        long[] os = longs(rs.getArray("own_submitted"));
        long[] ts = longs(rs.getArray("total_submitted"));
        long[] oa = longs(rs.getArray("own_approved"));
        long[] ta = longs(rs.getArray("total_approved"));
        int n = Math.max(Math.max(os.length, ts.length), Math.max(oa.length, ta.length));
        Map<String, FigureTotals> out = new HashMap<>();
        for (int i = 0; i < n; i++) {
            FigureTotals t = new FigureTotals(at(os, i), at(ts, i), at(oa, i), at(ta, i));
            if (!t.isZero()) {
                out.put(codeAt(c, i + 1), t);
            }
        }
        return out;
    }

    private static long at(long[] v, int i) {
        return i < v.length ? v[i] : 0;
    }

    private static long[] longs(Array a) throws SQLException {
        Object[] values = (Object[]) a.getArray();
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] == null ? 0 : ((Number) values[i]).longValue();
        }
        return out;
    }

    private static String literal(long[] v) {
        StringBuilder b = new StringBuilder(v.length * 3 + 2).append('{');
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(v[i]);
        }
        return b.append('}').toString();
    }

    /** The code at a slot a stored row uses: known, or committed by another writer since the cache was read. */
    public String codeAt(Connection c, int slot) throws SQLException {
        String[] known = codes;
        if (slot < known.length && known[slot] != null) {
            return known[slot];
        }
        loadSlots(c);
        known = codes;
        if (slot < known.length && known[slot] != null) {
            return known[slot];
        }
        throw new IllegalStateException("consolidated figures use slot " + slot + ", which no indicator code holds");
    }

    /**
     * The slot of an indicator code, handed out in a transaction of its own that commits before
     * any row uses it: a slot in a row always names a code, whatever happens to the caller's
     * transaction.
     */
    public int slotOf(String code) throws SQLException {
        Integer slot = slots.get(code);
        if (slot != null) {
            return slot;
        }
        QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                try (PreparedStatement lock = c.prepareStatement(LOCK_SLOTS)) {
                    lock.execute();
                }
                try (PreparedStatement insert = NEW_SLOT.prepare(c, NamedSql.params().text("code", code))) {
                    insert.executeUpdate();
                }
                loadSlots(c);
            }
            return null;
        });
        slot = slots.get(code);
        if (slot == null) {
            throw new IllegalStateException("indicator code " + code + " got no slot");
        }
        return slot;
    }

    private synchronized void loadSlots(Connection c) throws SQLException {
        Map<Integer, String> read = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(SLOTS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                read.put(rs.getInt("slot"), rs.getString("indicator_code"));
            }
        }
        String[] next = new String[read.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1];
        read.forEach((slot, code) -> {
            next[slot] = code;
            slots.put(code, slot);
        });
        codes = next;
    }
}
