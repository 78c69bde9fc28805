package vn.actionmonth.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.actionmonth.testsupport.BadInputs;
import vn.actionmonth.testsupport.BadInputs.Bad;
import vn.actionmonth.testsupport.BadInputs.Operation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hundreds of malformed requests, generated from valid ones, against every write operation and
 * every list of notification-service, each sent by a caller allowed to make it: each is answered
 * with a 4xx problem+json, never a 5xx, and nothing is written (channels, policies,
 * notifications, deadlines and the outbox keep their rows).
 */
@QuarkusTest
class BadInputTest extends NotificationTestBase {

    private static final long DEFAULT_BODY = vn.actionmonth.common.rest.MaxBody.DEFAULT;

    @Test
    void malformedRequestsAreRefusedWithProblemJsonAndChangeNothing() throws Exception {
        Tree t = tree("Phường Nguyễn Trãi");
        oblige(t.ward(0), t.city());
        String channel = subscribe(t.ward(0), "EMAIL", "vanphong@nguyentrai.kontum.gov.vn").getString("id");
        String channelEtag = given().auth().oauth2(token(t.ward(0), "admin"))
                .get("/api/v1/units/{u}/channels/{id}", t.ward(0).id(), channel).header("ETag");
        JsonNode openApi = mapper.readTree(given().accept("application/json").get("/q/openapi").asString());
        Map<String, Long> before = rowCounts();

        ObjectNode subscription = mapper.createObjectNode().put("type", "WEBHOOK")
                .put("address", "https://egov.kontum.gov.vn/hooks/thang-hanh-dong").put("active", true);
        subscription.putArray("kinds").add("REMINDER").add("OVERDUE");
        ObjectNode change = subscription.deepCopy();
        change.remove("type");
        String channels = "/api/v1/units/" + t.ward(0).id() + "/channels";
        List<Bad> asAdmin = new ArrayList<>();
        Operation subscribe = Operation.body("POST", "/api/v1/units/{unitId}/channels", channels, subscription, DEFAULT_BODY);
        asAdmin.addAll(BadInputs.forBody(subscribe, openApi));
        asAdmin.addAll(BadInputs.forHeaders(subscribe, List.of("Idempotency-Key")));
        Operation update = Operation.body("PUT", "/api/v1/units/{unitId}/channels/{id}", channels + "/" + channel,
                change, DEFAULT_BODY).withHeaders(Map.of("If-Match", channelEtag));
        asAdmin.addAll(BadInputs.forBody(update, openApi));
        asAdmin.addAll(BadInputs.forHeaders(update, List.of("If-Match")));
        asAdmin.addAll(BadInputs.forList("/api/v1/inbox", "/api/v1/inbox", Map.of(), Map.of("unread", List.of("có", 2))));
        asAdmin.addAll(BadInputs.forList("/api/v1/deadlines", "/api/v1/deadlines", Map.of(), Map.of(
                "unit", List.of("khong-phai-uuid"), "scope", List.of("toan-bo"), "status", List.of("qua-han"),
                "plan", List.of("75/KH-UBND"))));
        asAdmin.addAll(BadInputs.forList("/api/v1/notifications", "/api/v1/notifications", Map.of(), Map.of(
                "unit", List.of("khong-phai-uuid"), "status", List.of("DA_GUI"), "channel", List.of("SMS"),
                "kind", List.of("NHAC_HAN"))));
        asAdmin.add(new Bad("POST /api/v1/inbox/{id}/read with an id that is no UUID", "POST", "/api/v1/inbox/thong-bao-1/read",
                Map.of(), Map.of(), null, (byte[]) null));

        ObjectNode policy = mapper.createObjectNode().put("atDue", true).put("escalationDaysAfter", 7);
        policy.putArray("reminderDaysBefore").add(7).add(3).add(1);
        policy.putArray("overdueDaysAfter").add(1).add(3);
        Operation setPolicy = Operation.body("PUT", "/api/v1/campaigns/{campaignId}/reminder-policy",
                "/api/v1/campaigns/" + campaignId + "/reminder-policy", policy, DEFAULT_BODY).withHeaders(Map.of("If-Match", "\"0\""));
        List<Bad> asSystem = new ArrayList<>(BadInputs.forBody(setPolicy, openApi));
        asSystem.addAll(BadInputs.forHeaders(setPolicy, List.of("If-Match")));

        int sent = BadInputs.send(asAdmin, token(t.ward(0), "admin"))
                + BadInputs.send(asSystem, token(t.province(), "system"));
        System.out.printf("bad input: %d malformed requests to notification-service, every one a 4xx problem+json%n", sent);
        assertThat(sent).isGreaterThan(150);
        assertThat(rowCounts()).as("rows of every table the API writes").isEqualTo(before);
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("channel", "reminder_policy", "notification", "deadline", "outbox_event")) {
            counts.put(table, queryLong("SELECT count(*) FROM " + table));
        }
        return counts;
    }
}
