package vn.actionmonth.report.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.actionmonth.common.units.UnitDirectory;
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
import vn.actionmonth.report.domain.IndicatorSet;
import vn.actionmonth.report.domain.PairMark;
import vn.actionmonth.report.domain.ReportStatus;
import vn.actionmonth.report.domain.RowDeltas;
import vn.actionmonth.report.repository.ConsolidationPublicationRepository;
import vn.actionmonth.report.repository.ConsolidationRepository;
import vn.actionmonth.report.repository.ReportAppliedRepository;
import vn.actionmonth.report.repository.ReportAppliedRepository.Counting;
import vn.actionmonth.report.service.Contributions;
import vn.actionmonth.report.service.IndicatorSetService;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Consolidates from report.reports.v1 (report-service's own events).
 *
 * <p>Per poll: the events are folded per report over the state last applied (report_applied),
 * the differences new - old are summed in memory per (unit, scope) row and written with
 * one upsert per (unit, scope) row, in (unit, scope) order, just before the poll's transaction commits.
 * Thousands of submissions to the same province therefore touch the province's rows once per poll
 * instead of once per report, and the write path of a submission never locks them.
 */
@ApplicationScoped
public class ConsolidationHandler implements EventHandler {

    private static final Logger LOG = Logger.getLogger(ConsolidationHandler.class);

    private final ObjectMapper mapper;
    private final ReportAppliedRepository reports;
    private final IndicatorSetService indicatorSets;
    private final ConsolidationRepository consolidation;
    private final ConsolidationPublicationRepository publications;
    private final UnitDirectory units;

    public ConsolidationHandler(ObjectMapper mapper, ReportAppliedRepository reports, IndicatorSetService indicatorSets,
                                ConsolidationRepository consolidation, ConsolidationPublicationRepository publications,
                                UnitDirectory units) {
        this.mapper = mapper;
        this.reports = reports;
        this.indicatorSets = indicatorSets;
        this.consolidation = consolidation;
        this.publications = publications;
        this.units = units;
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
        try {
            Map<UUID, List<ReportEvent>> byReport = new LinkedHashMap<>();
            events.forEach(e -> byReport.computeIfAbsent(e.reportId(), k -> new ArrayList<>()).add(e));
            Map<UUID, AppliedState> applied = new HashMap<>();
            reports.lockApplied(byReport.keySet()).forEach((id, a) ->
                    applied.put(id, new AppliedState(a.revision(), a.stage(), a.status(), readTree(a.figuresJson()))));
            Map<UUID, Counting> meta = reports.whereTheyCount(byReport.keySet());
            Map<UUID, UUID> issuers = reports.issuers(meta.values().stream().flatMap(m -> m.planScopes().stream())
                    .distinct().toList());
            Set<UUID> receiving = units.withChildren(meta.values().stream().filter(m -> !m.path().isEmpty())
                    .map(m -> m.path().get(m.path().size() - 1)).collect(Collectors.toSet()));

            RowDeltas deltas = new RowDeltas();
            Map<UUID, AppliedState> changed = new LinkedHashMap<>();
            TreeSet<PairMark> dirty = new TreeSet<>(PairMark.LOCK_ORDER);
            for (Map.Entry<UUID, List<ReportEvent>> entry : byReport.entrySet()) {
                Counting m = meta.get(entry.getKey());
                if (m == null || m.path().isEmpty()) {
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
                IndicatorSet set = indicatorSets.get(m.setCode(), m.setVersion());
                List<UUID> scopes = scopes(m);
                int[] slots = consolidation.slots(set);
                Contributions.add(deltas, set, slots, before.figures(), before.status(), m.path(), scopes, -1);
                Contributions.add(deltas, set, slots, after.figures(), after.status(), m.path(), scopes, +1);
                changed.put(entry.getKey(), after);
                markPublished(dirty, m, issuers, receiving);
            }
            if (changed.isEmpty()) {
                return;
            }
            consolidation.add(deltas);
            Map<UUID, ReportAppliedRepository.Applied> toSave = new LinkedHashMap<>();
            changed.forEach((id, a) -> toSave.put(id, new ReportAppliedRepository.Applied(a.revision(), a.stage(),
                    a.status(), a.figures() == null ? "{}" : a.figures().toString())));
            reports.saveApplied(toSave);
            publications.mark(List.copyOf(dirty));
            LOG.debugf("consolidated %d events of %d reports", events.size(), changed.size());
        } catch (SQLException e) {
            throw new IllegalStateException("could not consolidate", e);
        }
    }

    /** The campaign, then the plans of the report's basis chain. */
    private static List<UUID> scopes(Counting m) {
        List<UUID> all = new ArrayList<>(m.planScopes().size() + 1);
        all.add(m.campaignId());
        all.addAll(m.planScopes());
        return all;
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
     * (or not known yet) is published for every unit on the path. The reporting unit itself is left
     * out when no unit lies under it ({@code receiving} does not hold it): its consolidation is its
     * own report, which ReportSubmitted carries, and it has no children to have reported.
     */
    private static void markPublished(Set<PairMark> dirty, Counting m, Map<UUID, UUID> issuers, Set<UUID> receiving) {
        int last = m.path().size() - 1;
        int end = receiving.contains(m.path().get(last)) ? last : last - 1;
        for (UUID plan : m.planScopes()) {
            int issuerDepth = m.path().indexOf(issuers.get(plan));
            for (int depth = Math.max(0, issuerDepth); depth <= end; depth++) {
                dirty.add(new PairMark(m.path().get(depth), plan, m.campaignId()));
            }
        }
    }

    private JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("report_applied holds invalid JSON", e);
        }
    }
}
