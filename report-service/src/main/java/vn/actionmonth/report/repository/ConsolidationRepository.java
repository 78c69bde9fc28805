package vn.actionmonth.report.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.report.domain.ConsolidationKey;
import vn.actionmonth.report.domain.FigureTotals;

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

/** The consolidated figures: written in batches by the report-event consumer, read by queries. */
@ApplicationScoped
public class ConsolidationRepository {

    private static final String ADD = "INSERT INTO consolidation (unit_id, scope_id, indicator_code, own_submitted, "
            + "total_submitted, own_approved, total_approved, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, now()) "
            + "ON CONFLICT (unit_id, scope_id, indicator_code) DO UPDATE SET "
            + "own_submitted = consolidation.own_submitted + EXCLUDED.own_submitted, "
            + "total_submitted = consolidation.total_submitted + EXCLUDED.total_submitted, "
            + "own_approved = consolidation.own_approved + EXCLUDED.own_approved, "
            + "total_approved = consolidation.total_approved + EXCLUDED.total_approved, updated_at = now()";

    private static final String MARK_DIRTY = "INSERT INTO consolidation_dirty (unit_id, plan_id, campaign_id) "
            + "VALUES (?, ?, ?) ON CONFLICT DO NOTHING";

    private final AgroalDataSource dataSource;

    public ConsolidationRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One upsert per key, in key order (a sorted map), in one JDBC batch. */
    public void add(SortedMap<ConsolidationKey, FigureTotals> deltas) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ADD)) {
            int n = 0;
            for (Map.Entry<ConsolidationKey, FigureTotals> e : deltas.entrySet()) {
                FigureTotals d = e.getValue();
                if (d.isZero()) {
                    continue;
                }
                ps.setObject(1, e.getKey().unitId());
                ps.setObject(2, e.getKey().scopeId());
                ps.setString(3, e.getKey().indicatorCode());
                ps.setLong(4, d.ownSubmitted());
                ps.setLong(5, d.totalSubmitted());
                ps.setLong(6, d.ownApproved());
                ps.setLong(7, d.totalApproved());
                ps.addBatch();
                if (++n % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** @param marks unit id, plan id, campaign id; in a stable order */
    public void markDirty(Collection<UUID[]> marks) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(MARK_DIRTY)) {
            for (UUID[] m : marks) {
                ps.setObject(1, m[0]);
                ps.setObject(2, m[1]);
                ps.setObject(3, m[2]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** indicator code to totals of each unit, in one scope. */
    public Map<UUID, Map<String, FigureTotals>> figures(Collection<UUID> units, UUID scopeId) {
        Map<UUID, Map<String, FigureTotals>> out = new HashMap<>();
        if (units.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT unit_id, indicator_code, own_submitted, total_submitted, own_approved, total_approved "
                        + "FROM consolidation WHERE scope_id = ? AND unit_id = ANY (?)")) {
            ps.setObject(1, scopeId);
            ps.setArray(2, c.createArrayOf("uuid", units.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>()).put(rs.getString(2),
                            new FigureTotals(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read consolidation", e);
        }
        return out;
    }

    public Map<UUID, Map<String, FigureTotals>> figures(UUID unit, UUID scopeId) {
        return figures(List.of(unit), scopeId);
    }

    /** Every stored figure (for the consistency check, inside its snapshot transaction). */
    public Map<ConsolidationKey, FigureTotals> all(Connection c) throws SQLException {
        Map<ConsolidationKey, FigureTotals> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT unit_id, scope_id, indicator_code, own_submitted, "
                + "total_submitted, own_approved, total_approved FROM consolidation");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(new ConsolidationKey(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)),
                        new FigureTotals(rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)));
            }
        }
        return out;
    }
}
