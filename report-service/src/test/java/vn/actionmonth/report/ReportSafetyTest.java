package vn.actionmonth.report;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Validation, concurrent editing, retried submissions and who may do what. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportSafetyTest extends ReportServiceTestBase {

    final UUID campaign = UUID.randomUUID();
    final UUID district = UUID.randomUUID();
    final UUID ward1 = UUID.randomUUID();
    final UUID ward2 = UUID.randomUUID();
    final UUID ward3 = UUID.randomUUID();
    final UUID elsewhere = UUID.randomUUID();
    final UUID plan = UUID.randomUUID();
    final UUID o1 = UUID.randomUUID();
    final UUID o2 = UUID.randomUUID();
    final UUID o3 = UUID.randomUUID();
    final UUID o3b = UUID.randomUUID();
    final UUID o2b = UUID.randomUUID();

    @BeforeAll
    void tree() {
        OffsetDateTime due = OffsetDateTime.now().plusDays(10);
        publish(List.of(
                created(unit(district, "DISTRICT", "Huyện Sa Thầy", null, List.of())),
                created(unit(ward1, "COMMUNE", "Xã Sa Bình", district, List.of(district))),
                created(unit(ward2, "COMMUNE", "Xã Ya Ly", district, List.of(district))),
                created(unit(ward3, "COMMUNE", "Thị trấn Sa Thầy", district, List.of(district))),
                created(unit(elsewhere, "DISTRICT", "Huyện Ngọc Hồi", null, List.of()))));
        publish(List.of(plan(plan, "41/KH-UBND", district, campaign, null, due)));
        publish(List.of(obligation(o1, plan, campaign, ward1, district, due),
                obligation(o2, plan, campaign, ward2, district, due),
                obligation(o3, plan, campaign, ward3, district, due),
                obligation(o3b, UUID.randomUUID(), campaign, ward3, district, due),
                obligation(o2b, UUID.randomUUID(), campaign, ward2, district, due)));
        awaitReplicated(List.of(district, ward1, ward2, ward3, elsewhere), List.of(o1, o2, o3, o3b, o2b));
    }

    @Test
    void everyFigureRuleIsRefusedWithProblemJsonNamingTheIndicatorAndNothingIsWritten() {
        Map<Map<String, ?>, String> cases = Map.of(
                Map.of("NOT_AN_INDICATOR", 1), "figures.NOT_AN_INDICATOR",
                Map.of("COMM_EVENTS", "12"), "figures.COMM_EVENTS",
                Map.of("COMM_EVENTS", -1), "figures.COMM_EVENTS",
                Map.of("COMM_EVENTS", 2.5), "figures.COMM_EVENTS",
                Map.of("FUND_RAISED_VND", 1500.5), "figures.FUND_RAISED_VND",
                Map.of("FUND_RAISED_VND", -1000), "figures.FUND_RAISED_VND",
                Map.of("FUND_RAISED_VND", 1e20), "figures.FUND_RAISED_VND",
                Map.of("LAUNCH_CEREMONY_HELD", "có"), "figures.LAUNCH_CEREMONY_HELD");
        cases.forEach((figures, field) -> problem(createDraft(ward1, o1, figures).then(), 400)
                .body("violations.field", hasItem(field)));
        problem(createDraft(ward1, o1, Map.of("COMM_EVENTS", -1, "GIFTS_COUNT", "nhiều")).then(), 400)
                .body("violations.field", containsInAnyOrder("figures.COMM_EVENTS", "figures.GIFTS_COUNT"));
        problem(as(ward1, "reporter").body(Map.of("obligationId", o1, "results", "x".repeat(20_001)))
                .post("/api/v1/reports").then(), 400).body("violations.field", hasItem("results"));
        assertThat(count("SELECT count(*) FROM report WHERE obligation_id = ?", o1)).isZero();

        // And on update: the draft stays as it was.
        String id = createDraft(ward1, o1, Map.of("COMM_EVENTS", 4)).then().statusCode(201).extract().path("id");
        String etag = etag(ward1, id);
        problem(as(ward1, "reporter").header("If-Match", etag).body(Map.of("figures", Map.of("FUND_RAISED_VND", 99.9)))
                .put("/api/v1/reports/" + id).then(), 400).body("violations[0].field", equalTo("figures.FUND_RAISED_VND"));
        as(ward1, "viewer").get("/api/v1/reports/" + id).then().statusCode(200)
                .header("ETag", etag).body("figures.COMM_EVENTS", equalTo(4));
        assertThat(count("SELECT count(*) FROM report_revision WHERE report_id = ?", UUID.fromString(id))).isEqualTo(1);
    }

    @Test
    void aStaleIfMatchIsRefusedSoTwoEditorsDoNotOverwriteEachOther() {
        String id = createDraft(ward2, o2, Map.of("COMM_EVENTS", 1)).then().statusCode(201).extract().path("id");
        String read = etag(ward2, id);
        as(ward2, "reporter").header("If-Match", read).body(Map.of("figures", Map.of("COMM_EVENTS", 2)))
                .put("/api/v1/reports/" + id).then().statusCode(200);
        problem(as(ward2, "reporter").header("If-Match", read).body(Map.of("figures", Map.of("COMM_EVENTS", 3)))
                .put("/api/v1/reports/" + id).then(), 412);
        problem(as(ward2, "reporter").body(Map.of("figures", Map.of("COMM_EVENTS", 3)))
                .put("/api/v1/reports/" + id).then(), 428);
        as(ward2, "viewer").get("/api/v1/reports/" + id).then().body("figures.COMM_EVENTS", equalTo(2));
    }

    @Test
    void aRetriedCreateOrSubmissionWithTheSameIdempotencyKeyCountsOnce() {
        Map<String, Object> draft = Map.of("obligationId", o3, "figures", Map.of("COMM_EVENTS", 7, "FUND_RAISED_VND", 2_000_000));
        String createKey = UUID.randomUUID().toString();
        String id = as(ward3, "reporter").header("Idempotency-Key", createKey).body(draft).post("/api/v1/reports")
                .then().statusCode(201).extract().path("id");
        as(ward3, "reporter").header("Idempotency-Key", createKey).body(draft).post("/api/v1/reports")
                .then().statusCode(200).body("id", equalTo(id));
        problem(as(ward3, "reporter").body(draft).post("/api/v1/reports").then(), 409);
        assertThat(count("SELECT count(*) FROM report WHERE obligation_id = ?", o3)).isEqualTo(1);

        String key = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 3; attempt++) {
            as(ward3, "reporter").header("Idempotency-Key", key).header("X-Request-Id", "nop-lan-" + attempt)
                    .post("/api/v1/reports/" + id + "/submit")
                    .then().statusCode(200).header("X-Request-Id", "nop-lan-" + attempt)
                    .body("revision", equalTo(1)).body("status", equalTo("SUBMITTED"));
        }
        problem(as(ward3, "reporter").post("/api/v1/reports/" + id + "/submit").then(), 409);
        assertThat(count("SELECT count(*) FROM report_revision WHERE report_id = ? AND action = 'SUBMITTED'",
                UUID.fromString(id))).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox_event WHERE subject = ?", "report/" + id)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox_event WHERE subject = ? AND request_id = 'nop-lan-0'", "report/" + id))
                .as("the event names the request that made the submission, not its replays").isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(consolidated(ward3, "plan", plan, "SUBMITTED")).containsEntry("COMM_EVENTS", 7L)
                        .containsEntry("FUND_RAISED_VND", 2_000_000L));
        // The same key for another report is a client error, not a replay.
        String other = createDraft(ward3, o3b, Map.of("COMM_EVENTS", 1)).then().statusCode(201).extract().path("id");
        problem(as(ward3, "reporter").header("Idempotency-Key", key).post("/api/v1/reports/" + other + "/submit").then(), 400)
                .body("violations[0].field", equalTo("Idempotency-Key"));
        as(ward3, "viewer").get("/api/v1/reports/" + other).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void retriesOfACreateThatArriveWhileItStillRunsAnswerWithItsReportNotAConflict() throws Exception {
        Map<String, Object> draft = Map.of("obligationId", o2b, "figures", Map.of("COMM_EVENTS", 3));
        String key = UUID.randomUUID().toString();
        int attempts = 8;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(attempts);
        try {
            List<java.util.concurrent.Future<io.restassured.response.Response>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return as(ward2, "reporter").header("Idempotency-Key", key).body(draft).post("/api/v1/reports");
                }));
            }
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (var f : sent) {
                io.restassured.response.Response r = f.get();
                statuses.add(r.statusCode());
                ids.add(r.path("id"));
            }
            assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
            assertThat(ids).hasSize(1);
            assertThat(count("SELECT count(*) FROM report WHERE obligation_id = ?", o2b)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyTheRightUnitsMayWriteApproveOrRead() {
        UUID ob = UUID.randomUUID();
        UUID ward4 = UUID.randomUUID();
        OffsetDateTime due = OffsetDateTime.now().plusDays(10);
        publish(List.of(created(unit(ward4, "COMMUNE", "Xã Mô Rai", district, List.of(district)))));
        publish(List.of(obligation(ob, plan, campaign, ward4, district, due)));
        awaitReplicated(List.of(ward4), List.of(ob));

        problem(createDraft(ward1, ob, Map.of()).then(), 403);
        problem(as(ward4, "viewer").body(Map.of("obligationId", ob)).post("/api/v1/reports").then(), 403);
        String id = submitNew(ward4, ob, Map.of("COMM_EVENTS", 1));

        problem(as(ward1, "approver").post("/api/v1/reports/" + id + "/approve").then(), 403);
        problem(as(ward4, "approver").post("/api/v1/reports/" + id + "/approve").then(), 403);
        problem(as(elsewhere, "viewer").get("/api/v1/reports/" + id).then(), 403);
        problem(as(elsewhere, "viewer").queryParam("unit", district).queryParam("plan", plan)
                .get("/api/v1/consolidations").then(), 403);
        as(elsewhere, "viewer").queryParam("plan", plan).get("/api/v1/reports").then().statusCode(200)
                .body("total", equalTo(0));
        as(district, "viewer").get("/api/v1/reports/" + id).then().statusCode(200);
        as(UUID.randomUUID(), "system").get("/api/v1/reports/" + id).then().statusCode(200);
        as(district, "viewer").queryParam("plan", plan).queryParam("unit", ward4).get("/api/v1/reports").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
        problem(as(district, "viewer").post("/api/v1/consistency-checks").then(), 403);
        as(district, "approver").post("/api/v1/reports/" + id + "/approve").then().statusCode(200);
    }

    @Test
    void theShippedIndicatorSetIsListed() {
        as(ward1, "viewer").get("/api/v1/indicator-sets/CAM").then().statusCode(200)
                .body("version", equalTo(1)).body("indicators.size()", equalTo(24))
                .body("indicators.find { it.code == 'FUND_RAISED_VND' }.type", equalTo("money"))
                .body("indicators.find { it.code == 'LAUNCH_CEREMONY_HELD' }.aggregation", equalTo("count_true"));
    }

    @Test
    void isReadyAndDescribesItsApiWithVietnameseExamples() {
        io.restassured.RestAssured.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        String openapi = io.restassured.RestAssured.given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().asString();
        assertThat(openapi).contains("/api/v1/reports/{id}/submit", "/api/v1/consolidations/table", "/api/v1/completeness",
                "Idempotency-Key", "Số tiền vận động ủng hộ Quỹ Bảo trợ trẻ em");
    }

    private static ValidatableResponse problem(ValidatableResponse r, int status) {
        return r.statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
    }
}
