package vn.actionmonth.report;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.actionmonth.events.plan.LineageEdge;
import vn.actionmonth.events.plan.ObligationChanged;
import vn.actionmonth.events.plan.ObligationSnapshot;
import vn.actionmonth.events.plan.UnitMoved;
import vn.actionmonth.events.plan.UnitRetired;
import vn.actionmonth.events.plan.UnitSnapshot;
import vn.actionmonth.events.plan.UnitSplit;
import vn.actionmonth.events.plan.UnitsMerged;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A campaign reported on the old tree, seen from the new province formed on 1 July 2025:
 * as then nothing moves; as now the new province holds both old provinces' figures exactly, and a
 * ward formed from a split old ward gets a range.
 */
@QuarkusTest
class FiguresAsNowTest extends ReportServiceTestBase {

    private static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    private static final int YEAR = 2019;

    @Test
    void theFiguresOfAMergedProvinceAreTheOldUnitsSumsAsNowAndUnchangedAsThen() {
        UUID root = UUID.randomUUID();
        UUID kontum = UUID.randomUUID();
        UUID quangNgai = UUID.randomUUID();
        UUID city = UUID.randomUUID();
        UUID nguyenTrai = UUID.randomUUID();
        UUID splitWard = UUID.randomUUID();
        UUID stays = UUID.randomUUID();
        UUID campaign = UUID.randomUUID();
        UUID kontumPlan = UUID.randomUUID();
        UUID cityPlan = UUID.randomUUID();
        UUID quangNgaiPlan = UUID.randomUUID();
        UUID owedNguyenTrai = UUID.randomUUID();
        UUID owedSplit = UUID.randomUUID();
        UUID owedStays = UUID.randomUUID();
        UUID owedCity = UUID.randomUUID();
        OffsetDateTime due = OffsetDateTime.now().plusDays(10);
        publish(List.of(created(unit(root, "MINISTRY", "Bộ Thử", null, List.of())),
                created(unit(kontum, "PROVINCE", "Tỉnh Kon Tum", root, List.of(root))),
                created(unit(quangNgai, "PROVINCE", "Tỉnh Quảng Ngãi", root, List.of(root))),
                created(unit(city, "DISTRICT", "Thành phố Kon Tum", kontum, List.of(root, kontum))),
                created(unit(nguyenTrai, "COMMUNE", "Phường Nguyễn Trãi", city, List.of(root, kontum, city))),
                created(unit(splitWard, "COMMUNE", "Phường Quyết Thắng", city, List.of(root, kontum, city))),
                created(unit(stays, "COMMUNE", "Xã Tịnh Ấn Tây", quangNgai, List.of(root, quangNgai)))));
        publish(List.of(plan(kontumPlan, "75/KH-UBND", kontum, campaign, null, due),
                plan(cityPlan, "124/KH-UBND", city, campaign, kontumPlan, due),
                plan(quangNgaiPlan, "88/KH-UBND", quangNgai, campaign, null, due)));
        publish(List.of(owed(owedNguyenTrai, cityPlan, campaign, nguyenTrai, city, due),
                owed(owedSplit, cityPlan, campaign, splitWard, city, due),
                owed(owedCity, kontumPlan, campaign, city, kontum, due),
                owed(owedStays, quangNgaiPlan, campaign, stays, quangNgai, due)));
        awaitReplicated(List.of(root, kontum, quangNgai, city, nguyenTrai, splitWard, stays),
                List.of(owedNguyenTrai, owedSplit, owedCity, owedStays));
        submitNew(nguyenTrai, owedNguyenTrai, Map.of("COMM_EVENTS", 5));
        submitNew(splitWard, owedSplit, Map.of("COMM_EVENTS", 10));
        submitNew(city, owedCity, Map.of("COMM_EVENTS", 2));
        submitNew(stays, owedStays, Map.of("COMM_EVENTS", 7));
        awaitConsistent();

        // 1 July 2025: Kon Tum and Quảng Ngãi form the new Quảng Ngãi; Nguyễn Trãi goes whole into Đăk Bla, Quyết
        // Thắng is split between Đăk Bla and Kon Tum ward; the city is abolished; Tịnh Ấn Tây stays, now under the new province.
        UUID reorganisation = UUID.randomUUID();
        UUID province = UUID.randomUUID();
        UUID dakBla = UUID.randomUUID();
        UUID kontumWard = UUID.randomUUID();
        LineageEdge ntToDakBla = edge(nguyenTrai, dakBla, "FULL", true);
        LineageEdge splitToDakBla = edge(splitWard, dakBla, "PARTIAL", false);
        LineageEdge splitToKontum = edge(splitWard, kontumWard, "PARTIAL", true);
        LineageEdge cityToProvince = new LineageEdge(city, province, "FULL", true, true, null);
        publish(List.of(
                merged(unit(province, "PROVINCE", "Tỉnh Quảng Ngãi", root, List.of(root)), reorganisation,
                        edge(kontum, province, "FULL", true), edge(quangNgai, province, "FULL", true), cityToProvince),
                merged(unit(dakBla, "COMMUNE", "Phường Đăk Bla", province, List.of(root, province)), reorganisation,
                        ntToDakBla, splitToDakBla),
                merged(unit(kontumWard, "COMMUNE", "Phường Kon Tum", province, List.of(root, province)), reorganisation,
                        splitToKontum),
                new UnitRetired(retired(kontum, "PROVINCE", "Tỉnh Kon Tum", root, List.of(root)), REFORM),
                new UnitRetired(retired(quangNgai, "PROVINCE", "Tỉnh Quảng Ngãi", root, List.of(root)), REFORM),
                new UnitRetired(retired(city, "DISTRICT", "Thành phố Kon Tum", kontum, List.of(root, kontum)), REFORM),
                new UnitRetired(retired(nguyenTrai, "COMMUNE", "Phường Nguyễn Trãi", city, List.of(root, kontum, city)), REFORM),
                new UnitSplit(retired(splitWard, "COMMUNE", "Phường Quyết Thắng", city, List.of(root, kontum, city)), REFORM,
                        reorganisation, List.of(splitToDakBla, splitToKontum)),
                new UnitMoved(moved(stays, "COMMUNE", "Xã Tịnh Ấn Tây", province, List.of(root, province), quangNgai),
                        quangNgai, province, REFORM)));
        // the handover: the city's obligation goes to the new province, the wards' to their successors
        publish(List.of(handedOver(owedCity, kontumPlan, campaign, city, province, province),
                handedOver(owedNguyenTrai, cityPlan, campaign, nguyenTrai, dakBla, province),
                handedOver(owedSplit, cityPlan, campaign, splitWard, kontumWard, province)));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                count("SELECT count(*) FROM unit_lineage_replica WHERE reorganisation_id = ?", reorganisation) == 6
                        && count("SELECT count(*) FROM unit_replica WHERE id = ? AND parent_id = ?", stays, province) == 1
                        && count("SELECT count(*) FROM obligation_replica WHERE id = ? AND unit_id = ?", owedCity, province) == 1);

