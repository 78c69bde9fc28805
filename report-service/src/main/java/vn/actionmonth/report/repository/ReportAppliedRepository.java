package vn.actionmonth.report.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.events.sql.NamedSql;
import vn.actionmonth.common.units.UnitPath;
import vn.actionmonth.report.domain.Report;
import vn.actionmonth.report.domain.ReportStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the consolidating consumer reads and writes besides the figures: per report, the state it
 * last applied ({@code report_applied}) and where the report counts (its frozen path and scopes).
 */
@ApplicationScoped
public class ReportAppliedRepository {

    private static final NamedSql APPLIED = NamedSql.of("""
            SELECT report_id, revision, stage, status, figures FROM report_applied
            WHERE report_id = ANY (:ids)
            FOR UPDATE
            """);

    private static final NamedSql SAVE_APPLIED = NamedSql.of("""
            INSERT INTO report_applied (report_id, revision, stage, status, figures)
            VALUES (:reportId, :revision, :stage, :status, :figures)
            ON CONFLICT (report_id) DO UPDATE SET
                revision = EXCLUDED.revision, stage = EXCLUDED.stage, status = EXCLUDED.status,
                figures = EXCLUDED.figures
            """);

    private static final NamedSql WHERE_THEY_COUNT = NamedSql.of("""
            SELECT id, frozen_path, scope_ids, campaign_id, indicator_set_code, indicator_set_version, kind
            FROM report WHERE id = ANY (:ids)
            """);

    private static final NamedSql ISSUERS = NamedSql.of("""
            SELECT id, issuer_id FROM plan_replica WHERE id = ANY (:ids)
            """);

    private final AgroalDataSource dataSource;

    public ReportAppliedRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The state last applied of a report: its revision, stage (0 submitted, 1 decided), status and figures. */
    public record Applied(int revision, int stage, ReportStatus status, String figuresJson) {
    }

    /** Where a report counts: its frozen path, its plan scopes and campaign; an interim report counts nowhere. */
    public record Counting(List<UUID> path, List<UUID> planScopes, UUID campaignId, String setCode, int setVersion,
                           boolean counts) {
    }

    /** The applied states of these reports, locked until the caller's transaction ends. */
    public Map<UUID, Applied> lockApplied(Collection<UUID> reportIds) throws SQLException {
        return byId(APPLIED, reportIds, "report_id", rs -> new Applied(rs.getInt("revision"), rs.getInt("stage"),
                ReportStatus.valueOf(rs.getString("status")), rs.getString("figures")));
    }

    public void saveApplied(Map<UUID, Applied> states) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SAVE_APPLIED.jdbc())) {
            for (Map.Entry<UUID, Applied> e : states.entrySet()) {
                Applied a = e.getValue();
                SAVE_APPLIED.bind(ps, NamedSql.params().uuid("reportId", e.getKey()).integer("revision", a.revision())
                        .integer("stage", a.stage()).name("status", a.status()).text("figures", a.figuresJson()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public Map<UUID, Counting> whereTheyCount(Collection<UUID> reportIds) throws SQLException {
        return byId(WHERE_THEY_COUNT, reportIds, "id", rs -> new Counting(UnitPath.ids(rs.getString("frozen_path")),
                Report.parseIds(rs.getString("scope_ids"), ","), rs.getObject("campaign_id", UUID.class),
                rs.getString("indicator_set_code"), rs.getInt("indicator_set_version"),
                !"INTERIM".equals(rs.getString("kind"))));
    }

    /** The issuer of each of these plans that report-service knows. */
    public Map<UUID, UUID> issuers(Collection<UUID> planIds) throws SQLException {
        return byId(ISSUERS, planIds, "id", rs -> rs.getObject("issuer_id", UUID.class));
    }

    private interface Row<V> {
        V read(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql} with {@code ids} bound to {@code :ids}; each row read by {@code row}, keyed by {@code idColumn}. */
    private <V> Map<UUID, V> byId(NamedSql sql, Collection<UUID> ids, String idColumn, Row<V> row) throws SQLException {
        Map<UUID, V> out = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = sql.prepare(c, NamedSql.params().uuids("ids", ids));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getObject(idColumn, UUID.class), row.read(rs));
            }
        }
        return out;
    }
}
