package vn.actionmonth.e2e;

import io.restassured.response.Response;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.actionmonth.devstack.Stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.actionmonth.e2e.Api.created;
import static vn.actionmonth.e2e.Api.id;
import static vn.actionmonth.e2e.Api.map;

/**
 * The 2024 Children's Action Month of Kon Tum walked through the three running services, as its
 * officials would: the ministry's guidance, the province plan, department and district plans,
 * ward plans; every unit reports, one report is returned and corrected, everything is approved;
 * then the ministry's figures, completeness, the consistency check and the notifications.
 */
@ExtendWith(E2eStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CampaignWalkIT {

    static final String SET = "CAM";
    static Stack stack;
    static final UUID SYSTEM_UNIT = new UUID(0, 0);
    static Api system;
    static Units units;
    static UUID campaign2024;
    /** What each unit finally submitted in 2024, for the sums as now. */
    static final Map<UUID, Map<String, Object>> submittedFigures2024 = new HashMap<>();

    /** The units of the walk, created through plan-service. */
    record Units(UUID ministry, UUID province, UUID labourDept, UUID homeAffairsDept, UUID youthUnion, UUID city,
                 UUID dakGlei, UUID nguyenTrai, UUID quyetThang, UUID thongNhat, UUID dakGleiTown, UUID dakBlo,
                 UUID dakMan, UUID quangNgai) {
    }

    @BeforeAll
    static void startAndBuildTheTree() {
        stack = E2eStack.get();
        system = Api.as(stack, SYSTEM_UNIT, "system");
        setClocks("2024-03-12T08:00:00+07:00");
        UUID ministry = id(created(system.plan(), "/api/v1/units",
                unit("MINISTRY", "Bộ Lao động - Thương binh và Xã hội", null, "000.00.00.G12", null)));
        Api admin = Api.as(stack, ministry, "admin");
        UUID province = createUnit(admin, "PROVINCE", "Ủy ban nhân dân tỉnh Kon Tum", "62", ministry);
        UUID city = createUnit(admin, "DISTRICT", "Ủy ban nhân dân thành phố Kon Tum", "608", province);
        UUID dakGlei = createUnit(admin, "DISTRICT", "Ủy ban nhân dân huyện Đắk Glei", "610", province);
        units = new Units(ministry, province,
                createUnit(admin, "DEPARTMENT", "Sở Lao động - Thương binh và Xã hội tỉnh Kon Tum", null, province),
                createUnit(admin, "DEPARTMENT", "Sở Nội vụ tỉnh Kon Tum", null, province),
                createUnit(admin, "MASS_ORGANISATION", "Tỉnh Đoàn Kon Tum", null, province),
                city, dakGlei,
                createUnit(admin, "COMMUNE", "Phường Nguyễn Trãi", "23305", city),
                createUnit(admin, "COMMUNE", "Phường Quyết Thắng", "23287", city),
                createUnit(admin, "COMMUNE", "Phường Thống Nhất", "23299", city),
                createUnit(admin, "COMMUNE", "Thị trấn Đắk Glei", "23341", dakGlei),
                createUnit(admin, "COMMUNE", "Xã Đắk Blô", "23344", dakGlei),
                createUnit(admin, "COMMUNE", "Xã Đắk Man", "23347", dakGlei),
                createUnit(admin, "PROVINCE", "Ủy ban nhân dân tỉnh Quảng Ngãi", "51", ministry));
    }

    @Test
    @Order(1)
    void the2024CampaignConsolidatesAtTheMinistryToWhatEveryUnitReported() {
        Units u = units;
        UUID campaign = campaign(2024);
        campaign2024 = campaign;
        UUID guidance = publishPlan(u.ministry(), campaign, "982/LĐTBXH-CTE", "Hướng dẫn triển khai Tháng hành động vì trẻ em năm 2024",
                null, List.of(u.province()), u.ministry(), null, "2024-08-01T00:00:00+07:00");
        UUID provincePlan = publishPlan(u.province(), campaign, "75/KH-UBND", "Triển khai Tháng hành động vì trẻ em tỉnh Kon Tum năm 2024",
                guidance, List.of(u.labourDept(), u.homeAffairsDept(), u.youthUnion(), u.city(), u.dakGlei()),
                u.province(), u.labourDept(), "2024-07-20T00:00:00+07:00");
        UUID cityPlan = publishPlan(u.city(), campaign, "124/KH-UBND", "Tổ chức các hoạt động hưởng ứng Tháng hành động vì trẻ em thành phố Kon Tum năm 2024",
                provincePlan, List.of(u.nguyenTrai(), u.quyetThang(), u.thongNhat()), u.city(), null, "2024-07-10T00:00:00+07:00");
        // The ward's own plan, implementing the city's: it assigns no report (a ward has nobody below it).
        UUID wardPlan = publishPlan(u.nguyenTrai(), campaign, "45/KH-UBND", "Tổ chức Tháng hành động vì trẻ em năm 2024 trên địa bàn phường Nguyễn Trãi",
                cityPlan, List.of(), null, null, null);
        Response wardPlanRead = Api.as(stack, u.nguyenTrai(), "viewer").plan().get("/api/v1/plans/" + wardPlan).then().statusCode(200)
                .extract().response();
        assertThat(wardPlanRead.<String>path("status")).isEqualTo("PUBLISHED");
        assertThat(wardPlanRead.<String>path("basisPlanId")).isEqualTo(cityPlan.toString());
        assertThat(wardPlanRead.<String>path("issuerId")).isEqualTo(u.nguyenTrai().toString());
        // Đắk Glei's communes report "theo quy định": ten days before the district's own 20/7
        publishPlan(u.dakGlei(), campaign, "95/KH-UBND", "Triển khai Tháng hành động vì trẻ em huyện Đắk Glei năm 2024",
                provincePlan, List.of(u.dakGleiTown(), u.dakBlo()), u.dakGlei(), null, "BASIS_MINUS_DAYS 10");
        publishPlan(u.homeAffairsDept(), campaign, "/KH-SNV", "Tổ chức các hoạt động hưởng ứng Tháng hành động vì trẻ em năm 2024 tại Sở Nội vụ",
                provincePlan, List.of(), null, null, null);
        List<Map<String, Object>> obligations = obligationsOf(campaign);
        assertThat(obligations).hasSize(11);
        assertThat(obligations).filteredOn(o -> u.dakGlei().toString().equals(o.get("recipientId")))
                .extracting(o -> o.get("dueAt")).containsOnly("2024-07-10T00:00:00+07:00").hasSize(2);

        await("obligations reach report-service and notification-service").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(completeness(u.ministry(), campaign).<Integer>path("owed")).isEqualTo(11);
            assertThat(deadlines(u.ministry(), "open").<Integer>path("total")).isEqualTo(11);
        });

        // The province, the city and Đắk Glei receive reports under their own plans: what each owes up
        // is its consolidated report, and the ministry counts those apart.
        assertThat(obligations).filteredOn(o -> Boolean.TRUE.equals(o.get("consolidates")))
                .extracting(o -> UUID.fromString((String) o.get("unitId")))
                .containsExactlyInAnyOrder(u.province(), u.city(), u.dakGlei());
        await("the ministry counts the reports up apart").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(completeness(u.ministry(), campaign).<Integer>path("reportsUpOwed")).isEqualTo(3));

        setClocks("2024-07-01T09:00:00+07:00");
        // What each unit reports: figures(n) with its own n (the province's own, 11, comes last; Quyết Thắng's 7
        // is returned and corrected to 42).
        Map<UUID, Integer> n = Map.ofEntries(Map.entry(u.labourDept(), 1), Map.entry(u.homeAffairsDept(), 2),
                Map.entry(u.youthUnion(), 3), Map.entry(u.city(), 4), Map.entry(u.dakGlei(), 5), Map.entry(u.nguyenTrai(), 6),
                Map.entry(u.quyetThang(), 7), Map.entry(u.thongNhat(), 8), Map.entry(u.dakGleiTown(), 9),
                Map.entry(u.dakBlo(), 10), Map.entry(u.province(), 11));
        Map<UUID, Map<String, Object>> submitted = new LinkedHashMap<>();
        Map<UUID, UUID> reportOf = new HashMap<>();
        Map<String, Object> provinceUp = null;
        for (Map<String, Object> o : obligations) {
            UUID unit = UUID.fromString((String) o.get("unitId"));
            if (unit.equals(u.province())) {
                provinceUp = o; // sent last, once it has received everything
                continue;
            }
            Map<String, Object> figures = figures(n.get(unit));
            reportOf.put(unit, submitReport(unit, UUID.fromString((String) o.get("id")), figures));
            submitted.put(unit, figures);
        }

        // The city returns Phường Quyết Thắng's report; the ward corrects and resubmits it.
        Api cityApprover = Api.as(stack, u.city(), "approver");
        UUID returned = reportOf.get(u.quyetThang());
        cityApprover.report().header("If-Match", etag(cityApprover, returned))
                .body(map("reason", "Số liệu trẻ em được tặng quà chưa khớp với danh sách kèm theo, đề nghị rà soát lại"))
                .post("/api/v1/reports/" + returned + "/return").then().statusCode(200);
        Map<String, Object> corrected = figures(42);
        Api ward = Api.as(stack, u.quyetThang(), "reporter");
        Response updated = ward.report().header("If-Match", etag(ward, returned))
                .body(map("figures", corrected, "results", "Đã rà soát lại danh sách trẻ em được tặng quà"))
                .put("/api/v1/reports/" + returned).then().statusCode(200).extract().response();
        ward.report().header("If-Match", updated.header("ETag")).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/reports/" + returned + "/submit").then().statusCode(200);
        submitted.put(u.quyetThang(), corrected);

        // The province sends its report to the ministry: its own figures, and with them everything it
        // received, frozen as sent.
        Map<String, Long> received = totals(submitted.values());
        await("the province has received every report").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(consolidated(u.province(), "plan", guidance, "SUBMITTED")).isEqualTo(received));
        Map<String, Object> own = figures(n.get(u.province()));
        UUID provinceReport = submitReport(u.province(), UUID.fromString((String) provinceUp.get("id")), own);
        reportOf.put(u.province(), provinceReport);
        submitted.put(u.province(), own);
        Map<String, Object> sent = Api.as(stack, u.ministry(), "viewer").report().get("/api/v1/reports/" + provinceReport)
                .then().statusCode(200).extract().path("sentFigures");
        Map<String, Long> sentTotals = totals(List.of(sent));
        sentTotals.values().removeIf(v -> v == 0);
        Map<String, Long> everything = totals(submitted.values());
        everything.values().removeIf(v -> v == 0);
        assertThat(sentTotals).isEqualTo(everything);

        // Approvals, each by the unit the report was sent to.
        for (Map<String, Object> o : obligations) {
            UUID recipient = UUID.fromString((String) o.get("recipientId"));
            UUID report = reportOf.get(UUID.fromString((String) o.get("unitId")));
            Api approver = Api.as(stack, recipient, "approver");
            approver.report().header("If-Match", etag(approver, report))
                    .post("/api/v1/reports/" + report + "/approve").then().statusCode(200);
        }

        submittedFigures2024.putAll(submitted);
        // Added up by hand over n = 1, 2, 3, 4, 5, 6, 42 (Quyết Thắng, corrected), 8, 9, 10, 11; their sum is 101.
        Map<String, Long> expected = Map.of(
                "LAUNCH_CEREMONY_HELD", 5L,             // the odd n: 1, 3, 5, 9, 11
                "COMM_EVENTS", 101L,                    // n
                "COMM_PARTICIPANTS", 10_100L,           // 100 n
                "FUND_RAISED_VND", 151_500_000L,        // 1,500,000 n
                "CHILDREN_GIFTED", 211L,                // 10 + n, for 11 units: 110 + 101
                "GIFTS_VALUE_VND", 25_250_000L,         // 250,000 n
                "CHILDREN_FORUMS", 11L,                 // n mod 3: 1+2+0+1+2+0+0+2+0+1+2
                "SWIM_LESSON_CHILDREN", 505L);          // 5 n
        await("the ministry's approved figures equal what was reported").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(consolidated(u.ministry(), "campaign", campaign, "APPROVED")).isEqualTo(expected);
            assertThat(consolidated(u.ministry(), "plan", guidance, "APPROVED")).isEqualTo(expected);
        });
        Response completeness = completeness(u.ministry(), campaign);
        assertThat(completeness.<Integer>path("owed")).isEqualTo(11);
        assertThat(completeness.<Integer>path("received")).isEqualTo(11);
        assertThat(completeness.<Integer>path("missing")).isZero();
        assertThat(completeness.<Integer>path("reportsUpReceived")).isEqualTo(3);
        Response check = system.report().post("/api/v1/consistency-checks").then().statusCode(200).extract().response();
        assertThat(check.<List<?>>path("differences")).isEmpty();

        // Every deadline is met before the clock passes them: nobody is reminded or escalated.
        await("notification-service sees every report").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(deadlines(u.ministry(), "open").<Integer>path("total")).isZero());
        setClocks("2024-08-10T09:00:00+07:00");
        await("the city hears that all its wards reported").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(inboxKinds(u.city())).contains("ALL_CHILDREN_REPORTED"));
        awaitNotificationServiceCaughtUp("2024-08-10T09:00:00+07:00");
        assertThat(inboxKinds(u.quyetThang())).containsOnlyOnce("REPORT_RETURNED")
                .doesNotContain("REMINDER", "DUE", "OVERDUE", "ESCALATION");
        assertThat(inboxKinds(u.city())).containsOnlyOnce("ALL_CHILDREN_REPORTED")
                .doesNotContain("REMINDER", "DUE", "OVERDUE", "ESCALATION");
        for (Map<String, Object> o : obligations) {
            assertThat(inboxKinds(UUID.fromString((String) o.get("unitId"))))
                    .doesNotContain("REMINDER", "DUE", "OVERDUE", "ESCALATION");
        }
    }

    /**
     * The 2025 campaign straddles the reorganisation of 1 July 2025: plans and most reports on the
     * old tree, then Kon Tum and Quảng Ngãi form the new Tỉnh Quảng Ngãi, the districts are
     * abolished and wards merge, while Xã Đắk Blô's report is still due. The lineage is the real
     * one for these units, except that Phường Thống Nhất (which went whole into Phường Kon Tum) is
     * split here between Phường Kon Tum and Phường Đăk Bla, to see a range.
     */
    @Test
    @Order(2)
    void the2025CampaignStraddlesTheReorganisationAndEveryFigureIsCountedOnceAsThenAndAsNow() {
        Units u = units;
        setClocks("2025-05-20T08:00:00+07:00");
        UUID campaign2024 = CampaignWalkIT.campaign2024;
        UUID campaign = campaign(2025);
        UUID guidance = publishPlan(u.ministry(), campaign, "1024/BYT-BMTE", "Hướng dẫn tổ chức Tháng hành động vì trẻ em năm 2025",
                null, List.of(u.province()), u.ministry(), null, "2025-08-01T00:00:00+07:00");
        UUID provincePlan = publishPlan(u.province(), campaign, "88/KH-UBND", "Tháng hành động vì trẻ em tỉnh Kon Tum năm 2025",
                guidance, List.of(u.dakGlei()), u.province(), null, "2025-07-20T00:00:00+07:00");
        UUID districtPlan = publishPlan(u.dakGlei(), campaign, "61/KH-UBND", "Tháng hành động vì trẻ em huyện Đắk Glei năm 2025",
                provincePlan, List.of(u.dakBlo()), u.dakGlei(), null, "2025-07-10T00:00:00+07:00");
        List<Map<String, Object>> obligations = obligationsOf(campaign);
        await("obligations reach notification-service").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(deadlines(u.ministry(), "open").<Integer>path("total")).isEqualTo(3));
        setClocks("2025-07-01T09:00:00+07:00");
        List<Map<String, Object>> reported2025 = new ArrayList<>();
        for (Map<String, Object> o : obligations) {
            UUID unit = UUID.fromString((String) o.get("unitId"));
            if (!unit.equals(u.dakBlo())) {
                submitReport(unit, UUID.fromString((String) o.get("id")), figures(7));
                reported2025.add(figures(7));
            }
        }
        for (UUID above : List.of(u.dakGlei(), u.province(), u.ministry())) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    completenessSubtree(above, "campaign", campaign).<List<String>>path("missingUnits.unitId"))
                    .as("missing below %s", above).containsExactly(u.dakBlo().toString()));
        }
        assertThat(completenessSubtree(u.dakGlei(), "plan", districtPlan).<List<String>>path("missingUnits.unitId"))
                .containsExactly(u.dakBlo().toString());
        Map<String, Long> asThen2024 = consolidated(u.ministry(), "campaign", campaign2024, "SUBMITTED");
        await("the 2025 reports reach the consolidation").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(consolidated(u.ministry(), "campaign", campaign, "SUBMITTED")).isEqualTo(totals(reported2025)));

        // 1 July 2025, 10:00: the reorganisation, applied by the ministry on its day.
        setClocks("2025-07-01T10:00:00+07:00");
        Api ministryAdmin = Api.as(stack, u.ministry(), "admin");
        Response applied = created(ministryAdmin.plan(), "/api/v1/reorganisations", map(
                "rootId", u.ministry(), "effectiveDate", "2025-07-01",
                "title", "Nghị quyết 202/2025/QH15; Nghị quyết 1674/NQ-UBTVQH15 về sắp xếp các đơn vị hành chính cấp xã của tỉnh Quảng Ngãi",
                "units", List.of(
                        map("code", "51", "name", "Ủy ban nhân dân tỉnh Quảng Ngãi"),
                        map("code", "23293", "name", "Phường Kon Tum", "parentCode", "51"),
                        map("code", "23302", "name", "Phường Đăk Bla", "parentCode", "51"),
                        map("code", "23341", "name", "Xã Đăk Pék", "parentCode", "51"),
                        map("code", "23344", "name", "Xã Đăk Plô", "parentCode", "51")),
                "lineage", List.of(
                        edge("51", "51", "FULL"), edge("51", "62", "FULL"),
                        edge("23293", "23287", "FULL"), edge("23293", "23299", "PARTIAL", true),
                        edge("23302", "23299", "PARTIAL"), edge("23302", "23305", "FULL"),
                        edge("23341", "23341", "FULL"), edge("23344", "23344", "FULL"), edge("23344", "23347", "FULL"))));
        assertThat(applied.<Integer>path("unitsCeased")).as("2 provinces, 2 districts, 5 communes").isEqualTo(9);
        assertThat(applied.<Integer>path("unitsContinued")).as("Thị trấn Đắk Glei continues as Xã Đăk Pék").isEqualTo(1);
        assertThat(applied.<Integer>path("unitsMoved")).as("the three departments of Kon Tum").isEqualTo(3);
        UUID newProvince = byCode("51");
        UUID kontumWard = byCode("23293");
        UUID dakBla = byCode("23302");
        UUID dakPlo = byCode("23344");

        // Obligations handed over: Đắk Blô's report is now owed by Xã Đăk Plô, to the new province.
        Map<String, Object> owed = obligationsOf(campaign).stream()
                .filter(o -> u.dakBlo().toString().equals(o.get("originalUnitId"))).findFirst().orElseThrow();
        assertThat(owed).containsEntry("unitId", dakPlo.toString()).containsEntry("recipientId", newProvince.toString())
                .containsEntry("handedOverOn", "2025-07-01");
        assertThat(obligationsOf(campaign).stream().filter(o -> u.province().toString().equals(o.get("originalUnitId")))
                .findFirst().orElseThrow()).as("the province's report to the ministry").containsEntry("unitId", newProvince.toString());

        // Reminders go to the successor only, naming the unit it replaces; the escalation to the new province.
        List<String> expectedSoFar = new ArrayList<>();
        String[][] moments = {{"2025-07-03T08:00:00+07:00", "REMINDER"}, {"2025-07-07T08:00:00+07:00", "REMINDER"},
                {"2025-07-09T08:00:00+07:00", "REMINDER"}, {"2025-07-10T08:00:00+07:00", "DUE"},
                {"2025-07-11T08:00:00+07:00", "OVERDUE"}, {"2025-07-13T08:00:00+07:00", "OVERDUE"}};
        for (String[] moment : moments) {
            setClocks(moment[0]);
            expectedSoFar.add(moment[1]);
            await(moment[1] + " at " + moment[0]).atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(deadlineNotices(dakPlo)).containsExactlyInAnyOrderElementsOf(expectedSoFar));
        }
        assertThat(inboxBodies(dakPlo)).filteredOn(b -> b.contains("báo cáo")).isNotEmpty()
                .allSatisfy(b -> assertThat(b).startsWith("Kính gửi Xã Đăk Plô (thay cho Xã Đắk Blô (cũ))"));
        setClocks("2025-07-17T09:00:00+07:00");
        await("the escalation reaches the new province").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(inboxKinds(newProvince)).containsOnlyOnce("ESCALATION"));
        awaitNotificationServiceCaughtUp("2025-07-17T09:00:00+07:00");
        assertThat(deadlineNotices(u.dakBlo())).as("nothing for a unit that ceased").isEmpty();
        assertThat(deadlineNotices(u.dakGlei())).as("nor for the abolished district").isEmpty();
        assertThat(deadlineNotices(u.province())).as("nor for the merged province").isEmpty();
        assertThat(deadlineNotices(dakPlo)).as("each sent once").containsExactlyInAnyOrderElementsOf(expectedSoFar);
        assertThat(inboxKinds(newProvince)).as("the escalation sent once").containsOnlyOnce("ESCALATION");

        // Every figure still counted once: as then and as now, at the ministry, the same; the consistency check clean.
        assertThat(consolidated(u.ministry(), "campaign", campaign, "SUBMITTED")).isEqualTo(totals(reported2025));
        assertThat(asNow(u.ministry(), campaign)).isEqualTo(totals(reported2025));
        assertThat(consolidated(u.ministry(), "campaign", campaign2024, "SUBMITTED")).isEqualTo(asThen2024);
        Response check = system.report().post("/api/v1/consistency-checks").then().statusCode(200).extract().response();
        assertThat(check.<List<?>>path("differences")).isEmpty();

        // New Quảng Ngãi as now: 2024 and 2025 are the old units' sums, exact; Đăk Bla, with part of Thống Nhất, a range.
        assertThat(consolidated(newProvince, "campaign", campaign2024, "SUBMITTED")).as("as then, new: nothing").isEmpty();
        assertThat(asNow(newProvince, campaign2024)).isEqualTo(asThen2024);
        assertThat(asNow(newProvince, campaign)).isEqualTo(totals(reported2025));
        Map<String, Long> nguyenTrai = nonZero(totals(List.of(submittedFigures2024.get(u.nguyenTrai()))));
        Map<String, Long> thongNhat = nonZero(totals(List.of(submittedFigures2024.get(u.thongNhat()))));
        Map<String, Long> quyetThang = nonZero(totals(List.of(submittedFigures2024.get(u.quyetThang()))));
        Response comparison = system.report().queryParam("unit", newProvince).queryParam("campaigns", "2024,2025")
                .get("/api/v1/comparisons").then().statusCode(200).extract().response();
        assertThat(nonZero(comparison.path("campaigns[0].total.values"))).isEqualTo(asThen2024);
        assertThat(nonZero(comparison.path("campaigns[1].total.values"))).isEqualTo(totals(reported2025));
        String dakBlaRow = "campaigns[0].children.find { it.unitId == '" + dakBla + "' }";
        assertThat(nonZero(comparison.path(dakBlaRow + ".values"))).isEqualTo(nguyenTrai);
        assertThat(comparison.<Map<String, Object>>path(dakBlaRow + ".upTo")).as("a range").isNotEmpty();
        assertThat(upper(comparison, dakBlaRow)).as("Đăk Bla: Nguyễn Trãi, up to all of Thống Nhất")
                .isEqualTo(sum(nguyenTrai, thongNhat));
        String kontumRow = "campaigns[0].children.find { it.unitId == '" + kontumWard + "' }";
        assertThat(nonZero(comparison.path(kontumRow + ".values"))).isEqualTo(quyetThang);
        assertThat(upper(comparison, kontumRow)).isEqualTo(sum(quyetThang, thongNhat));
    }

    /**
     * Waits until notification-service has passed {@code now}, so that whatever it would still send about what
     * has happened so far is in the inboxes already: its planner has planned every deadline up to the clock (no
     * deadline under the ministry has a next step at or before it; the planner moves that mark in the transaction
     * that writes the inbox notices), and its consumer group has committed offsets at the end of every topic it
     * reads, as they stand now.
     */
    static void awaitNotificationServiceCaughtUp(String now) {
        java.time.Instant clock = java.time.OffsetDateTime.parse(now).toInstant();
        await("notification-service's planner past " + now).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Response page = system.notification().queryParam("unit", units.ministry()).queryParam("scope", "subtree")
                    .queryParam("size", 200).get("/api/v1/deadlines").then().statusCode(200).extract().response();
            assertThat(page.<Integer>path("total")).isLessThanOrEqualTo(200);
            assertThat(page.<List<String>>path("items.nextReminderAt"))
                    .allSatisfy(next -> assertThat(next == null || java.time.OffsetDateTime.parse(next).toInstant().isAfter(clock))
                            .as("next step %s", next).isTrue());
        });
        List<String> topics = List.of("plan.units.v1", "plan.plans.v1", "plan.obligations.v1", "report.reports.v1",
                "report.consolidations.v1");
        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", stack.infrastructure().bootstrapServers());
        try (Admin kafka = Admin.create(p)) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            kafka.describeTopics(topics).allTopicNames().get().forEach((topic, d) -> d.partitions()
                    .forEach(i -> latest.put(new TopicPartition(topic, i.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> end = new HashMap<>();
            kafka.listOffsets(latest).all().get().forEach((tp, info) -> end.put(tp, info.offset()));
            await("notification-service's consumer at the end of its topics").atMost(Duration.ofSeconds(30)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets("notification-service")
                        .partitionsToOffsetAndMetadata().get();
                return end.entrySet().stream().allMatch(e -> e.getValue() == 0
                        || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue()));
            });
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    static UUID byCode(String code) {
        return UUID.fromString(system.plan().queryParam("code", code).get("/api/v1/units").then().statusCode(200)
                .extract().<String>path("items[0].id"));
    }

    static Map<String, Object> edge(String newCode, String oldCode, String share) {
        return edge(newCode, oldCode, share, false);
    }

    static Map<String, Object> edge(String newCode, String oldCode, String share, boolean takesOverDuties) {
        return map("newCode", newCode, "oldCode", oldCode, "share", share, "takesOverDuties", takesOverDuties);
    }

    static Map<String, Long> asNow(UUID unit, UUID campaign) {
        List<Map<String, Object>> figures = system.report().queryParam("unit", unit).queryParam("campaign", campaign)
                .queryParam("tree", "asNow").get("/api/v1/consolidations").then().statusCode(200).extract().path("figures");
        Map<String, Long> out = new HashMap<>();
        for (Map<String, Object> f : figures) {
            assertThat(f.get("exact")).as("%s as now at %s", f.get("code"), unit).isEqualTo(true);
            long total = ((Number) f.get("total")).longValue();
            if (total != 0) {
                out.put((String) f.get("code"), total);
            }
        }
        return out;
    }

    static Map<String, Long> nonZero(Map<String, ?> values) {
        Map<String, Long> out = new HashMap<>();
        if (values != null) {
            values.forEach((k, v) -> {
                if (((Number) v).longValue() != 0) {
                    out.put(k, ((Number) v).longValue());
                }
            });
        }
        return out;
    }

    /** A row's upper bounds: its values, with upTo over those that are ranges. */
    static Map<String, Long> upper(Response comparison, String row) {
        Map<String, Object> all = new HashMap<>(comparison.<Map<String, Object>>path(row + ".values"));
        Map<String, Object> upTo = comparison.path(row + ".upTo");
        if (upTo != null) {
            all.putAll(upTo);
        }
        return nonZero(all);
    }

    static Map<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> out = new HashMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, Long::sum));
        return out;
    }

    static List<String> inboxBodies(UUID unit) {
        return Api.as(stack, unit, "viewer").notification().queryParam("size", 200).get("/api/v1/inbox")
                .then().statusCode(200).extract().path("items.body");
    }

    /** The deadline notices in a unit's inbox (not the news of plans published or reports returned). */
    static List<String> deadlineNotices(UUID unit) {
        return inboxKinds(unit).stream().filter(k -> List.of("REMINDER", "DUE", "OVERDUE", "ESCALATION").contains(k)).toList();
    }

    // --- the officials' steps ---

    static UUID createUnit(Api admin, String kind, String name, String code, UUID parent) {
        return id(created(admin.plan(), "/api/v1/units", unit(kind, name, code, null, parent)));
    }

    static Map<String, Object> unit(String kind, String name, String adminCode, String agencyCode, UUID parent) {
        return map("kind", kind, "name", name, "adminCode", adminCode, "agencyCode", agencyCode, "parentId", parent,
                "validFrom", "2020-01-01");
    }

    static UUID campaign(int year) {
        return id(created(Api.as(stack, units.ministry(), "planner").plan(), "/api/v1/campaigns", map(
                "name", "Tháng hành động vì trẻ em năm " + year,
                "year", year,
                "theme", "Hành động thiết thực, ưu tiên nguồn lực cho trẻ em",
                "periodStart", year + "-06-01",
                "periodEnd", year + "-06-30",
                "messages", List.of("Hành động thiết thực, ưu tiên nguồn lực cho trẻ em.",
                        "Tổng đài 111 - tiếp nhận thông tin mọi lúc, bảo vệ trẻ em mọi nơi."))));
    }

    /** @param due the due instant, or "BASIS_MINUS_DAYS n" for the rule */
    static UUID publishPlan(UUID issuer, UUID campaign, String number, String title, UUID basis, List<UUID> reporting,
                            UUID recipient, UUID via, String due) {
        Api planner = Api.as(stack, issuer, "planner");
        Map<String, Object> body = map("number", number, "title", title, "issuerId", issuer, "campaignId", campaign,
                "basisPlanId", basis, "theme", "Hành động thiết thực, ưu tiên nguồn lực cho trẻ em",
                "signer", map("name", "Nguyễn Văn A", "title", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"));
        if (!reporting.isEmpty()) {
            Map<String, Object> requirement = map("reportingUnitIds", reporting, "recipientId", recipient, "viaUnitId", via,
                    "indicatorSetCode", SET);
            if (due.startsWith("BASIS_MINUS_DAYS ")) {
                requirement.put("dueRule", map("type", "BASIS_MINUS_DAYS", "days", Integer.parseInt(due.substring(17))));
            } else {
                requirement.put("dueAt", due);
            }
            body.put("reportingRequirement", requirement);
        }
        Response draft = created(planner.plan(), "/api/v1/plans", body);
        UUID plan = id(draft);
        planner.plan().header("If-Match", draft.header("ETag")).post("/api/v1/plans/" + plan + "/publish")
                .then().statusCode(200);
        return plan;
    }

    static List<Map<String, Object>> obligationsOf(UUID campaign) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<String> plans = system.plan().queryParam("campaignId", campaign).queryParam("size", 500)
                .get("/api/v1/plans").then().statusCode(200).extract().path("items.id");
        for (String plan : plans) {
            out.addAll(system.plan().get("/api/v1/plans/" + plan + "/obligations").then().statusCode(200)
                    .extract().<List<Map<String, Object>>>path(""));
        }
        return out;
    }

    static UUID submitReport(UUID unit, UUID obligation, Map<String, Object> figures) {
        Api reporter = Api.as(stack, unit, "reporter");
        Response draft = await("obligation " + obligation + " known to report-service").atMost(Duration.ofSeconds(30))
                .until(() -> reporter.report().body(map("obligationId", obligation, "figures", figures,
                        "results", "Tổ chức Lễ phát động và các hoạt động truyền thông", "difficulties", "Kinh phí còn hạn chế",
                        "proposals", "Đề nghị bổ sung kinh phí")).post("/api/v1/reports"), r -> r.statusCode() == 201);
        UUID report = id(draft);
        reporter.report().header("If-Match", draft.header("ETag")).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/reports/" + report + "/submit").then().statusCode(200);
        return report;
    }

    static String etag(Api api, UUID report) {
        return api.report().get("/api/v1/reports/" + report).then().statusCode(200).extract().header("ETag");
    }

    /** Deterministic figures of every kind the indicator set has: counts, VND, yes/no. */
    static Map<String, Object> figures(int n) {
        return map("LAUNCH_CEREMONY_HELD", n % 2 == 1, "COMM_EVENTS", n, "COMM_PARTICIPANTS", 100 * n,
                "FUND_RAISED_VND", 1_500_000L * n, "CHILDREN_GIFTED", 10 + n, "GIFTS_VALUE_VND", 250_000L * n,
                "CHILDREN_FORUMS", n % 3, "SWIM_LESSON_CHILDREN", 5 * n);
    }

    static Map<String, Long> totals(Iterable<Map<String, Object>> reports) {
        Map<String, Long> sum = new HashMap<>();
        for (Map<String, Object> r : reports) {
            r.forEach((code, value) -> sum.merge(code,
                    value instanceof Boolean b ? (b ? 1L : 0L) : ((Number) value).longValue(), Long::sum));
        }
        return sum;
    }

    static Map<String, Long> consolidated(UUID unit, String scopeKind, UUID scope, String basis) {
        List<Map<String, Object>> figures = system.report().queryParam("unit", unit).queryParam(scopeKind, scope)
                .queryParam("basis", basis).get("/api/v1/consolidations").then().statusCode(200).extract().path("figures");
        Map<String, Long> out = new HashMap<>();
        for (Map<String, Object> f : figures) {
            long total = ((Number) f.get("total")).longValue();
            if (total != 0) {
                out.put((String) f.get("code"), total);
            }
        }
        return out;
    }

    static Response completeness(UUID unit, UUID campaign) {
        return system.report().queryParam("unit", unit).queryParam("campaign", campaign)
                .get("/api/v1/completeness").then().statusCode(200).extract().response();
    }

    static Response completenessSubtree(UUID unit, String scopeKind, UUID scope) {
        return system.report().queryParam("unit", unit).queryParam(scopeKind, scope)
                .queryParam("level", "SUBTREE").get("/api/v1/completeness").then().statusCode(200).extract().response();
    }

    static Response deadlines(UUID unit, String status) {
        return system.notification().queryParam("unit", unit).queryParam("scope", "subtree").queryParam("status", status)
                .get("/api/v1/deadlines").then().statusCode(200).extract().response();
    }

    static List<String> inboxKinds(UUID unit) {
        return Api.as(stack, unit, "viewer").notification().queryParam("size", 200).get("/api/v1/inbox")
                .then().statusCode(200).extract().path("items.kind");
    }

    static void setClocks(String now) {
        for (String service : List.of("plan-service", "report-service", "notification-service")) {
            io.restassured.RestAssured.given().baseUri(stack.service(service).endpoint().baseUrl())
                    .auth().oauth2(stack.token(SYSTEM_UNIT, "system")).contentType("application/json")
                    .body(map("now", now)).put("/api/v1/clock").then().statusCode(200);
        }
    }
}
