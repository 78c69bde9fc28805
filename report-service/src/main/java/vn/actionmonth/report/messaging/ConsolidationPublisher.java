package vn.actionmonth.report.messaging;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.actionmonth.events.outbox.Outbox;
import vn.actionmonth.events.report.ConsolidationChanged;
import vn.actionmonth.report.config.ReportConfig;
import vn.actionmonth.common.problem.ProblemException;
import vn.actionmonth.events.report.Completeness;
import vn.actionmonth.report.domain.Basis;
import vn.actionmonth.report.repository.ConsolidationRepository;
import vn.actionmonth.report.service.CompletenessService;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Publishes ConsolidationChanged for the unit-and-plan pairs the consumer marked dirty, at most
 * once per pair per tick (rate-limited: a province that moved a thousand times in a second is
 * published once, with its latest state). SKIP LOCKED lets replicas share the work.
 */
@ApplicationScoped
public class ConsolidationPublisher {

    private final EntityManager em;
    private final ConsolidationRepository consolidation;
    private final CompletenessService completeness;
    private final Outbox outbox;
    private final ReportConfig config;
    private final Clock clock;

    public ConsolidationPublisher(EntityManager em, ConsolidationRepository consolidation, CompletenessService completeness,
                                  Outbox outbox, ReportConfig config, Clock clock) {
        this.em = em;
        this.consolidation = consolidation;
        this.completeness = completeness;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${report.consolidation.publish-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s")
    @Transactional
    void publishDirty() {
        @SuppressWarnings("unchecked")
        List<Object[]> dirty = em.createNativeQuery("DELETE FROM consolidation_dirty WHERE (unit_id, plan_id) IN ("
                        + "SELECT unit_id, plan_id FROM consolidation_dirty ORDER BY marked_at LIMIT :n FOR UPDATE SKIP LOCKED) "
                        + "RETURNING unit_id, plan_id, campaign_id")
                .setParameter("n", config.consolidation().publishBatch()).getResultList();
        if (dirty.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<ConsolidationChanged> events = new ArrayList<>(dirty.size());
        for (Object[] row : dirty) {
            UUID unit = UUID.fromString(row[0].toString());
            UUID plan = UUID.fromString(row[1].toString());
            UUID campaign = UUID.fromString(row[2].toString());
            Map<String, Object> figures = new TreeMap<>();
            consolidation.figures(unit, plan).getOrDefault(unit, Map.of())
                    .forEach((code, t) -> figures.put(code, t.total(Basis.SUBMITTED)));
            events.add(changed(unit, plan, campaign, figures, now));
        }
        outbox.appendAll(events);
    }

    private ConsolidationChanged changed(UUID unit, UUID plan, UUID campaign, Map<String, Object> figures, OffsetDateTime now) {
        try {
            CompletenessService.Result c = completeness.compute(unit, plan, false, CompletenessService.Level.CHILDREN);
            return new ConsolidationChanged(unit, plan, campaign, figures, c.subtree(), c.childrenOwed(),
                    c.childrenReported(), now);
        } catch (ProblemException unknownUnit) {
            // The unit left the replica (cannot normally happen): publish the figures without completeness.
            return new ConsolidationChanged(unit, plan, campaign, figures, new Completeness(0, 0, 0, 0, 0), 0, 0, now);
        }
    }
}
