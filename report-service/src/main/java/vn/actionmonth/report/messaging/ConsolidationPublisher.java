package vn.actionmonth.report.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.actionmonth.events.outbox.Outbox;
import vn.actionmonth.events.report.Completeness;
import vn.actionmonth.events.report.ConsolidationChanged;
import vn.actionmonth.report.config.ReportConfig;
import vn.actionmonth.report.domain.Basis;
import vn.actionmonth.report.domain.DirtyPair;
import vn.actionmonth.report.domain.FigureTotals;
import vn.actionmonth.report.domain.UnitScope;
import vn.actionmonth.report.repository.ConsolidationPublicationRepository;
import vn.actionmonth.report.repository.ConsolidationRepository;
import vn.actionmonth.report.service.CompletenessService;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Publishes ConsolidationChanged for the unit-and-plan pairs the consumer marked, each at most
 * once per {@code min-interval} (rate-limited: a province that moved a thousand times in that
 * window is published once, with its latest state; a pair quiet for longer goes out on the next tick).
 *
 * <p>The consumer marks the same rows in its poll transaction, so the publisher never holds them
 * while it works: (1) a short transaction claims waiting pairs for {@code claim-timeout}; (2) their
 * figures and completeness are read outside any transaction, a few statements for the whole batch;
 * (3) one short transaction writes the outbox rows of the pairs still claimed and records the
 * version each carried. A pair marked again since (1) stays waiting and is published after its
 * window with its then latest state; a publisher that dies after (1) leaves a claim that expires,
 * and any replica's next tick publishes the pairs. No change is lost.
 */
@ApplicationScoped
public class ConsolidationPublisher {

    private static final Logger LOG = Logger.getLogger(ConsolidationPublisher.class);

    private final ConsolidationPublicationRepository publications;
    private final ConsolidationRepository consolidation;
    private final CompletenessService completeness;
    private final Outbox outbox;
    private final ReportConfig config;
    private final Clock clock;

    public ConsolidationPublisher(ConsolidationPublicationRepository publications, ConsolidationRepository consolidation,
                                  CompletenessService completeness, Outbox outbox, ReportConfig config, Clock clock) {
        this.publications = publications;
        this.consolidation = consolidation;
        this.completeness = completeness;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${report.consolidation.publish-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s")
    void tick() {
        publishDirty();
    }

    /** Pairs claimed by one tick of one publisher. */
    public record Claim(UUID claimant, List<DirtyPair> pairs) {
    }

    /** @return how many pairs were published */
    public int publishDirty() {
        return publish(claim());
    }

    /** Step (1): claims the oldest waiting pairs, in a transaction of its own. */
    public Claim claim() {
        UUID claimant = UUID.randomUUID();
        return new Claim(claimant, QuarkusTransaction.requiringNew().call(() -> {
            publications.forgetPublished();
            return publications.claim(claimant, config.consolidation().publishBatch(), config.consolidation().claimTimeout());
        }));
    }

    /** Steps (2) and (3); on failure the pairs go back to the queue. */
    public int publish(Claim claim) {
        if (claim.pairs().isEmpty()) {
            return 0;
        }
        try {
            Map<UnitScope, ConsolidationChanged> events = changes(claim.pairs());
            return QuarkusTransaction.requiringNew().call(() -> append(claim, events));
        } catch (RuntimeException e) {
            LOG.warnf(e, "could not publish %d consolidation changes; they stay waiting", claim.pairs().size());
            release(claim.claimant());
            return 0;
        }
    }

    private int append(Claim claim, Map<UnitScope, ConsolidationChanged> events) {
        Set<UnitScope> stillClaimed = publications.lockClaimed(claim.claimant()).stream().map(DirtyPair::scope)
                .collect(Collectors.toSet());
        List<ConsolidationChanged> out = claim.pairs().stream().map(DirtyPair::scope).filter(stillClaimed::contains)
                .map(events::get).toList();
        outbox.appendAll(out);
        publications.published(claim.claimant(), claim.pairs(), config.consolidation().minInterval());
        return out.size();
    }

    private Map<UnitScope, ConsolidationChanged> changes(List<DirtyPair> pairs) {
        List<UnitScope> scopes = pairs.stream().map(DirtyPair::scope).toList();
        Map<UnitScope, Map<String, FigureTotals>> figures = consolidation.figures(scopes);
        Map<UnitScope, CompletenessService.Result> summaries = completeness.summaries(scopes);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<UnitScope, ConsolidationChanged> out = new HashMap<>();
        for (DirtyPair pair : pairs) {
            Map<String, Object> values = new TreeMap<>();
            figures.getOrDefault(pair.scope(), Map.of()).forEach((code, t) -> values.put(code, t.total(Basis.SUBMITTED)));
            CompletenessService.Result c = summaries.get(pair.scope());
            // A unit that left the replica (cannot normally happen) is published without completeness.
            out.put(pair.scope(), c == null
                    ? new ConsolidationChanged(pair.unitId(), pair.planId(), pair.campaignId(), values,
                    new Completeness(0, 0, 0, 0, 0), 0, 0, now)
                    : new ConsolidationChanged(pair.unitId(), pair.planId(), pair.campaignId(), values, c.subtree(),
                    c.childrenOwed(), c.childrenReported(), now));
        }
        return out;
    }

    private void release(UUID claimant) {
        try {
            QuarkusTransaction.requiringNew().run(() -> publications.release(claimant));
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not release consolidation changes; they are published when the claim expires");
        }
    }
}