        // As then, nothing moved: old Kon Tum still holds its 17, the new province nothing.
        assertThat(asThen(kontum, campaign)).isEqualTo(17L);
        // As now, the new province is exactly the old ones' sum: 5 + 10 + 2 + 7.
        Map<String, Object> figure = figureAsNow(province, campaign);
        assertThat(figure).containsEntry("total", 24).containsEntry("exact", true).containsEntry("own", 2);
        // Đăk Bla took Nguyễn Trãi whole and part of Quyết Thắng: between 5 and 15.
        Map<String, Object> dakBlaFigure = figureAsNow(dakBla, campaign);
        assertThat(dakBlaFigure).containsEntry("total", 5).containsEntry("totalUpTo", 15).containsEntry("exact", false);

        // The table as now lists the province's current children with the ranges.
        as(province, "viewer").accept("application/json").queryParam("unit", province).queryParam("campaign", campaign)
                .queryParam("tree", "asNow").get("/api/v1/consolidations/table").then().statusCode(200)
                .body("tree", equalTo("asNow"))
                .body("rows.find { it.unitId == '" + dakBla + "' }.values.COMM_EVENTS", equalTo(5))
                .body("rows.find { it.unitId == '" + dakBla + "' }.upTo.COMM_EVENTS", equalTo(15))
                .body("rows.find { it.unitId == '" + kontumWard + "' }.upTo.COMM_EVENTS", equalTo(10))
                .body("rows.find { it.unitId == '" + stays + "' }.values.COMM_EVENTS", equalTo(7))
                .body("rows.find { it.kind == 'TOTAL' }.values.COMM_EVENTS", equalTo(24))
                .body("rows.find { it.unitId == '" + kontum + "' }", org.hamcrest.Matchers.nullValue());

