package vn.actionmonth.report.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Open obligations in a scope whose unit lies in a subtree, with their report's state. A submitted
 * report counts where its frozen path puts it; an obligation not yet reported, where the tree puts
 * its unit now.
 */
@ApplicationScoped
public class CompletenessRepository {

    private static final String PLAN_SCOPE = "WITH RECURSIVE scope_plans(id, depth) AS ("
            + " SELECT CAST(? AS uuid), 0 UNION ALL SELECT p.id, s.depth + 1 FROM plan_replica p"
            + " JOIN scope_plans s ON p.basis_plan_id = s.id WHERE s.depth < 20) ";

    private static final String SELECT = "SELECT o.id, o.unit_id, u.name, o.due_at, r.id, r.status, r.on_time, "
            + "r.first_submitted_at, COALESCE(r.frozen_path, u.path) AS path FROM obligation_replica o "
            + "LEFT JOIN report r ON r.obligation_id = o.id LEFT JOIN unit_replica u ON u.id = o.unit_id "
            + "WHERE o.status = 'OPEN' AND COALESCE(r.frozen_path, u.path) LIKE ? ";

    private final AgroalDataSource dataSource;

    public CompletenessRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record Owed(UUID obligationId, UUID unitId, String unitName, OffsetDateTime dueAt, UUID reportId, String status,
                       Boolean onTime, OffsetDateTime firstSubmittedAt, String path) {
    }

    /** @param campaign true when {@code scopeId} is a campaign, false when it is a plan (and its sub-plans) */
    public List<Owed> owed(String subtreePath, UUID scopeId, boolean campaign) {
        String sql = campaign ? SELECT + "AND o.campaign_id = ? ORDER BY path"
                : PLAN_SCOPE + SELECT + "AND o.plan_id IN (SELECT id FROM scope_plans) ORDER BY path";
        List<Owed> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (campaign) {
                ps.setString(1, subtreePath + "%");
                ps.setObject(2, scopeId);
            } else {
                ps.setObject(1, scopeId);
                ps.setString(2, subtreePath + "%");
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Owed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class), rs.getObject(5, UUID.class), rs.getString(6),
                            (Boolean) rs.getObject(7), rs.getObject(8, OffsetDateTime.class), rs.getString(9)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read completeness", e);
        }
        return out;
    }
}
