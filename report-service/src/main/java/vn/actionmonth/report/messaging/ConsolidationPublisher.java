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
import vn.actionmonth.report.repository.ConsolidationDirtyRepository;
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
 * Publishes ConsolidationChanged for the unit-and-plan pairs the consumer marked dirty, at most
 * once per pair per tick (rate-limited: a province that moved a thousand times in a second is
 * published once, with its latest state).
 *
 * <p>The consumer marks the same rows in its poll transaction, so the publisher never holds them
 * while it works: (1) a short transaction claims pairs for {@code claim-timeout}; (2) their figures
 * and completeness are read outside any transaction, a few statements for the whole batch; (3) one
 * short transaction writes the outbox rows of the pairs still claimed and deletes those not marked
 * again since (1). A pair marked again is published on a later tick with its then latest state; a
 * publisher that dies after (1) leaves a claim that expires, and the pairs are published by the
 * next tick of any replica. No change is lost and none waits behind another replica's claim.
 */
@ApplicationScoped
public class ConsolidationPublisher {

    private static final Logger LOG = Logger.getLogger(ConsolidationPublisher.class);

    private final ConsolidationDirtyRepository dirty;
    private final ConsolidationRepository consolidation;
    private final CompletenessService completeness;
    private final Outbox outbox;
    private final ReportConfig config;
    private final Clock clock;

    public ConsolidationPublisher(ConsolidationDirtyRepository dirty, ConsolidationRepository consolidation,
                                  CompletenessService completeness, Outbox outbox, ReportConfig config, Clock clock) {
        this.dirty = dirty;
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

    /** Step (1): claims the oldest unclaimed pairs, in a transaction of its own. */
    public Claim claim() {
        UUID claimant = UUID.randomUUID();
        return new Claim(claimant, QuarkusTransaction.requiringNew().call(() -> dirty.claim(claimant,
                config.consolidation().publishBatch(), config.consolidation().claimTimeout())));
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
            LOG.warnf(e, "could not publish %d consolidation changes; they stay dirty", claim.pairs().size());
            release(claim.claimant());
            return 0;
        }
    }

    private int append(Claim claim, Map<UnitScope, ConsolidationChanged> events) {
        Set<UnitScope> stillClaimed = dirty.lockClaimed(claim.claimant()).stream().map(DirtyPair::scope)
                .collect(Collectors.toSet());
        List<ConsolidationChanged> out = claim.pairs().stream().map(DirtyPair::scope).filter(stillClaimed::contains)
                .map(events::get).toList();
        outbox.appendAll(out);
        dirty.finish(claim.claimant(), claim.pairs());
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
            QuarkusTransaction.requiringNew().run(() -> dirty.release(claimant));
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not release consolidation changes; they are published when the claim expires");
        }
    }
}
