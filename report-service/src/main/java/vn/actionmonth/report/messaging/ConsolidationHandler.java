package vn.actionmonth.report.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.actionmonth.events.EventEnvelope;
import vn.actionmonth.events.EventPayload;
import vn.actionmonth.events.EventTypes;
import vn.actionmonth.events.Topics;
import vn.actionmonth.events.inbox.ConsumerBatch;
import vn.actionmonth.events.inbox.EventHandler;
import vn.actionmonth.events.report.ReportApproved;
import vn.actionmonth.events.report.ReportEvent;
import vn.actionmonth.events.report.ReportReturned;
import vn.actionmonth.events.report.ReportSubmitted;
import vn.actionmonth.report.domain.ConsolidationKey;
import vn.actionmonth.report.domain.FigureTotals;
import vn.actionmonth.report.domain.IndicatorSet;
import vn.actionmonth.report.domain.PairMark;
import vn.actionmonth.report.domain.Report;
import vn.actionmonth.report.domain.ReportStatus;
import vn.actionmonth.report.repository.ConsolidationPublicationRepository;
import vn.actionmonth.report.repository.ConsolidationRepository;
import vn.actionmonth.report.service.Contributions;
import vn.actionmonth.report.service.IndicatorSetService;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Consolidates from report.reports.v1 (report-service's own events).
 *
 * <p>Per poll: the events are folded per report over the state last applied (report_applied),
 * the differences new - old are summed in memory per (unit, scope, indicator) and written with
 * one upsert per key, in key order, just before the poll's transaction commits. Thousands of
 * submissions to the same province therefore touch the province's rows once per poll instead of
 * once per report, and the write path of a submission never locks them.
 */
@ApplicationScoped
public class ConsolidationHandler implements EventHandler {

    private static final Logger LOG = Logger.getLogger(ConsolidationHandler.class);

    private final ObjectMapper mapper;
    private final AgroalDataSource dataSource;
    private final IndicatorSetService indicatorSets;
    private final ConsolidationRepository consolidation;
    private final ConsolidationPublicationRepository publications;

    public ConsolidationHandler(ObjectMapper mapper, AgroalDataSource dataSource, IndicatorSetService indicatorSets,
                                ConsolidationRepository consolidation, ConsolidationPublicationRepository publications) {
        this.mapper = mapper;
        this.dataSource = dataSource;
        this.indicatorSets = indicatorSets;
        this.consolidation = consolidation;
        this.publications = publications;
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.REPORTS);
    }

    @Override
    public void handle(EventEnvelope event, ConsumerBatch batch) {
        EventPayload payload = EventTypes.readIfKnown(mapper, event.type(), event.data());
        if (!(payload instanceof ReportEvent e)) {
            return;
        }
        List<ReportEvent> pending = batch.attachment(ConsolidationHandler.class, () -> {
            List<ReportEvent> list = new ArrayList<>();
            batch.beforeCommit(() -> flush(list));
            return list;
        });
        pending.add(e);
    }

    private void flush(List<ReportEvent> events) {
        try (Connection c = dataSource.getConnection()) {
            Map<UUID, List<ReportEvent>> byReport = new LinkedHashMap<>();
            events.forEach(e -> byReport.computeIfAbsent(e.reportId(), k -> new ArrayList<>()).add(e));
            UUID[] ids = byReport.keySet().toArray(UUID[]::new);
            Map<UUID, AppliedState> applied = loadApplied(c, ids);
            Map<UUID, Meta> meta = loadMeta(c, ids);
            Map<UUID, UUID> issuers = loadIssuers(c, meta.values());

            TreeMap<ConsolidationKey, FigureTotals> deltas = new TreeMap<>();
            Map<UUID, AppliedState> changed = new LinkedHashMap<>();
            TreeSet<PairMark> dirty = new TreeSet<>(PairMark.LOCK_ORDER);
            for (Map.Entry<UUID, List<ReportEvent>> entry : byReport.entrySet()) {
                Meta m = meta.get(entry.getKey());
                if (m == null || m.path.isEmpty()) {
                    // Cannot happen: the event is written in the transaction that froze the path.
                    throw new IllegalStateException("report " + entry.getKey() + " has no frozen path");
                }
                if (!m.counts()) {
                    continue; // an interim report: read and approved, added to no total
                }
                AppliedState before = applied.getOrDefault(entry.getKey(), AppliedState.NONE);
                AppliedState after = before;
                for (ReportEvent e : entry.getValue()) {
                    after = next(after, e);
                }
                if (after == before) {
                    continue; // everything in this poll was already applied
                }
                IndicatorSet set = indicatorSets.get(m.setCode, m.setVersion);
                Contributions.add(deltas, set, before.figures(), before.status(), m.path, m.scopes(), -1);
                Contributions.add(deltas, set, after.figures(), after.status(), m.path, m.scopes(), +1);
                changed.put(entry.getKey(), after);
                markPublished(dirty, m, issuers);
            }
            if (changed.isEmpty()) {
                return;
            }
            consolidation.add(deltas);
            saveApplied(c, changed);
            publications.mark(List.copyOf(dirty));
            LOG.debugf("consolidated %d events of %d reports into %d figures", events.size(), changed.size(), deltas.size());
        } catch (SQLException e) {
            throw new IllegalStateException("could not consolidate", e);
        }
    }

    /** The state after {@code e}, or {@code s} itself when {@code e} is not later than {@code s}. */
    private AppliedState next(AppliedState s, ReportEvent e) {
        return e.on(new ReportEvent.Cases<AppliedState, RuntimeException>() {
            @Override
            public AppliedState submitted(ReportSubmitted sub) {
                if (!s.isBefore(sub.revision(), 0)) {
                    return s;
                }
                JsonNode figures = mapper.valueToTree(sub.figures() == null ? Map.of() : sub.figures());
                return new AppliedState(sub.revision(), 0, ReportStatus.SUBMITTED, figures);
            }

            @Override
            public AppliedState returned(ReportReturned r) {
                return decided(s, r, ReportStatus.RETURNED);
            }

            @Override
            public AppliedState approved(ReportApproved a) {
                return decided(s, a, ReportStatus.APPROVED);
            }
        });
    }

    /** The recipient's decision on the submitted revision: stage 1 of that revision. */
    private static AppliedState decided(AppliedState s, ReportEvent e, ReportStatus status) {
        if (!s.isBefore(e.revision(), 1)) {
            return s;
        }
        if (s.revision() != e.revision()) {
            // Events of one report share a partition and leave the outbox in order: the submission comes first.
            throw new IllegalStateException("report " + e.reportId() + ": " + e.type() + " of revision " + e.revision()
                    + " before its submission (applied revision " + s.revision() + ")");
        }
        return new AppliedState(s.revision(), 1, status, s.figures());
    }

    /**
     * The pairs whose ConsolidationChanged this report moves: each unit on its path with each plan
     * of its scopes issued by that unit or above it (the plans the unit works under). How the
     * ministry sees a ward's own plan is left to the API: counting completeness for the whole
     * country once per ward plan would cost more than all the writes. A plan issued off the path
     * (or not known yet) is published for every unit on the path.
     */
    private static void markPublished(Set<PairMark> dirty, Meta m, Map<UUID, UUID> issuers) {
        for (UUID plan : m.planScopes) {
            int issuerDepth = m.path.indexOf(issuers.get(plan));
            for (int depth = Math.max(0, issuerDepth); depth < m.path.size(); depth++) {
                dirty.add(new PairMark(m.path.get(depth), plan, m.campaignId));
            }
        }
    }

    private Map<UUID, UUID> loadIssuers(Connection c, Collection<Meta> metas) throws SQLException {
        Map<UUID, UUID> out = new HashMap<>();
        UUID[] plans = metas.stream().flatMap(m -> m.planScopes.stream()).distinct().toArray(UUID[]::new);
        try (PreparedStatement ps = c.prepareStatement("SELECT id, issuer_id FROM plan_replica WHERE id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("uuid", plans));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                }
            }
        }
        return out;
    }

    private Map<UUID, AppliedState> loadApplied(Connection c, UUID[] ids) throws SQLException {
        Map<UUID, AppliedState> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT report_id, revision, stage, status, figures FROM report_applied "
                + "WHERE report_id = ANY (?) FOR UPDATE")) {
            ps.setArray(1, c.createArrayOf("uuid", ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getObject(1, UUID.class), new AppliedState(rs.getInt(2), rs.getInt(3),
                            ReportStatus.valueOf(rs.getString(4)), readTree(rs.getString(5))));
                }
            }
        }
        return out;
    }

    private Map<UUID, Meta> loadMeta(Connection c, UUID[] ids) throws SQLException {
        Map<UUID, Meta> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, frozen_path, scope_ids, campaign_id, indicator_set_code, "
                + "indicator_set_version, kind FROM report WHERE id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("uuid", ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getObject(1, UUID.class), new Meta(Report.parseIds(rs.getString(2), "/"),
                            Report.parseIds(rs.getString(3), ","), rs.getObject(4, UUID.class), rs.getString(5), rs.getInt(6),
                            !"INTERIM".equals(rs.getString(7))));
                }
            }
        }
        return out;
    }

    private void saveApplied(Connection c, Map<UUID, AppliedState> changed) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO report_applied (report_id, revision, stage, status, figures) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (report_id) DO UPDATE SET revision = EXCLUDED.revision, "
                + "stage = EXCLUDED.stage, status = EXCLUDED.status, figures = EXCLUDED.figures")) {
            for (Map.Entry<UUID, AppliedState> e : changed.entrySet()) {
                AppliedState s = e.getValue();
                ps.setObject(1, e.getKey());
                ps.setInt(2, s.revision());
                ps.setInt(3, s.stage());
                ps.setString(4, s.status().name());
                ps.setString(5, s.figures() == null ? "{}" : s.figures().toString());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("report_applied holds invalid JSON", e);
        }
    }

    /** A report's frozen path and scopes: where its figures count; an interim report's count nowhere. */
    private record Meta(List<UUID> path, List<UUID> planScopes, UUID campaignId, String setCode, int setVersion,
                        boolean counts) {

        List<UUID> scopes() {
            List<UUID> all = new ArrayList<>(planScopes.size() + 1);
            all.add(campaignId);
            all.addAll(planScopes);
            return all;
        }
    }
}
