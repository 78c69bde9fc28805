package vn.actionmonth.report;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.actionmonth.events.plan.ObligationCreated;
import vn.actionmonth.events.plan.ObligationSnapshot;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Lai Châu's districts report "về UBND tỉnh (qua Sở Lao động - Thương binh và Xã hội)": the
 * department receives, checks, returns and approves for the province, and reads the province's
 * figures and completeness for that plan; another department does none of it.
 */
@QuarkusTest
class ConsolidatingUnitTest extends ReportServiceTestBase {

    @Test
    void theConsolidatingUnitApprovesReturnsAndReadsForTheRecipientUnderThatPlanOnly() {
        UUID root = UUID.randomUUID();
        UUID province = UUID.randomUUID();
        UUID labour = UUID.randomUUID();
        UUID health = UUID.randomUUID();
        UUID district = UUID.randomUUID();
        UUID campaign = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        UUID owed = UUID.randomUUID();
        OffsetDateTime due = OffsetDateTime.now().plusDays(10);
        publish(List.of(created(unit(root, "MINISTRY", "Bộ Thử", null, List.of())),
                created(unit(province, "PROVINCE", "UBND tỉnh Lai Châu", root, List.of(root))),
                created(unit(labour, "DEPARTMENT", "Sở Lao động - Thương binh và Xã hội", province, List.of(root, province))),
                created(unit(health, "DEPARTMENT", "Sở Y tế", province, List.of(root, province))),
                created(unit(district, "DISTRICT", "UBND huyện Tam Đường", province, List.of(root, province)))));
        publish(List.of(plan(plan, "75/KH-UBND", province, campaign, null, due)));
        publish(List.of(new ObligationCreated(new ObligationSnapshot(owed, plan, "75/KH-UBND",
                "Triển khai Tháng hành động vì trẻ em tỉnh Lai Châu năm 2024", campaign, 2024, district, province, labour,
                "CAM", due, "OPEN", 1, district, null, null, "FINAL", java.util.List.of(), false))));
        awaitReplicated(List.of(root, province, labour, health, district), List.of(owed));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("SELECT count(*) FROM obligation_replica WHERE id = ? AND via_unit_id = ?", owed, labour) == 1);
        String report = submitNew(district, owed, Map.of("COMM_EVENTS", 4));

        // Another department neither reads nor approves it.
        as(health, "approver").header("If-Match", etag(district, report)).post("/api/v1/reports/" + report + "/approve")
                .then().statusCode(403);
        as(health, "viewer").queryParam("unit", province).queryParam("plan", plan).get("/api/v1/consolidations")
                .then().statusCode(403);

        // The department lists it, reads the province's figures and completeness for the plan, returns and approves.
        as(labour, "viewer").get("/api/v1/reports").then().statusCode(200).body("items.id", hasItem(report));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(as(labour, "viewer").queryParam("unit", province)
                .queryParam("plan", plan).get("/api/v1/consolidations").then().statusCode(200)
                .extract().<List<Integer>>path("figures.findAll { it.code == 'COMM_EVENTS' }.total")).containsExactly(4));
        as(labour, "viewer").queryParam("unit", province).queryParam("plan", plan).get("/api/v1/completeness")
                .then().statusCode(200).body("owed", equalTo(1)).body("received", equalTo(1));
        as(labour, "approver").header("If-Match", etag(district, report)).body(Map.of("reason", "Thiếu số liệu truyền thông"))
                .post("/api/v1/reports/" + report + "/return").then().statusCode(200);
        String resubmitted = as(district, "reporter").header("If-Match", etag(district, report))
                .post("/api/v1/reports/" + report + "/submit").then().statusCode(200).extract().header("ETag");
        as(labour, "approver").header("If-Match", resubmitted).post("/api/v1/reports/" + report + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED"));

        // For the whole campaign, or another plan, the province's figures stay the province's own business.
        as(labour, "viewer").queryParam("unit", province).queryParam("campaign", campaign).get("/api/v1/consolidations")
                .then().statusCode(403);
    }
}
