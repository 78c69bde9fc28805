package vn.actionmonth.notification;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.actionmonth.events.plan.PlanPublished;
import vn.actionmonth.events.plan.PlanSummary;
import vn.actionmonth.events.plan.UnitSnapshot;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Webhooks never reach inside: a receiver on 127.0.0.1 (internal; the tests allow only 127.0.0.2)
 * is never called, whether named directly, by a name that resolves to it, through a redirect, or
 * by an address stored before it turned internal. And a plan's notices reach only units within
 * its issuer's reach.
 */
@QuarkusTest
class WebhookSafetyTest extends NotificationTestBase {

    private static WebhookReceiver internal;
    private static WebhookReceiver allowed;

    @BeforeAll
    static void startReceivers() {
        internal = new WebhookReceiver("127.0.0.1");
        allowed = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceivers() {
        internal.close();
        allowed.close();
    }

    @Test
    void addressesThatLeadInsideAreRefusedAtRegistrationAndNothingIsWritten() {
        Tree t = tree("Phường Quang Trung");
        int port = internal.port();
        List<String> inside = List.of(internal.url("/ok/direct"), "http://localhost:" + port + "/ok/by-name",
                "http://[::1]:" + port + "/", "http://0.0.0.0:" + port + "/", "http://2130706433:" + port + "/",
                "http://[::ffff:127.0.0.1]:" + port + "/", "http://10.0.0.8/hook", "http://192.168.1.1/hook",
                "http://169.254.169.254/latest/meta-data/", "http://kubernetes.default.svc/api",
                "http://metadata.google.internal/computeMetadata/v1/", "ftp://egov.kontum.gov.vn/hook");
        for (String address : inside) {
            given().auth().oauth2(token(t.ward(0), "admin")).contentType(ContentType.JSON)
                    .body(Map.of("type", "WEBHOOK", "address", address))
                    .when().post("/api/v1/units/{id}/channels", t.ward(0).id()).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("violations.field", contains("address"));
        }
        assertThat(queryLong("SELECT count(*) FROM channel")).isZero();
    }

    @Test
    void theInternalReceiverIsNeverCalledNotThroughARedirectNorByAnAddressStoredEarlier() {
        Tree t = tree("Phường Duy Tân", "Phường Trần Hưng Đạo");
        allowed.redirectTo(internal.url("/ok/after-redirect"));
        subscribe(t.ward(0), "WEBHOOK", allowed.url("/redirect/duy-tan"));
        String stored = subscribe(t.ward(1), "WEBHOOK", allowed.url("/ok/tran-hung-dao")).getString("id");
        // Its name now leads inside (a DNS change, or a row written before these rules existed).
        execute("UPDATE channel SET address = ? WHERE id = ?::uuid",
                "http://localhost:" + internal.port() + "/ok/stored", stored);
        oblige(t.ward(0), t.city());
        oblige(t.ward(1), t.city());

        runAt(at(2024, 7, 13));

        assertThat(allowed.requestsTo("/redirect/duy-tan")).extracting(WebhookReceiver.Request::answered).containsExactly(302);
        assertThat(internal.requests()).isEmpty();
        given().auth().oauth2(token(t.city(), "viewer")).queryParam("unit", t.ward(0).id()).queryParam("channel", "WEBHOOK")
                .when().get("/api/v1/notifications").then().statusCode(200).body("items[0].lastError", equalTo("HTTP 302"));
        String refused = given().auth().oauth2(token(t.city(), "viewer")).queryParam("unit", t.ward(1).id())
                .queryParam("channel", "WEBHOOK").when().get("/api/v1/notifications").then().statusCode(200)
                .body("items[0].lastError", equalTo("refused")).extract().path("items[0].id");
        given().auth().oauth2(token(t.ward(1), "viewer")).when().get("/api/v1/notifications/{id}/attempts", refused)
                .then().statusCode(200).body("error", contains("refused")).body("httpStatus", contains((Object) null));
    }

    @Test
    void aPlanIsAnnouncedOnlyToUnitsWithinItsIssuersReach() {
        Tree kontum = tree("Phường Nguyễn Trãi");
        UnitSnapshot laiChau = unit("PROVINCE", "Tỉnh Lai Châu", null);
        UnitSnapshot peerDepartment = unit("DEPARTMENT", "Sở Lao động - Thương binh và Xã hội tỉnh Kon Tum", kontum.province());
        awaitConsumed(publish(new vn.actionmonth.events.plan.UnitCreated(laiChau)),
                publish(new vn.actionmonth.events.plan.UnitCreated(peerDepartment)));
        UUID plan = UUID.randomUUID();
        // A city plan that (as only a forged event could, plan-service refuses it) names another province.
        PlanSummary summary = new PlanSummary(plan, null, "Tổ chức các hoạt động hưởng ứng Tháng hành động vì trẻ em",
                kontum.city().id(), campaignId, 2024, null, LocalDate.of(2024, 5, 17), LocalDate.of(2024, 6, 1),
                LocalDate.of(2024, 6, 30), "PUBLISHED", 1, List.of(kontum.ward(0).id()),
                List.of(laiChau.id(), kontum.province().id(), peerDepartment.id()), kontum.city().id(), null, "CAM", DUE);
        awaitConsumed(publish(new PlanPublished(summary)));

        assertThat(inboxKinds(laiChau)).as("another province").isEmpty();
        assertThat(inboxKinds(peerDepartment)).as("a peer of the city").containsExactly("PLAN_PUBLISHED");
        assertThat(inboxKinds(kontum.province())).as("the city's province").containsExactly("PLAN_PUBLISHED");
        given().auth().oauth2(token(kontum.ward(0), "viewer")).when().get("/api/v1/inbox").then().statusCode(200)
                .body("items.subject", hasItem(
                        "Kế hoạch \"Tổ chức các hoạt động hưởng ứng Tháng hành động vì trẻ em\" đã được ban hành"));
    }
}
