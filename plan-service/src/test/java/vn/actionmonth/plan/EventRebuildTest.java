package vn.actionmonth.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import vn.actionmonth.common.units.UnitReplicaHandler;
import vn.actionmonth.devstack.DevStackTestResource;
import vn.actionmonth.events.EventsConfig;
import vn.actionmonth.events.Topics;
import vn.actionmonth.events.inbox.EventConsumerLoop;
import vn.actionmonth.events.inbox.Inbox;
import vn.actionmonth.events.kafka.KafkaClients;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.actionmonth.plan.TestSupport.admin;
import static vn.actionmonth.plan.TestSupport.plan;
import static vn.actionmonth.plan.TestSupport.system;

/** A new consumer rebuilds the tree and the open obligations from the compacted topics alone. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class EventRebuildTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper mapper;
    @Inject
    KafkaClients clients;
    @Inject
    Inbox inbox;
    @Inject
    EventsConfig events;

    /**
     * A fresh consumer group rebuilds the tree from the topic through the consumer loop and the unit replica
     * that report-service and notification-service run, into a database of its own tables. The tree is one
     * this test wrote, so what it must hold is known without reading the topic: a root, a province, two
     * districts and four communes (8 units), one commune renamed by a second import and one moved.
     */
    @Test
    void aFreshConsumerRebuildsTheTreeThroughTheReplicaTheOtherServicesKeep() throws Exception {
        UUID root = UUID.fromString(given().auth().oauth2(system()).contentType(ContentType.JSON)
                .body("{\"kind\":\"MINISTRY\",\"name\":\"Bộ Thử Dựng Lại\",\"validFrom\":\"2024-01-01\"}")
                .post("/api/v1/units").then().statusCode(201).extract().path("id"));
        String csv = "code,name,parent_code\n"
                + "62,Tỉnh Kon Tum,\n"
                + "608,Thành phố Kon Tum,62\n"
                + "610,Huyện Đắk Hà,62\n"
                + "23284,Phường Quang Trung,608\n"
                + "23287,Phường Duy Tân,608\n"
                + "23290,Phường Quyết Thắng,608\n"
                + "23413,Thị trấn Đắk Hà,610\n";
        importCsv(root, csv);
        importCsv(root, csv.replace("Phường Duy Tân", "Phường Duy Tân Mới"));
        Map<String, UUID> ids = idsByCode(root);
        given().auth().oauth2(system()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"parentId\":\"" + ids.get("610") + "\",\"effectiveFrom\":\"2024-06-01\"}")
                .post("/api/v1/units/" + ids.get("23290") + "/move").then().statusCode(200);

        Map<String, Replicated> rebuilt = rebuildFromTheUnitsTopic(root);

        assertThat(rebuilt).hasSize(8);
        assertThat(rebuilt.values()).noneMatch(Replicated::retired);
        assertThat(rebuilt.get("root").path()).isEqualTo("/" + root + "/");
        assertThat(rebuilt).extractingFromEntries(e -> e.getKey() + " " + e.getValue().name()).containsExactlyInAnyOrder(
                "root Bộ Thử Dựng Lại", "62 Tỉnh Kon Tum", "608 Thành phố Kon Tum", "610 Huyện Đắk Hà",
                "23284 Phường Quang Trung", "23287 Phường Duy Tân Mới", "23290 Phường Quyết Thắng",
                "23413 Thị trấn Đắk Hà");
        assertThat(rebuilt.get("23290").path()).as("moved under Huyện Đắk Hà")
                .isEqualTo("/" + root + "/" + ids.get("62") + "/" + ids.get("610") + "/" + ids.get("23290") + "/");
        assertThat(rebuilt.get("23284").path())
                .isEqualTo("/" + root + "/" + ids.get("62") + "/" + ids.get("608") + "/" + ids.get("23284") + "/");
        assertThat(rebuilt.get("23413").depth()).isEqualTo(3);
    }

    /** One unit as the rebuilt replica holds it. */
    record Replicated(String name, String path, int depth, boolean retired) {
    }

    /**
     * Runs a consumer loop of a new group with the unit replica handler over plan.units.v1 until its committed
     * offsets reach the topic's end (taken once every outbox row of this service was published), then reads
     * what the replica holds under {@code root}, by admin code ("root" for the root).
     */
    private Map<String, Replicated> rebuildFromTheUnitsTopic(UUID root) throws Exception {
        createReplicaTables();
        await().atMost(Duration.ofSeconds(60)).until(() -> queryLong("SELECT count(*) FROM outbox_event WHERE published_at IS NULL") == 0);
        String group = "rebuild-" + UUID.randomUUID();
        Map<TopicPartition, Long> end;
        try (Admin kafka = clients.admin()) {
            List<TopicPartition> partitions = kafka.describeTopics(List.of(Topics.UNITS)).allTopicNames().get()
                    .get(Topics.UNITS).partitions().stream().map(p -> new TopicPartition(Topics.UNITS, p.partition())).toList();
            end = new HashMap<>();
            for (var e : kafka.listOffsets(partitions.stream().collect(java.util.stream.Collectors.toMap(tp -> tp,
                    tp -> OffsetSpec.latest()))).all().get().entrySet()) {
                end.put(e.getKey(), e.getValue().offset());
            }
            UnitReplicaHandler replica = new UnitReplicaHandler(() -> true, mapper, dataSource);
            try (EventConsumerLoop loop = new EventConsumerLoop(clients, inbox, List.of(replica), mapper, events.consumer(),
                    group, Topics.deadLetterOf(events.service()))) {
                loop.start();
                await().atMost(Duration.ofSeconds(300)).until(() -> {
                    Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get();
                    return end.entrySet().stream().allMatch(e -> e.getValue() == 0 || (committed.get(e.getKey()) != null
                            && committed.get(e.getKey()).offset() >= e.getValue()));
                });
            }
        }
        Map<String, Replicated> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT admin_code, name, path, depth, retired FROM unit_replica WHERE path LIKE ?")) {
            ps.setString(1, "/" + root + "/%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1) == null ? "root" : rs.getString(1),
                            new Replicated(rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5)));
                }
            }
        }
        return out;
    }

    /** The replica's tables as the other services create them, from the same migration scripts. */
    private void createReplicaTables() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String script : List.of("db/unit-replica/V1_0_20__unit_replica.sql",
                    "db/unit-replica/V1_4_1__unit_lineage_replica.sql")) {
                try (InputStream in = UnitReplicaHandler.class.getClassLoader().getResourceAsStream(script)) {
                    s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
    }

    private long queryLong(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void importCsv(UUID root, String csv) {
        given().auth().oauth2(system()).contentType("text/csv; charset=UTF-8").queryParam("rootId", root)
                .queryParam("validFrom", "2024-01-01").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/unit-imports").then().statusCode(200);
    }

    private static Map<String, UUID> idsByCode(UUID root) {
        List<Map<String, Object>> items = given().auth().oauth2(system()).queryParam("size", 50)
                .get("/api/v1/units/" + root + "/subtree").then().statusCode(200).extract().jsonPath().getList("items");
        Map<String, UUID> out = new HashMap<>();
        items.stream().filter(u -> u.get("adminCode") != null)
                .forEach(u -> out.put((String) u.get("adminCode"), UUID.fromString((String) u.get("id"))));
        return out;
    }

    @Test
    void theObligationsTopicRebuildsTheOpenObligations() {
        List<String> expected = given().auth().oauth2(system()).get("/api/v1/plans/" + plan("lc-2024") + "/obligations")
                .then().statusCode(200).extract().path("id");
        await().atMost(Duration.ofSeconds(300)).untilAsserted(() -> {
            Map<String, JsonNode> obligations = latestByKey(Topics.OBLIGATIONS, "obligation");
            Set<String> open = new HashSet<>();
            obligations.values().stream().filter(o -> o.get("status").asText().equals("OPEN"))
                    .filter(o -> o.get("planId").asText().equals(plan("lc-2024").toString()))
                    .forEach(o -> open.add(o.get("id").asText()));
            assertThat(open).containsExactlyInAnyOrderElementsOf(expected);
            JsonNode one = obligations.get(expected.get(0));
            assertThat(one.get("dueAt").asText()).isEqualTo("2024-07-20T00:00:00+07:00");
            assertThat(one.get("recipientId").asText()).isEqualTo(admin("12").toString());
        });
    }

    private static Map<String, JsonNode> latestByKey(String topic, String field) {
        Map<String, JsonNode> latest = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : TestSupport.readAll(topic)) {
            latest.put(r.key(), TestSupport.body(r).get(field));
        }
        return latest;
    }
}
