package vn.actionmonth.report.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.events.sql.NamedSql;
import vn.actionmonth.events.plan.ObligationSnapshot;
import vn.actionmonth.events.plan.PlanSummary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * report-service's copies of plan-service's plans and obligations. Both events carry whole states
 * with a version, so a write applies only a newer state (a closed plan at the same revision too).
 */
@ApplicationScoped
public class ReplicaRepository {

    private static final NamedSql UPSERT_PLAN = NamedSql.of("""
            INSERT INTO plan_replica (id, number, title, issuer_id, campaign_id, basis_plan_id, status, revision)
            VALUES (:id, :number, :title, :issuerId, :campaignId, :basisPlanId, :status, :revision)
            ON CONFLICT (id) DO UPDATE SET
                number = EXCLUDED.number, title = EXCLUDED.title, issuer_id = EXCLUDED.issuer_id,
                campaign_id = EXCLUDED.campaign_id, basis_plan_id = EXCLUDED.basis_plan_id, status = EXCLUDED.status,
                revision = EXCLUDED.revision
            WHERE plan_replica.revision < EXCLUDED.revision
               OR (plan_replica.revision = EXCLUDED.revision AND EXCLUDED.status = 'CLOSED')
            """);

    private static final NamedSql UPSERT_OBLIGATION = NamedSql.of("""
            INSERT INTO obligation_replica (id, plan_id, plan_number, campaign_id, unit_id, recipient_id,
                                            indicator_set_code, due_at, status, version, campaign_year, via_unit_id,
                                            kind, copy_to_unit_ids, consolidates)
            VALUES (:id, :planId, :planNumber, :campaignId, :unitId, :recipientId, :indicatorSetCode, :dueAt, :status,
                    :version, :campaignYear, :viaUnitId, :kind, :copyTo, :consolidates)
            ON CONFLICT (id) DO UPDATE SET
                plan_id = EXCLUDED.plan_id, plan_number = EXCLUDED.plan_number, campaign_id = EXCLUDED.campaign_id,
                unit_id = EXCLUDED.unit_id, recipient_id = EXCLUDED.recipient_id,
                indicator_set_code = EXCLUDED.indicator_set_code, due_at = EXCLUDED.due_at, status = EXCLUDED.status,
                version = EXCLUDED.version, campaign_year = EXCLUDED.campaign_year, via_unit_id = EXCLUDED.via_unit_id,
                kind = EXCLUDED.kind, copy_to_unit_ids = EXCLUDED.copy_to_unit_ids,
                consolidates = EXCLUDED.consolidates
            WHERE obligation_replica.version < EXCLUDED.version
            """);

    /** A report not yet approved follows its obligation's recipient and deadline. */
    private static final NamedSql FOLLOW = NamedSql.of("""
            UPDATE report SET recipient_id = :recipientId, due_at = :dueAt
            WHERE obligation_id = :obligationId AND status <> 'APPROVED'
              AND (recipient_id <> :recipientId OR due_at <> :dueAt)
            """);

    private final AgroalDataSource dataSource;

    public ReplicaRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void upsertPlan(PlanSummary p) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = UPSERT_PLAN.prepare(c, NamedSql.params()
                .uuid("id", p.id()).text("number", p.number()).text("title", p.title()).uuid("issuerId", p.issuerId())
                .uuid("campaignId", p.campaignId()).uuid("basisPlanId", p.basisPlanId())
                .text("status", p.status() == null ? "PUBLISHED" : p.status()).integer("revision", p.revision()))) {
            ps.executeUpdate();
        }
    }

    /**
     * Applies the obligation's state if it is newer than the copy's, and then moves the reports not
     * yet approved to its recipient and deadline; false when the copy already held a newer state.
     */
    public boolean upsertObligation(ObligationSnapshot o) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = UPSERT_OBLIGATION.prepare(c, NamedSql.params()
                    .uuid("id", o.id()).uuid("planId", o.planId()).text("planNumber", o.planNumber())
                    .uuid("campaignId", o.campaignId()).uuid("unitId", o.unitId()).uuid("recipientId", o.recipientId())
                    .text("indicatorSetCode", o.indicatorSetCode()).instant("dueAt", o.dueAt().toInstant())
                    .text("status", o.status() == null ? "OPEN" : o.status()).bigint("version", o.version())
                    .integer("campaignYear", o.campaignYear()).uuid("viaUnitId", o.viaUnitId())
                    .text("kind", o.countsInTotals() ? ObligationSnapshot.FINAL : ObligationSnapshot.INTERIM)
                    .uuids("copyTo", o.copyTo()).bool("consolidates", o.consolidates()))) {
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement ps = FOLLOW.prepare(c, NamedSql.params().uuid("recipientId", o.recipientId())
                    .instant("dueAt", o.dueAt().toInstant()).uuid("obligationId", o.id()))) {
                ps.executeUpdate();
            }
            return true;
        }
    }
}
