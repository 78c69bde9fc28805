package vn.actionmonth.notification;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.actionmonth.devstack.DevStackTestResource;
import vn.actionmonth.events.plan.ObligationSnapshot;
import vn.actionmonth.events.report.Completeness;
import vn.actionmonth.events.report.ConsolidationChanged;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/** The API: who sees and changes what, the inbox, channels, deadlines and the reminder policy. */
@QuarkusTest
class ApiTest extends NotificationTestBase {

    @Test
    void isReadyAndDescribesItsApi() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/inbox"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/deadlines"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/units/{unitId}/channels"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/notifications/{id}/attempts"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/campaigns/{campaignId}/reminder-policy"));
    }

    @Test
    void aUnitReadsOnlyItsOwnInboxAndMarksItsItemsRead() {
        Tree t = tree("Phường Nguyễn Trãi", "Phường Quyết Thắng");
        oblige(t.ward(0), t.city());
        runAt(at(2024, 7, 13));
        runAt(at(2024, 7, 17));

        String first = given().auth().oauth2(token(t.ward(0), "reporter")).when().get("/api/v1/inbox").then()
                .statusCode(200).body("total", equalTo(2)).body("unread", equalTo(2)).extract().path("items[1].id");
        given().auth().oauth2(token(t.ward(1), "reporter")).when().get("/api/v1/inbox").then()
                .statusCode(200).body("items", hasSize(0)).body("unread", equalTo(0));
        given().auth().oauth2(token(t.ward(1), "admin")).when().post("/api/v1/inbox/{id}/read", first).then()
                .statusCode(404).contentType("application/problem+json");

        given().auth().oauth2(token(t.ward(0), "reporter")).when().post("/api/v1/inbox/{id}/read", first).then()
                .statusCode(200).body("readAt", equalTo("2024-07-17T00:00:00+07:00"));
        given().auth().oauth2(token(t.ward(0), "reporter")).queryParam("unread", true).when().get("/api/v1/inbox").then()
                .statusCode(200).body("total", equalTo(1)).body("unread", equalTo(1))
                .body("items[0].subject", equalTo("Nhắc hạn báo cáo: Kế hoạch số 75/KH-UBND, còn 3 ngày"));
        given().when().get("/api/v1/inbox").then().statusCode(401);
        given().auth().oauth2(token(t.ward(0), "reporter")).queryParam("size", 0).when().get("/api/v1/inbox").then()
                .statusCode(400).body("violations[0].field", equalTo("size"));
    }

    @Test
    void deadlinesAreVisibleInTheCallersSubtreeOnlyAndToSystemAccountsEverywhere() {
        Tree t = tree("Phường Nguyễn Trãi", "Phường Quyết Thắng");
        ObligationSnapshot w0 = oblige(t.ward(0), t.city());
        ObligationSnapshot w1 = oblige(t.ward(1), t.city());
        ObligationSnapshot city = oblige(t.city(), t.province());
        clock.set(at(2024, 7, 18));
        awaitConsumed(publish(submitted(w1, 1)));
        clock.set(at(2024, 7, 21));

        given().auth().oauth2(token(t.city(), "viewer")).when().get("/api/v1/deadlines").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.obligationId", containsInAnyOrder(w0.id().toString(), w1.id().toString(), city.id().toString()));
        given().auth().oauth2(token(t.city(), "viewer")).queryParam("status", "overdue").when().get("/api/v1/deadlines")
                .then().statusCode(200).body("items.obligationId", containsInAnyOrder(w0.id().toString(), city.id().toString()))
                .body("items[0].dueAt", equalTo("2024-07-20T00:00:00+07:00"));
        given().auth().oauth2(token(t.city(), "viewer")).queryParam("scope", "unit").when().get("/api/v1/deadlines")
                .then().statusCode(200).body("items.obligationId", contains(city.id().toString()));
        given().auth().oauth2(token(t.city(), "viewer")).queryParam("unit", t.ward(1).id()).when().get("/api/v1/deadlines")
                .then().statusCode(200).body("items.obligationId", contains(w1.id().toString()))
                .body("items[0].state", equalTo("MET"));

        given().auth().oauth2(token(t.ward(0), "viewer")).when().get("/api/v1/deadlines").then().statusCode(200)
                .body("items.obligationId", contains(w0.id().toString()));
        given().auth().oauth2(token(t.ward(0), "viewer")).queryParam("unit", t.city().id()).when().get("/api/v1/deadlines")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token(t.ward(0), "viewer")).queryParam("unit", t.ward(1).id()).when().get("/api/v1/deadlines")
                .then().statusCode(403);
        given().auth().oauth2(DevStackTestResource.token(UUID.randomUUID(), "system")).queryParam("unit", t.province().id())
                .when().get("/api/v1/deadlines").then().statusCode(200).body("total", equalTo(3));
        given().auth().oauth2(token(t.city(), "viewer")).queryParam("status", "late").when().get("/api/v1/deadlines")
                .then().statusCode(400).body("violations[0].field", equalTo("status"));
    }

    @Test
    void onlyTheUnitsAdminChangesItsChannels() {
        Tree t = tree("Phường Nguyễn Trãi", "Phường Quyết Thắng");
        Map<String, String> email = Map.of("type", "EMAIL", "address", "vanthu@nguyentrai.kontum.gov.vn");

        given().auth().oauth2(token(t.ward(0), "reporter")).contentType(ContentType.JSON).body(email)
                .when().post("/api/v1/units/{id}/channels", t.ward(0).id()).then().statusCode(403);
        given().auth().oauth2(token(t.ward(1), "admin")).contentType(ContentType.JSON).body(email)
                .when().post("/api/v1/units/{id}/channels", t.ward(0).id()).then().statusCode(403);
        given().auth().oauth2(token(t.city(), "admin")).contentType(ContentType.JSON).body(email)
                .when().post("/api/v1/units/{id}/channels", t.ward(0).id()).then().statusCode(403);
        given().auth().oauth2(token(t.ward(0), "admin")).contentType(ContentType.JSON)
                .body(Map.of("type", "EMAIL", "address", "không-phải-email"))
                .when().post("/api/v1/units/{id}/channels", t.ward(0).id()).then().statusCode(400)
                .body("violations[0].field", equalTo("address"));
        given().auth().oauth2(token(t.ward(0), "admin")).contentType(ContentType.JSON).body(Map.of("address", "a@b.vn"))
                .when().post("/api/v1/units/{id}/channels", t.ward(0).id()).then().statusCode(400)
                .body("violations[0].field", equalTo("type"));

        String location = given().auth().oauth2(token(t.ward(0), "admin")).contentType(ContentType.JSON).body(email)
                .when().post("/api/v1/units/{id}/channels", t.ward(0).id()).then().statusCode(201)
                .header("ETag", notNullValue()).extract().header("Location");
        given().auth().oauth2(token(t.ward(0), "admin")).contentType(ContentType.JSON).body(email)
                .when().post("/api/v1/units/{id}/channels", t.ward(0).id()).then().statusCode(409);

        String etag = given().auth().oauth2(token(t.ward(0), "viewer")).when().get(location).then().statusCode(200)
                .body("kinds", hasSize(7)).extract().header("ETag");
        Map<String, Object> update = Map.of("address", "vanthu@nguyentrai.kontum.gov.vn", "kinds", List.of("ESCALATION"),
                "active", true);
        given().auth().oauth2(token(t.ward(0), "admin")).contentType(ContentType.JSON).body(update)
                .when().put(location).then().statusCode(428);
        given().auth().oauth2(token(t.ward(0), "admin")).contentType(ContentType.JSON).body(update).header("If-Match", etag)
                .when().put(location).then().statusCode(200).body("kinds", contains("ESCALATION")).body("version", equalTo(2));
        given().auth().oauth2(token(t.ward(0), "admin")).contentType(ContentType.JSON).body(update).header("If-Match", etag)
                .when().put(location).then().statusCode(412);

        // A subscription that does not want reminders gets none; the inbox always does.
        oblige(t.ward(0), t.city());
        runAt(at(2024, 7, 13));
        assertThat(queryLong("SELECT count(*) FROM notification WHERE unit_id = ? AND channel = 'EMAIL'", t.ward(0).id()))
                .isZero();
        assertThat(inboxKinds(t.ward(0))).containsExactly("REMINDER");

        given().auth().oauth2(token(t.ward(1), "admin")).when().delete(location).then().statusCode(403);
        given().auth().oauth2(token(t.ward(0), "admin")).when().delete(location).then().statusCode(204);
        given().auth().oauth2(token(t.ward(0), "viewer")).when().get("/api/v1/units/{id}/channels", t.ward(0).id())
                .then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aRetriedSubscriptionWithTheSameIdempotencyKeyGetsTheSameWebhookAndSecret() {
        Tree t = tree("Phường Nguyễn Trãi");
        Map<String, String> webhook = Map.of("type", "WEBHOOK", "address", "https://egov.kontum.gov.vn/hooks/thang-hanh-dong");
        io.restassured.path.json.JsonPath first = given().auth().oauth2(token(t.ward(0), "admin"))
                .header("Idempotency-Key", "kenh-1").contentType(ContentType.JSON).body(webhook)
                .when().post("/api/v1/units/{id}/channels", t.ward(0).id()).then().statusCode(201).extract().jsonPath();
        given().auth().oauth2(token(t.ward(0), "admin")).header("Idempotency-Key", "kenh-1").contentType(ContentType.JSON)
                .body(webhook).when().post("/api/v1/units/{id}/channels", t.ward(0).id()).then().statusCode(201)
                .body("id", equalTo(first.getString("id"))).body("secret", equalTo(first.getString("secret")));
        given().auth().oauth2(token(t.ward(0), "admin")).header("Idempotency-Key", "kenh-1").contentType(ContentType.JSON)
                .body(Map.of("type", "WEBHOOK", "address", "https://egov.kontum.gov.vn/hooks/khac"))
                .when().post("/api/v1/units/{id}/channels", t.ward(0).id()).then().statusCode(409);
        given().auth().oauth2(token(t.ward(0), "viewer")).when().get("/api/v1/units/{id}/channels", t.ward(0).id())
                .then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void whenEveryChildHasReportedTheParentIsToldOnceForThePlanItsChildrenReportUnder() {
        Tree t = tree("Phường Nguyễn Trãi", "Phường Quyết Thắng");
        ObligationSnapshot w0 = oblige(t.ward(0), t.city());
        ObligationSnapshot w1 = oblige(t.ward(1), t.city());

        clock.set(at(2024, 7, 10));
        awaitConsumed(publish(submitted(w0, 1)));
        assertThat(inbox(t.city())).isEmpty();

        clock.set(at(2024, 7, 12));
        awaitConsumed(publish(submitted(w1, 1)));
        ConsolidationChanged all = new ConsolidationChanged(t.city().id(), planId, campaignId, Map.of("CHILDREN_REACHED", 2400),
                new Completeness(2, 2, 2, 0, 0), 2, 2, clock.instant().atOffset(VN));
        // report-service also consolidates the city's figures for the plans up the basis chain
        // (the province's plan, the ministry's guidance); the city receives no report under those.
        ConsolidationChanged upTheChain = new ConsolidationChanged(t.city().id(), UUID.randomUUID(), campaignId,
                Map.of("CHILDREN_REACHED", 2400), new Completeness(2, 2, 2, 0, 0), 2, 2, clock.instant().atOffset(VN));
        awaitConsumed(publish(all), publish(all), publish(upTheChain));

        List<Map<String, Object>> city = inbox(t.city());
        assertThat(city).singleElement().satisfies(i -> {
            assertThat(i.get("kind")).isEqualTo("ALL_CHILDREN_REPORTED");
            assertThat((String) i.get("body")).contains("Kính gửi Thành phố Kon Tum", "tất cả 2 đơn vị trực thuộc",
                    "Kế hoạch số 75/KH-UBND \"" + PLAN_TITLE + "\"");
        });
    }

    @Test
    void aCampaignsReminderPolicyIsOverriddenThroughTheApi() {
        Tree t = tree("Phường Nguyễn Trãi");
        String path = "/api/v1/campaigns/" + campaignId + "/reminder-policy";
        given().auth().oauth2(token(t.ward(0), "viewer")).when().get(path).then().statusCode(200)
                .header("ETag", equalTo("\"0\"")).body("reminderDaysBefore", contains(7, 3, 1))
                .body("atDue", equalTo(true)).body("overdueDaysAfter", contains(1, 3))
                .body("escalationDaysAfter", equalTo(7)).body("campaignOwn", equalTo(false));
        oblige(t.ward(0), t.city());

        Map<String, Object> policy = Map.of("reminderDaysBefore", List.of(2), "atDue", false,
                "overdueDaysAfter", List.of(5), "escalationDaysAfter", 10);
        given().auth().oauth2(token(t.ward(0), "admin")).contentType(ContentType.JSON).body(policy).header("If-Match", "\"0\"")
                .when().put(path).then().statusCode(403);
        given().auth().oauth2(token(t.province(), "admin")).contentType(ContentType.JSON).body(policy)
                .when().put(path).then().statusCode(428);
        given().auth().oauth2(token(t.province(), "admin")).contentType(ContentType.JSON)
                .body(Map.of("reminderDaysBefore", List.of(0), "atDue", true, "overdueDaysAfter", List.of()))
                .header("If-Match", "\"0\"").when().put(path).then().statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.startsWith("reminderDaysBefore"));
        given().auth().oauth2(token(t.province(), "admin")).contentType(ContentType.JSON).body(policy).header("If-Match", "\"0\"")
                .when().put(path).then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("reminderDaysBefore", contains(2)).body("campaignOwn", equalTo(true));
        given().auth().oauth2(token(t.province(), "admin")).contentType(ContentType.JSON).body(policy).header("If-Match", "\"0\"")
                .when().put(path).then().statusCode(412);

        for (int day = 12; day <= 31; day++) {
            runAt(at(2024, 7, day));
        }
        assertThat(inbox(t.ward(0))).extracting(i -> i.get("subject")).containsExactly(
                "Nhắc hạn báo cáo: Kế hoạch số 75/KH-UBND, còn 2 ngày", "Quá hạn báo cáo 5 ngày: Kế hoạch số 75/KH-UBND");
        assertThat(inbox(t.city())).extracting(i -> i.get("createdAt")).containsExactly("2024-07-30T00:00:00+07:00");
    }
}
