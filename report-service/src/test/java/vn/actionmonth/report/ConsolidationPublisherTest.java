package vn.actionmonth.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.actionmonth.events.Topics;
import vn.actionmonth.report.domain.DirtyPair;
import vn.actionmonth.report.domain.RowDeltas;
import vn.actionmonth.report.domain.PairMark;
import vn.actionmonth.report.messaging.ConsolidationPublisher;
import vn.actionmonth.report.messaging.ConsolidationPublisher.Claim;
import vn.actionmonth.report.repository.ConsolidationPublicationRepository;
import vn.actionmonth.report.repository.ConsolidationRepository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ConsolidationChanged publisher loses no change: not when its process dies between taking
 * pairs and writing their events, and not when a pair moves again while it is being published; and
 * a busy pair goes out once per window. The scheduled publisher keeps running meanwhile, as another
 * replica would.
 */
@QuarkusTest
class ConsolidationPublisherTest extends ReportServiceTestBase {

    final UUID unit = UUID.randomUUID();
    final UUID plan = UUID.randomUUID();
    final UUID campaign = UUID.randomUUID();

    @Inject
    ConsolidationPublisher publisher;

    @Inject
    ConsolidationPublicationRepository publications;

    @Inject
    ConsolidationRepository consolidation;

    @AfterEach
    void removeTheMadeUpFigures() {
        sql("DELETE FROM consolidated_figures WHERE unit_id = ?", unit);
        sql("DELETE FROM consolidation_publication WHERE unit_id = ?", unit);
    }

    @Test
    void pairsClaimedByAPublisherThatDiedArePublishedOnceTheClaimExpires() {
        figure(5);
        // A publisher claimed the pair and died before writing its event.
        claimedBy(UUID.randomUUID());

        publisher.publishDirty();
        assertThat(events()).as("a live claim is left to its holder").isEmpty();

        sql("UPDATE consolidation_publication SET claimed_until = now() - interval '1 second' WHERE unit_id = ?", unit);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            publisher.publishDirty();
            assertThat(events()).singleElement().satisfies(e -> assertThat(communicationEvents(e)).isEqualTo(5));
        });
        assertThat(waiting()).isZero();
    }

    @Test
    void aPairThatMovesWhileItIsPublishedIsPublishedAgainWithItsLatestState() {
        figure(5);
        // Claimed as step (1) of a tick would, so that the scheduled publisher leaves it alone.
        UUID claimant = UUID.randomUUID();
        claimedBy(claimant);
        Claim claim = new Claim(claimant, List.of(new DirtyPair(unit, plan, campaign, 1)));

        // The consumer moves the figure and marks the pair again before the tick writes its event.
        figure(2);
        mark(1);
        assertThat(count("SELECT version FROM consolidation_publication WHERE unit_id = ?", unit)).isEqualTo(2);

        assertThat(publisher.publish(claim)).isEqualTo(1);
        assertThat(waiting()).as("marked after the claim: still waiting").isOne();

        windowIsOver();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            publisher.publishDirty();
            assertThat(events()).hasSize(2).last().satisfies(e -> assertThat(communicationEvents(e)).isEqualTo(7));
        });
        assertThat(waiting()).isZero();
    }

    @Test
    void aBusyPairIsPublishedOncePerWindowWithItsLatestState() {
        figure(3);
        mark(3);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            publisher.publishDirty();
            assertThat(waiting()).isZero();
        });
        assertThat(events()).as("three marks, one event").singleElement()
                .satisfies(e -> assertThat(communicationEvents(e)).isEqualTo(3));

        figure(1);
        mark(1);
        publisher.publishDirty();
        assertThat(events()).as("marked again within the window: it waits").hasSize(1);
        assertThat(waiting()).isOne();

        windowIsOver();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            publisher.publishDirty();
            assertThat(events()).hasSize(2).last().satisfies(e -> assertThat(communicationEvents(e)).isEqualTo(4));
        });
    }

    /** The pair waits, claimed by {@code claimant} for an hour. */
    private void claimedBy(UUID claimant) {
        sql("INSERT INTO consolidation_publication (unit_id, plan_id, campaign_id, claimed_by, claimed_until) "
                + "VALUES (?, ?, ?, ?, now() + interval '1 hour')", unit, plan, campaign, claimant);
    }

    private void mark(int times) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < times; i++) {
                publications.mark(List.of(new PairMark(unit, plan, campaign)));
            }
        });
    }

    /** 1 while the pair has a change whose event is not out yet, else 0. */
    private long waiting() {
        return count("SELECT count(*) FROM consolidation_publication WHERE unit_id = ? AND version > published_version", unit);
    }

    private void windowIsOver() {
        sql("UPDATE consolidation_publication SET not_before = now() - interval '1 second' WHERE unit_id = ?", unit);
    }

    /** Adds {@code value} to the pair's own and total COMM_EVENTS, as the consumer would. */
    private void figure(long value) {
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                int slot = consolidation.slotOf("COMM_EVENTS");
                RowDeltas deltas = new RowDeltas();
                long[][] row = deltas.row(unit, plan, slot);
                row[RowDeltas.OWN_SUBMITTED][slot - 1] = value;
                row[RowDeltas.TOTAL_SUBMITTED][slot - 1] = value;
                consolidation.add(deltas);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The pair's ConsolidationChanged events in the outbox, in the order they were written. */
    private List<JsonNode> events() {
        List<JsonNode> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT payload FROM outbox_event WHERE topic = ? AND record_key = ? ORDER BY seq")) {
            ps.setString(1, Topics.CONSOLIDATIONS);
            ps.setString(2, unit + ":" + plan);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.readTree(rs.getString(1)));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static long communicationEvents(JsonNode event) {
        return event.path("figures").path("COMM_EVENTS").asLong();
    }

    private void sql(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
