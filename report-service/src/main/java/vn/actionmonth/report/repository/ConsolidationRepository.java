package vn.actionmonth.report.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.report.domain.ConsolidationKey;
import vn.actionmonth.report.domain.FigureTotals;
import vn.actionmonth.report.domain.UnitScope;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;
import java.util.function.BiConsumer;

/** The consolidated figures: written in batches by the report-event consumer, read by queries. */
@ApplicationScoped
public class ConsolidationRepository {

    /**
     * All of a chunk's keys in one statement (arrays unnested in the given order, which is the key
     * order): a poll moves tens of thousands of rows, and one statement per row would be as many
     * round trips and executions.
     */
    private static final String ADD = "INSERT INTO consolidation (unit_id, scope_id, indicator_code, own_submitted, "
            + "total_submitted, own_approved, total_approved, updated_at) "
            + "SELECT u, s, c, os, ts, oa, ta, now() FROM unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::bigint[], "
            + "?::bigint[], ?::bigint[], ?::bigint[]) WITH ORDINALITY AS t(u, s, c, os, ts, oa, ta, n) ORDER BY n "
            + "ON CONFLICT (unit_id, scope_id, indicator_code) DO UPDATE SET "
            + "own_submitted = consolidation.own_submitted + EXCLUDED.own_submitted, "
            + "total_submitted = consolidation.total_submitted + EXCLUDED.total_submitted, "
            + "own_approved = consolidation.own_approved + EXCLUDED.own_approved, "
            + "total_approved = consolidation.total_approved + EXCLUDED.total_approved, updated_at = now()";

    private static final int CHUNK = 5000;

    private final AgroalDataSource dataSource;

    public ConsolidationRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One upsert per key, in key order (a sorted map), a few thousand keys per statement. */
    public void add(SortedMap<ConsolidationKey, FigureTotals> deltas) throws SQLException {
        List<Map.Entry<ConsolidationKey, FigureTotals>> rows = deltas.entrySet().stream()
                .filter(e -> !e.getValue().isZero()).toList();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ADD)) {
            for (int from = 0; from < rows.size(); from += CHUNK) {
                List<Map.Entry<ConsolidationKey, FigureTotals>> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                int n = chunk.size();
                UUID[] units = new UUID[n];
                UUID[] scopes = new UUID[n];
                String[] codes = new String[n];
                Long[] ownSubmitted = new Long[n];
                Long[] totalSubmitted = new Long[n];
                Long[] ownApproved = new Long[n];
                Long[] totalApproved = new Long[n];
                for (int i = 0; i < n; i++) {
                    ConsolidationKey k = chunk.get(i).getKey();
                    FigureTotals d = chunk.get(i).getValue();
                    units[i] = k.unitId();
                    scopes[i] = k.scopeId();
                    codes[i] = k.indicatorCode();
                    ownSubmitted[i] = d.ownSubmitted();
                    totalSubmitted[i] = d.totalSubmitted();
                    ownApproved[i] = d.ownApproved();
                    totalApproved[i] = d.totalApproved();
                }
                ps.setArray(1, c.createArrayOf("uuid", units));
                ps.setArray(2, c.createArrayOf("uuid", scopes));
                ps.setArray(3, c.createArrayOf("varchar", codes));
                ps.setArray(4, c.createArrayOf("bigint", ownSubmitted));
                ps.setArray(5, c.createArrayOf("bigint", totalSubmitted));
                ps.setArray(6, c.createArrayOf("bigint", ownApproved));
                ps.setArray(7, c.createArrayOf("bigint", totalApproved));
                ps.executeUpdate();
            }
        }
    }

    /** indicator code to totals of each unit, in one scope. */
    public Map<UUID, Map<String, FigureTotals>> figures(Collection<UUID> units, UUID scopeId) {
        Map<UUID, Map<String, FigureTotals>> out = new HashMap<>();
        figures(units.stream().map(u -> new UnitScope(u, scopeId)).toList()).forEach((k, v) -> out.put(k.unitId(), v));
        return out;
    }

    public Map<UUID, Map<String, FigureTotals>> figures(UUID unit, UUID scopeId) {
        return figures(List.of(unit), scopeId);
    }

    /** Every unit's own figures in the scope (indicator code to totals), for figures as now. */
    public Map<UUID, Map<String, FigureTotals>> ownFigures(UUID scopeId) {
        Map<UUID, Map<String, FigureTotals>> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT unit_id, indicator_code, own_submitted, own_approved FROM consolidation
                WHERE scope_id = ? AND (own_submitted <> 0 OR own_approved <> 0)
                """)) {
            ps.setObject(1, scopeId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long submitted = rs.getLong("own_submitted");
                    long approved = rs.getLong("own_approved");
                    out.computeIfAbsent(rs.getObject("unit_id", UUID.class), k -> new HashMap<>())
                            .put(rs.getString("indicator_code"), new FigureTotals(submitted, submitted, approved, approved));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read consolidation", e);
        }
        return out;
    }

    /** indicator code to totals of each (unit, scope), in one query. */
    public Map<UnitScope, Map<String, FigureTotals>> figures(Collection<UnitScope> pairs) {
        Map<UnitScope, Map<String, FigureTotals>> out = new HashMap<>();
        if (pairs.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT f.unit_id, f.scope_id, f.indicator_code, f.own_submitted, f.total_submitted, f.own_approved, "
                        + "f.total_approved FROM unnest(?::uuid[], ?::uuid[]) AS t(u, s) "
                        + "JOIN consolidation f ON f.unit_id = t.u AND f.scope_id = t.s")) {
            ps.setArray(1, c.createArrayOf("uuid", pairs.stream().map(UnitScope::unitId).toArray()));
            ps.setArray(2, c.createArrayOf("uuid", pairs.stream().map(UnitScope::scopeId).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(new UnitScope(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)),
                            k -> new HashMap<>()).put(rs.getString(3),
                            new FigureTotals(rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read consolidation", e);
        }
        return out;
    }

    /**
     * Every stored figure of the units whose id starts with {@code idPrefix} ("" for all), streamed
     * (for the consistency check, inside its snapshot transaction).
     */
    public void forEach(Connection c, String idPrefix, BiConsumer<ConsolidationKey, FigureTotals> action)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT unit_id, scope_id, indicator_code, own_submitted, "
                + "total_submitted, own_approved, total_approved FROM consolidation "
                + "WHERE left(CAST(unit_id AS text), ?) = ?")) {
            ps.setInt(1, idPrefix.length());
            ps.setString(2, idPrefix);
            ps.setFetchSize(5000); // a cursor (the connection is not in auto-commit): rows are not all held at once
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    action.accept(new ConsolidationKey(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getString(3)), new FigureTotals(rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)));
                }
            }
        }
    }
}
