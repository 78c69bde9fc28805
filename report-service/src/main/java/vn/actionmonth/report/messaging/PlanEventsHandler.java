package vn.actionmonth.report.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.events.EventEnvelope;
import vn.actionmonth.events.EventPayload;
import vn.actionmonth.events.EventTypes;
import vn.actionmonth.events.Topics;
import vn.actionmonth.events.inbox.ConsumerBatch;
import vn.actionmonth.events.inbox.EventHandler;
import vn.actionmonth.events.plan.ObligationEvent;
import vn.actionmonth.events.plan.ObligationSnapshot;
import vn.actionmonth.events.plan.PlanEvent;
import vn.actionmonth.events.plan.PlanSummary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Set;

/**
 * Keeps report-service's copies of plans and obligations from plan-service's events. Both carry
 * whole states with a version, so an older state never overwrites a newer one.
 */
@ApplicationScoped
public class PlanEventsHandler implements EventHandler {

    private static final String UPSERT_PLAN = "INSERT INTO plan_replica (id, number, title, issuer_id, campaign_id, "
            + "basis_plan_id, status, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
            + "number = EXCLUDED.number, title = EXCLUDED.title, issuer_id = EXCLUDED.issuer_id, "
            + "campaign_id = EXCLUDED.campaign_id, basis_plan_id = EXCLUDED.basis_plan_id, status = EXCLUDED.status, "
            + "revision = EXCLUDED.revision WHERE plan_replica.revision < EXCLUDED.revision "
            + "OR (plan_replica.revision = EXCLUDED.revision AND EXCLUDED.status = 'CLOSED')";

    private static final String UPSERT_OBLIGATION = "INSERT INTO obligation_replica (id, plan_id, plan_number, campaign_id, "
            + "unit_id, recipient_id, indicator_set_code, due_at, status, version, campaign_year, via_unit_id, kind, "
            + "copy_to_unit_ids, consolidates) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (id) DO UPDATE SET plan_id = EXCLUDED.plan_id, plan_number = EXCLUDED.plan_number, "
            + "campaign_id = EXCLUDED.campaign_id, unit_id = EXCLUDED.unit_id, recipient_id = EXCLUDED.recipient_id, "
            + "indicator_set_code = EXCLUDED.indicator_set_code, due_at = EXCLUDED.due_at, status = EXCLUDED.status, "
            + "version = EXCLUDED.version, campaign_year = EXCLUDED.campaign_year, via_unit_id = EXCLUDED.via_unit_id, kind = EXCLUDED.kind, "
            + "copy_to_unit_ids = EXCLUDED.copy_to_unit_ids, consolidates = EXCLUDED.consolidates "
            + "WHERE obligation_replica.version < EXCLUDED.version";

    // A report not yet approved follows its obligation's recipient and deadline.
    private static final String FOLLOW = "UPDATE report SET recipient_id = ?, due_at = ? "
            + "WHERE obligation_id = ? AND status <> 'APPROVED' AND (recipient_id <> ? OR due_at <> ?)";

    private final ObjectMapper mapper;
    private final AgroalDataSource dataSource;

    public PlanEventsHandler(ObjectMapper mapper, AgroalDataSource dataSource) {
        this.mapper = mapper;
        this.dataSource = dataSource;
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.PLANS, Topics.OBLIGATIONS);
    }

    @Override
    public void handle(EventEnvelope event, ConsumerBatch batch) throws SQLException {
        EventPayload payload = EventTypes.readIfKnown(mapper, event.type(), event.data());
        if (payload instanceof PlanEvent p) {
            plan(p.plan());
        } else if (payload instanceof ObligationEvent o) {
            obligation(o.obligation());
        }
    }

    private void plan(PlanSummary p) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT_PLAN)) {
            ps.setObject(1, p.id());
            ps.setString(2, p.number());
            ps.setString(3, p.title());
            ps.setObject(4, p.issuerId());
            ps.setObject(5, p.campaignId());
            ps.setObject(6, p.basisPlanId());
            ps.setString(7, p.status() == null ? "PUBLISHED" : p.status());
            ps.setInt(8, p.revision());
            ps.executeUpdate();
        }
    }

    private void obligation(ObligationSnapshot o) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Timestamp due = Timestamp.from(o.dueAt().toInstant());
            try (PreparedStatement ps = c.prepareStatement(UPSERT_OBLIGATION)) {
                ps.setObject(1, o.id());
                ps.setObject(2, o.planId());
                ps.setString(3, o.planNumber());
                ps.setObject(4, o.campaignId());
                ps.setObject(5, o.unitId());
                ps.setObject(6, o.recipientId());
                ps.setString(7, o.indicatorSetCode());
                ps.setTimestamp(8, due);
                ps.setString(9, o.status() == null ? "OPEN" : o.status());
                ps.setLong(10, o.version());
                ps.setInt(11, o.campaignYear());
                ps.setObject(12, o.viaUnitId());
                ps.setString(13, o.countsInTotals() ? ObligationSnapshot.FINAL : ObligationSnapshot.INTERIM);
                ps.setArray(14, c.createArrayOf("uuid", o.copyTo().toArray()));
                ps.setBoolean(15, o.consolidates());
                if (ps.executeUpdate() == 0) {
                    return; // an older state than the one we have
                }
            }
            try (PreparedStatement ps = c.prepareStatement(FOLLOW)) {
                ps.setObject(1, o.recipientId());
                ps.setTimestamp(2, due);
                ps.setObject(3, o.id());
                ps.setObject(4, o.recipientId());
                ps.setTimestamp(5, due);
                ps.executeUpdate();
            }
        }
    }
}