        // Comparisons are as now, by year.
        as(province, "viewer").queryParam("unit", province).queryParam("campaigns", "2019").get("/api/v1/comparisons")
                .then().statusCode(200).body("campaigns[0].campaign", equalTo("2019"))
                .body("campaigns[0].campaignId", equalTo(campaign.toString()))
                .body("campaigns[0].total.values.COMM_EVENTS", equalTo(24))
                .body("campaigns[0].children.find { it.unitId == '" + dakBla + "' }.upTo.COMM_EVENTS", equalTo(15));

        // Completeness as now counts every obligation once, where it stands today: all four under the new province;
        // as then, the three reported in old Kon Tum stay there.
        as(province, "viewer").queryParam("unit", province).queryParam("campaign", campaign).queryParam("tree", "asNow")
                .get("/api/v1/completeness").then().statusCode(200).body("owed", equalTo(4))
                .body("received", equalTo(4));
        as(kontum, "viewer").queryParam("unit", kontum).queryParam("campaign", campaign)
                .get("/api/v1/completeness").then().statusCode(200).body("owed", equalTo(3));
    }

    private static LineageEdge edge(UUID from, UUID to, String share, boolean duties) {
        return new LineageEdge(from, to, share, duties, false, null);
    }

    private static UnitsMerged merged(UnitSnapshot u, UUID reorganisation, LineageEdge... lineage) {
        UnitSnapshot dated = new UnitSnapshot(u.id(), u.kind(), u.name(), null, null, null, u.parentId(), u.ancestorIds(),
                List.of(new UnitSnapshot.ParentPeriod(u.parentId(), REFORM, null)), REFORM, null, false, 1);
        return new UnitsMerged(dated, java.util.Arrays.stream(lineage).map(LineageEdge::oldUnitId).toList(), REFORM,
                reorganisation, List.of(lineage));
    }

    private static UnitSnapshot retired(UUID id, String kind, String name, UUID parent, List<UUID> ancestors) {
        return new UnitSnapshot(id, kind, name, null, null, null, parent, ancestors,
                List.of(new UnitSnapshot.ParentPeriod(parent, LocalDate.of(2020, 1, 1), REFORM)), LocalDate.of(2020, 1, 1),
                REFORM, true, 2);
    }

    private static UnitSnapshot moved(UUID id, String kind, String name, UUID parent, List<UUID> ancestors, UUID from) {
        return new UnitSnapshot(id, kind, name, null, null, null, parent, ancestors,
                List.of(new UnitSnapshot.ParentPeriod(from, LocalDate.of(2020, 1, 1), REFORM),
                        new UnitSnapshot.ParentPeriod(parent, REFORM, null)), LocalDate.of(2020, 1, 1), null, false, 2);
    }

    private static ObligationChanged handedOver(UUID id, UUID plan, UUID campaign, UUID original, UUID unit, UUID recipient) {
        return new ObligationChanged(new ObligationSnapshot(id, plan, "75/KH-UBND", "Kế hoạch Tháng hành động vì trẻ em",
                campaign, YEAR, unit, recipient, null, "CAM", OffsetDateTime.now().plusDays(10), "OPEN", 2, original, REFORM, null, "FINAL", java.util.List.of(), false));
    }

    /** An obligation of this test's campaign, whose year no other test's campaign has: comparisons name it by year. */
    private static vn.actionmonth.events.plan.ObligationCreated owed(UUID id, UUID plan, UUID campaign, UUID unit,
                                                                     UUID recipient, OffsetDateTime due) {
        return new vn.actionmonth.events.plan.ObligationCreated(new ObligationSnapshot(id, plan, "75/KH-UBND",
                "Kế hoạch Tháng hành động vì trẻ em", campaign, YEAR, unit, recipient, null, "CAM", due, "OPEN", 1, unit, null, null, "FINAL", java.util.List.of(), false));
    }

    private static long asThen(UUID unit, UUID campaign) {
        return ((Number) consolidated(unit, "campaign", campaign, "SUBMITTED").get("COMM_EVENTS")).longValue();
    }

    private static Map<String, Object> figureAsNow(UUID unit, UUID campaign) {
        List<Map<String, Object>> figures = as(unit, "viewer").queryParam("unit", unit).queryParam("campaign", campaign)
                .queryParam("tree", "asNow").get("/api/v1/consolidations").then().statusCode(200)
                .body("tree", equalTo("asNow")).extract().path("figures");
        return figures.stream().filter(f -> "COMM_EVENTS".equals(f.get("code"))).findFirst().orElseThrow();
    }
}
