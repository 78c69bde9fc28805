package vn.actionmonth.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.actionmonth.devstack.DevStackTestResource;
import vn.actionmonth.events.Topics;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.actionmonth.plan.TestSupport.admin;
import static vn.actionmonth.plan.TestSupport.plan;
import static vn.actionmonth.plan.TestSupport.system;
import static vn.actionmonth.plan.service.SampleData.ministryId;

/** A new consumer rebuilds the tree and the open obligations from the compacted topics alone. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class EventRebuildTest {

    @Test
    void theUnitsTopicRebuildsTheTree() {
        await().atMost(Duration.ofSeconds(300)).untilAsserted(() -> {
            Map<String, JsonNode> tree = latestByKey(Topics.UNITS, "unit");
            long inMinistry = tree.values().stream().filter(u -> !u.get("retired").asBoolean())
                    .filter(u -> u.get("id").asText().equals(ministryId().toString())
                            || u.get("ancestorIds").toString().contains(ministryId().toString())).count();
            long expected = ((Number) given().auth().oauth2(system()).queryParam("size", 1)
                    .get("/api/v1/units/" + ministryId() + "/subtree").then().extract().path("total")).longValue()
                    - retiredUnder();
            assertThat(inMinistry).isEqualTo(expected);
            JsonNode ward = tree.get(admin("23305").toString());
            assertThat(ward.get("name").asText()).isEqualTo("Phường Nguyễn Trãi");
            assertThat(ward.get("adminCode").asText()).isEqualTo("23305");
            assertThat(ward.get("parentId").asText()).isEqualTo(admin("608").toString());
            assertThat(ward.get("ancestorIds").toString()).isEqualTo("[\"" + ministryId() + "\",\"" + admin("62") + "\",\""
                    + admin("608") + "\"]");
        });
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

    /** Units under the ministry that other tests retired (the API's subtree lists them, the rebuilt tree drops them). */
    private static long retiredUnder() {
        Map<String, JsonNode> tree = latestByKey(Topics.UNITS, "unit");
        return tree.values().stream().filter(u -> u.get("retired").asBoolean())
                .filter(u -> u.get("ancestorIds").toString().contains(ministryId().toString())).count();
    }

    private static Map<String, JsonNode> latestByKey(String topic, String field) {
        Map<String, JsonNode> latest = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : TestSupport.readAll(topic)) {
            latest.put(r.key(), TestSupport.body(r).get(field));
        }
        return latest;
    }
}
