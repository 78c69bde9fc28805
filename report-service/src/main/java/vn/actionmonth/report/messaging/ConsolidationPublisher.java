package vn.actionmonth.report.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import vn.actionmonth.events.outbox.Outbox;
import vn.actionmonth.events.report.Completeness;
import vn.actionmonth.events.report.ConsolidationChanged;
import vn.actionmonth.report.config.ReportConfig;
import vn.actionmonth.report.domain.Basis;
import vn.actionmonth.report.repository.ConsolidationRepository;
import vn.actionmonth.report.service.CompletenessService;

import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Publishes ConsolidationChanged for the unit-and-plan pairs the consumer marked dirty, at most
 * once per pair per tick (rate-limited: a province that moved a thousand times in a second is
 * published once, with its latest state). SKIP LOCKED lets replicas share the work.
 *
 * <p>The consumer upserts the same dirty rows in its poll transaction, so the publisher never holds
 * them while it works: (1) a short transaction deletes the pairs it claims; (2) figures and
 * completeness are read outside any transaction; (3) a second short transaction writes the outbox
 * rows. A pair dirtied again after (1) is inserted anew by the consumer and published on a later
 * tick with its then latest state, so no change is lost; if (2) or (3) fails the claimed pairs are
 * marked dirty again.
 */
@ApplicationScoped
public class ConsolidationPublisher {

    private static final Logger LOG = Logger.getLogger(ConsolidationPublisher.class);

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

    private record Pair(UUID unit, UUID plan, UUID campaign) {
    }

    @Scheduled(every = "${report.consolidation.publish-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s")
    void publishDirty() {
        List<Pair> claimed = QuarkusTransaction.requiringNew().call(this::claim);
        if (claimed.isEmpty()) {
            return;
        }
        try {
            OffsetDateTime now = OffsetDateTime.now(clock);
            List<ConsolidationChanged> events = new ArrayList<>(claimed.size());
            for (Pair pair : claimed) {
                events.add(changed(pair, now));
            }
            QuarkusTransaction.requiringNew().run(() -> outbox.appendAll(events));
        } catch (RuntimeException e) {
            LOG.warnf(e, "could not publish %d consolidation changes; they stay dirty", claimed.size());
            remark(claimed);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Pair> claim() {
        List<Object[]> rows = em.createNativeQuery("DELETE FROM consolidation_dirty WHERE (unit_id, plan_id) IN ("
                        + "SELECT unit_id, plan_id FROM consolidation_dirty ORDER BY marked_at LIMIT :n FOR UPDATE SKIP LOCKED) "
                        + "RETURNING unit_id, plan_id, campaign_id")
                .setParameter("n", config.consolidation().publishBatch()).getResultList();
        List<Pair> out = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            out.add(new Pair(UUID.fromString(row[0].toString()), UUID.fromString(row[1].toString()),
                    UUID.fromString(row[2].toString())));
        }
        // Stable order: the consumer marks in sorted order too, so re-marking cannot deadlock with it.
        out.sort(Comparator.comparing((Pair p) -> p.unit().toString()).thenComparing(p -> p.plan().toString()));
        return out;
    }

    private ConsolidationChanged changed(Pair pair, OffsetDateTime now) {
        Map<String, Object> figures = new TreeMap<>();
        consolidation.figures(pair.unit(), pair.plan()).getOrDefault(pair.unit(), Map.of())
                .forEach((code, t) -> figures.put(code, t.total(Basis.SUBMITTED)));
        // A unit that left the replica (cannot normally happen) is published without completeness.
        return completeness.summary(pair.unit(), pair.plan())
                .map(c -> new ConsolidationChanged(pair.unit(), pair.plan(), pair.campaign(), figures, c.subtree(),
                        c.childrenOwed(), c.childrenReported(), now))
                .orElseGet(() -> new ConsolidationChanged(pair.unit(), pair.plan(), pair.campaign(), figures,
                        new Completeness(0, 0, 0, 0, 0), 0, 0, now));
    }

    private void remark(List<Pair> pairs) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                try {
                    consolidation.markDirty(pairs.stream().map(p -> new UUID[] {p.unit(), p.plan(), p.campaign()}).toList());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not mark %d consolidation changes dirty again", pairs.size());
        }
    }
}
