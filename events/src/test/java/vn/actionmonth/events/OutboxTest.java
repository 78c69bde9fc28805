package vn.actionmonth.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.actionmonth.devstack.DevStack;
import vn.actionmonth.devstack.DevStackTestResource;
import vn.actionmonth.events.kafka.CloudEventHeaders;
import vn.actionmonth.events.kafka.KafkaClients;
import vn.actionmonth.events.outbox.OutboxRelay;
import vn.actionmonth.events.plan.UnitChanged;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "events"))
class OutboxTest {

    @Inject
    WidgetService widgets;
    @Inject
    ObjectMapper mapper;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    KafkaClients clients;
    @Inject
    EventsConfig config;

    @Test
    void anEventCommittedWithItsChangeReachesKafkaWithKeyHeadersAndPayload() throws Exception {
        UUID unit = UUID.randomUUID();
        UUID eventId = widgets.rename(unit, "Phường Nguyễn Trãi", 1, false);
        Set<String> later = laterEventsOf(List.of(unit), 2);

        List<ConsumerRecord<String, byte[]>> got = TopicReader.readThrough(Topics.UNITS,
                r -> eventId.toString().equals(header(r, CloudEventHeaders.ID)), later, Duration.ofSeconds(30));

        assertThat(got).hasSize(1);
        ConsumerRecord<String, byte[]> r = got.get(0);
        assertThat(r.key()).isEqualTo(unit.toString());
        assertThat(header(r, CloudEventHeaders.TYPE)).isEqualTo("UnitChanged");
        assertThat(header(r, CloudEventHeaders.SOURCE)).isEqualTo("/events-test");
        assertThat(header(r, CloudEventHeaders.SUBJECT)).isEqualTo("unit/" + unit);
        assertThat(header(r, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(r, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(header(r, CloudEventHeaders.TIME)).isNotBlank();
        UnitChanged payload = mapper.readValue(r.value(), UnitChanged.class);
        assertThat(payload.unit().id()).isEqualTo(unit);
        assertThat(payload.unit().name()).isEqualTo("Phường Nguyễn Trãi");
    }

    @Test
    void anEventCarriesTheIdOfTheRequestThatCausedIt() throws Exception {
        UUID unit = UUID.randomUUID();
        org.jboss.logging.MDC.put(Correlation.REQUEST_ID, "ban-hanh-75");
        UUID caused;
        try {
            caused = widgets.rename(unit, "Phường Duy Tân", 1, false);
        } finally {
            org.jboss.logging.MDC.remove(Correlation.REQUEST_ID);
        }
        UUID uncaused = widgets.rename(unit, "Phường Duy Tân mới", 2, false);
        Set<String> later = laterEventsOf(List.of(unit), 3);

        List<ConsumerRecord<String, byte[]>> got = TopicReader.readThrough(Topics.UNITS,
                r -> unit.toString().equals(r.key()) && !later.contains(header(r, CloudEventHeaders.ID)), later,
                Duration.ofSeconds(30));

        assertThat(got).extracting(r -> header(r, CloudEventHeaders.ID)).containsExactly(caused.toString(), uncaused.toString());
        assertThat(got).extracting(r -> header(r, Correlation.HEADER)).containsExactly("ban-hanh-75", null);
    }

    @Test
    void anEventWhoseTransactionRollsBackIsNeverPublished() throws Exception {
        UUID unit = UUID.randomUUID();
        assertThatThrownBy(() -> widgets.rename(unit, "rolled back", 1, true)).isInstanceOf(IllegalStateException.class);
        // A later event of the same key proves the relay has passed the point where the first would be.
        UUID later = widgets.rename(unit, "committed", 2, false);

        List<ConsumerRecord<String, byte[]>> got = TopicReader.readThrough(Topics.UNITS,
                r -> unit.toString().equals(r.key()), Set.of(later.toString()), Duration.ofSeconds(30));

        assertThat(widgets.nameOf(unit)).isEqualTo("committed");
        assertThat(got).extracting(r -> header(r, CloudEventHeaders.ID)).containsExactly(later.toString());
        assertThat(countOutboxRows(unit)).isEqualTo(1);
    }

    @Test
    void withTheBrokerStoppedChangesCommitAndTheirEventsFollowOnceItIsBackInOrderOnce() throws Exception {
        List<UUID> units = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        DevStack.shared().kafka().stop();
        try {
            for (int v = 1; v <= 5; v++) {
                for (UUID u : units) {
                    widgets.rename(u, "Xã Tà Tổng v" + v, v, false);
                }
            }
            for (UUID u : units) {
                assertThat(widgets.nameOf(u)).isEqualTo("Xã Tà Tổng v5");
            }
        } finally {
            DevStack.shared().kafka().restart();
        }
        Set<String> keys = units.stream().map(UUID::toString).collect(Collectors.toSet());
        Set<String> later = laterEventsOf(units, 6);

        List<ConsumerRecord<String, byte[]>> got = TopicReader.readThrough(Topics.UNITS,
                r -> keys.contains(r.key()) && !later.contains(header(r, CloudEventHeaders.ID)), later,
                Duration.ofSeconds(90));

        assertThat(got).hasSize(15);
        assertThat(got.stream().map(r -> header(r, CloudEventHeaders.ID)).distinct()).hasSize(15);
        for (UUID u : units) {
            List<Long> versions = got.stream().filter(r -> r.key().equals(u.toString()))
                    .map(r -> version(r)).toList();
            assertThat(versions).as("events of %s in order", u).containsExactly(1L, 2L, 3L, 4L, 5L);
        }
    }

    @Test
    void twoRelaysRunningAtOncePublishEachRowExactlyOnceInOrderPerKey() throws Exception {
        // Two writers, each the only one writing its ten keys (as a service writes a thing under
        // its row lock), append 50 versions of each key, one transaction per version.
        List<UUID> first = IntStream.range(0, 10).mapToObj(i -> UUID.randomUUID()).toList();
        List<UUID> second = IntStream.range(0, 10).mapToObj(i -> UUID.randomUUID()).toList();
        Set<String> keys = new HashSet<>();
        first.forEach(u -> keys.add(u.toString()));
        second.forEach(u -> keys.add(u.toString()));
        // The service's own relay runs too: three relays compete for the same 1,000 rows.
        try (OutboxRelay a = new OutboxRelay(dataSource, clients, config, "relay-a");
             OutboxRelay b = new OutboxRelay(dataSource, clients, config, "relay-b")) {
            a.start();
            b.start();
            CompletableFuture.allOf(CompletableFuture.runAsync(() -> writeVersions(first)),
                    CompletableFuture.runAsync(() -> writeVersions(second))).join();
            List<UUID> all = new ArrayList<>(first);
            all.addAll(second);
            Set<String> later = laterEventsOf(all, 51);

            List<ConsumerRecord<String, byte[]>> got = TopicReader.readThrough(Topics.UNITS,
                    r -> keys.contains(r.key()) && !later.contains(header(r, CloudEventHeaders.ID)), later,
                    Duration.ofSeconds(90));

            assertThat(got).hasSize(1000);
            assertThat(got.stream().map(r -> header(r, CloudEventHeaders.ID)).collect(Collectors.toSet())).hasSize(1000);
            Map<String, List<Long>> perKey = new HashMap<>();
            got.forEach(r -> perKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(version(r)));
            List<Long> inOrder = IntStream.rangeClosed(1, 50).mapToObj(i -> (long) i).toList();
            assertThat(perKey).hasSize(20);
            perKey.forEach((k, versions) -> assertThat(versions).as("versions of %s", k).isEqualTo(inOrder));
        }
    }

    /**
     * Once every event of these units is marked published (the relay never sends a marked row again),
     * writes version {@code version} of each: the barrier that {@link TopicReader#readThrough} reads up to.
     * Any second copy of an earlier event of a unit lies before it on the unit's partition.
     */
    private Set<String> laterEventsOf(List<UUID> units, long version) throws Exception {
        String[] keys = units.stream().map(UUID::toString).toArray(String[]::new);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> {
            try (Connection c = dataSource.getConnection(); var ps = c.prepareStatement(
                    "SELECT count(*) FROM outbox_event WHERE record_key = ANY (?) AND published_at IS NULL")) {
                ps.setArray(1, c.createArrayOf("varchar", keys));
                ResultSet rs = ps.executeQuery();
                rs.next();
                return rs.getLong(1) == 0;
            }
        });
        return widgets.appendMany(units.stream()
                        .map(u -> new UnitChanged(WidgetService.snapshot(u, "Phường " + version, version))).toList())
                .stream().map(UUID::toString).collect(Collectors.toSet());
    }

    private void writeVersions(List<UUID> units) {
        for (int v = 1; v <= 50; v++) {
            int version = v;
            widgets.appendMany(units.stream()
                    .map(u -> new UnitChanged(WidgetService.snapshot(u, "Phường " + version, version))).toList());
        }
    }

    private long countOutboxRows(UUID unit) throws Exception {
        try (Connection c = dataSource.getConnection();
             var ps = c.prepareStatement("SELECT count(*) FROM outbox_event WHERE record_key = ?")) {
            ps.setString(1, unit.toString());
            ResultSet rs = ps.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    private long version(ConsumerRecord<String, byte[]> r) {
        try {
            return mapper.readValue(r.value(), UnitChanged.class).unit().version();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
