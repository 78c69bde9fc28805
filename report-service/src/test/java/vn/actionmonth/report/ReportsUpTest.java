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

/**
 * A plan's several requirements and a unit's report up: an interim report is read and approved
 * but counted in no total and no completeness; units named in copy read the report; a unit that
 * itself receives reports sends up its own figures with what it received, frozen when it
 * submits, while totals count everything once.
 */
@QuarkusTest
class ReportsUpTest extends ReportServiceTestBase {

    private final UUID root = UUID.randomUUID();
    private final UUID province = UUID.randomUUID();
    private final UUID labour = UUID.randomUUID();
    private final UUID health = UUID.randomUUID();
    private final UUID district = UUID.randomUUID();
    private final UUID campaign = UUID.randomUUID();
    private final OffsetDateTime due = OffsetDateTime.now().plusDays(10);

    private void tree() {
        publish(List.of(created(unit(root, "MINISTRY", "Bộ Thử", null, List.of())),
                created(unit(province, "PROVINCE", "UBND tỉnh Lai Châu", root, List.of(root))),
                created(unit(labour, "DEPARTMENT", "Sở Lao động - Thương binh và Xã hội", province, List.of(root, province))),
                created(unit(health, "DEPARTMENT", "Sở Y tế", province, List.of(root, province))),
                created(unit(district, "DISTRICT", "UBND huyện Tam Đường", province, List.of(root, province)))));
    }

    @Test
    void anInterimReportIsReadAndApprovedButCountsInNoTotalAndNoCompleteness() {
        tree();
        UUID plan = UUID.randomUUID();
        UUID interim = UUID.randomUUID();
        UUID fin = UUID.randomUUID();
        publish(List.of(plan(plan, "75/KH-UBND", province, campaign, null, due)));
        publish(List.of(owed(interim, plan, district, province, "INTERIM", List.of(health), false),
                owed(fin, plan, district, province, "FINAL", List.of(), false)));
        awaitReplicated(List.of(root, province, labour, health, district), List.of(interim, fin));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("SELECT count(*) FROM obligation_replica WHERE id = ? AND kind = 'INTERIM'", interim) == 1);

        String early = submitNew(district, interim, Map.of("COMM_EVENTS", 3));
        as(district, "viewer").get("/api/v1/reports/" + early).then().statusCode(200).body("kind", equalTo("INTERIM"));
        // the department named in copy reads it; another does not
        as(health, "viewer").get("/api/v1/reports/" + early).then().statusCode(200);
        as(labour, "viewer").get("/api/v1/reports/" + early).then().statusCode(403);
        as(province, "approver").header("If-Match", etag(district, early)).post("/api/v1/reports/" + early + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
        as(province, "viewer").queryParam("unit", province).queryParam("plan", plan).get("/api/v1/completeness")
                .then().statusCode(200).body("owed", equalTo(1)).body("received", equalTo(0));

        submitNew(district, fin, Map.of("COMM_EVENTS", 4));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(consolidated(province, "plan", plan, "SUBMITTED")).containsEntry("COMM_EVENTS", 4L));
        as(province, "viewer").queryParam("unit", province).queryParam("plan", plan).get("/api/v1/completeness")
                .then().statusCode(200).body("owed", equalTo(1)).body("received", equalTo(1));
        assertThat(awaitConsistent().get("differenceCount")).isEqualTo(0);
    }

    @Test
    void aConsolidatedReportUpSendsWhatTheUnitReceivedWithItsOwnFiguresFrozenAtSubmission() {
        tree();
        UUID guidance = UUID.randomUUID();
        UUID provincePlan = UUID.randomUUID();
        UUID up = UUID.randomUUID();
        UUID fromDistrict = UUID.randomUUID();
        publish(List.of(plan(guidance, "982/LĐTBXH-CTE", root, campaign, null, due),
                plan(provincePlan, "75/KH-UBND", province, campaign, guidance, due.minusDays(10))));
        publish(List.of(owed(up, guidance, province, root, "FINAL", List.of(), true),
                owed(fromDistrict, provincePlan, district, province, "FINAL", List.of(), false)));
        awaitReplicated(List.of(root, province, labour, health, district), List.of(up, fromDistrict));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("SELECT count(*) FROM obligation_replica WHERE id = ? AND consolidates", up) == 1);

        submitNew(district, fromDistrict, Map.of("COMM_EVENTS", 4, "GIFTS_COUNT", 10));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(consolidated(province, "plan", guidance, "SUBMITTED")).containsEntry("COMM_EVENTS", 4L));

        // the ministry sees the province's report up apart from the district's report
        as(root, "viewer").queryParam("unit", root).queryParam("plan", guidance).get("/api/v1/completeness").then()
                .statusCode(200).body("owed", equalTo(2)).body("received", equalTo(1))
                .body("reportsUpOwed", equalTo(1)).body("reportsUpReceived", equalTo(0))
                .body("missingUnits[0].unitId", equalTo(province.toString()))
                .body("missingUnits[0].reportUp", equalTo(true));
        String report = submitNew(province, up, Map.of("COMM_EVENTS", 2));
        as(root, "viewer").get("/api/v1/reports/" + report).then().statusCode(200)
                .body("figures.COMM_EVENTS", equalTo(2))
                .body("sentFigures.COMM_EVENTS", equalTo(6))
                .body("sentFigures.GIFTS_COUNT", equalTo(10));
        // the ministry's total counts the district once: its report, and the province's own figures
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(consolidated(root, "plan", guidance, "SUBMITTED")).containsEntry("COMM_EVENTS", 6L));
        assertThat(awaitConsistent().get("differenceCount")).isEqualTo(0);
        as(root, "viewer").queryParam("unit", root).queryParam("plan", guidance).get("/api/v1/completeness").then()
                .statusCode(200).body("reportsUpReceived", equalTo(1));
    }

    private ObligationCreated owed(UUID id, UUID plan, UUID unit, UUID recipient, String kind, List<UUID> copyTo,
                                          boolean consolidates) {
        return new ObligationCreated(new ObligationSnapshot(id, plan, "75/KH-UBND", "Kế hoạch Tháng hành động vì trẻ em",
                campaign, 2024, unit, recipient, null, "CAM", OffsetDateTime.now().plusDays(10), "OPEN", 1, unit, null,
                UUID.randomUUID(), kind, copyTo, consolidates));
    }
}
