package vn.actionmonth.report;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.actionmonth.events.plan.UnitMoved;
import vn.actionmonth.events.plan.UnitSnapshot;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A ward moves from one district to another: its report of the earlier campaign keeps counting
 * along the path frozen at its first submission (even when revised after the move); its report
 * of the next campaign counts under the new district.
 */
@QuarkusTest
class UnitMoveTest extends ReportServiceTestBase {

    @Test
    void aMovedUnitCountsWhereTheTreePutItForEachCampaign() {
        UUID province = UUID.randomUUID();
        UUID from = UUID.randomUUID();
        UUID to = UUID.randomUUID();
        UUID ward = UUID.randomUUID();
        UUID campaign2024 = UUID.randomUUID();
        UUID campaign2025 = UUID.randomUUID();
        UUID provincePlan2024 = UUID.randomUUID();
        UUID fromPlan2024 = UUID.randomUUID();
        UUID provincePlan2025 = UUID.randomUUID();
        UUID toPlan2025 = UUID.randomUUID();
        UUID owed2024 = UUID.randomUUID();
        UUID owed2025 = UUID.randomUUID();
        OffsetDateTime due = OffsetDateTime.now().plusDays(10);
        publish(List.of(created(unit(province, "PROVINCE", "Tỉnh Quảng Ngãi", null, List.of())),
                created(unit(from, "DISTRICT", "Huyện Sơn Hà", province, List.of(province))),
                created(unit(to, "DISTRICT", "Huyện Sơn Tây", province, List.of(province))),
                created(unit(ward, "COMMUNE", "Xã Sơn Bao", from, List.of(province, from)))));
        publish(List.of(plan(provincePlan2024, "88/KH-UBND", province, campaign2024, null, due),
                plan(fromPlan2024, "30/KH-UBND", from, campaign2024, provincePlan2024, due)));
        publish(List.of(obligation(owed2024, fromPlan2024, campaign2024, ward, from, due)));
        awaitReplicated(List.of(province, from, to, ward), List.of(owed2024));

        String report2024 = submitNew(ward, owed2024, Map.of("COMM_EVENTS", 5));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(consolidated(from, "plan", provincePlan2024, "SUBMITTED")).containsEntry("COMM_EVENTS", 5L));

        UnitSnapshot moved = new UnitSnapshot(ward, "COMMUNE", "Xã Sơn Bao", null, null, null, to, List.of(province, to),
                List.of(new UnitSnapshot.ParentPeriod(from, LocalDate.of(2020, 1, 1), LocalDate.of(2025, 1, 1)),
                        new UnitSnapshot.ParentPeriod(to, LocalDate.of(2025, 1, 1), null)),
                LocalDate.of(2020, 1, 1), null, false, 2);
        publish(List.of(new UnitMoved(moved, from, to, LocalDate.of(2025, 1, 1))));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("SELECT count(*) FROM unit_replica WHERE id = ? AND parent_id = ?", ward, to) == 1);

        // Revised after the move: still counts along the 2024 path.
        as(from, "approver").body(Map.of("reason", "Bổ sung số hoạt động truyền thông"))
                .post("/api/v1/reports/" + report2024 + "/return").then().statusCode(200);
        as(ward, "reporter").header("If-Match", etag(ward, report2024)).body(Map.of("figures", Map.of("COMM_EVENTS", 7)))
                .put("/api/v1/reports/" + report2024).then().statusCode(200);
        as(ward, "reporter").post("/api/v1/reports/" + report2024 + "/submit").then().statusCode(200);

        publish(List.of(plan(provincePlan2025, "95/KH-UBND", province, campaign2025, null, due),
                plan(toPlan2025, "12/KH-UBND", to, campaign2025, provincePlan2025, due)));
        publish(List.of(obligation(owed2025, toPlan2025, campaign2025, ward, to, due)));
        awaitReplicated(List.of(ward), List.of(owed2025));
        submitNew(ward, owed2025, Map.of("COMM_EVENTS", 4));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(consolidated(from, "campaign", campaign2024, "SUBMITTED")).containsEntry("COMM_EVENTS", 7L);
            assertThat(consolidated(to, "campaign", campaign2024, "SUBMITTED")).containsEntry("COMM_EVENTS", 0L);
            assertThat(consolidated(to, "campaign", campaign2025, "SUBMITTED")).containsEntry("COMM_EVENTS", 4L);
            assertThat(consolidated(from, "campaign", campaign2025, "SUBMITTED")).containsEntry("COMM_EVENTS", 0L);
        });
        assertThat(consolidated(province, "campaign", campaign2024, "SUBMITTED")).containsEntry("COMM_EVENTS", 7L);
        assertThat(consolidated(province, "campaign", campaign2025, "SUBMITTED")).containsEntry("COMM_EVENTS", 4L);
        Map<String, Object> fromCompleteness = as(from, "viewer").queryParam("unit", from).queryParam("campaign", campaign2024)
                .get("/api/v1/completeness").then().statusCode(200).extract().path("$");
        assertThat(fromCompleteness).containsEntry("owed", 1).containsEntry("received", 1);
        assertThat(awaitConsistent()).containsEntry("differenceCount", 0);
    }
}
