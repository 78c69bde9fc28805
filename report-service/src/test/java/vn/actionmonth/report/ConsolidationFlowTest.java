package vn.actionmonth.report;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import vn.actionmonth.common.units.UnitDirectory;
import vn.actionmonth.events.Topics;
import vn.actionmonth.events.kafka.CloudEventHeaders;
import vn.actionmonth.report.domain.UnitScope;
import vn.actionmonth.report.repository.CompletenessRepository;
import vn.actionmonth.report.repository.CompletenessRepository.Counts;
import vn.actionmonth.report.repository.CompletenessRepository.Way;
import vn.actionmonth.report.service.CompletenessService;
import vn.actionmonth.report.service.TableExport;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A province, two districts, three wards; every number below is computed by hand.
 *
 * <pre>
 * Tỉnh Kon Tum (P)           plan PP
 * ├── Thành phố Kon Tum (D1)  plan PD1 (basis PP); D1 reports to P under PP
 * │   ├── Phường Nguyễn Trãi (W11)   reports to D1 under PD1
 * │   └── Phường Quyết Thắng (W12)   reports to D1 under PD1
 * └── Huyện Đắk Hà (D2)       plan PD2 (basis PP); D2 owes P a report under PP (never sent)
 *     └── Thị trấn Đắk Hà (W21)      reports to D2 under PD2, after its deadline
 * </pre>
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsolidationFlowTest extends ReportServiceTestBase {

    @Inject
    CompletenessService completeness;

    @Inject
    CompletenessRepository completenessRows;

    @Inject
    UnitDirectory units;

    final UUID campaign = UUID.randomUUID();
    final UUID p = UUID.randomUUID();
    final UUID d1 = UUID.randomUUID();
    final UUID d2 = UUID.randomUUID();
    final UUID w11 = UUID.randomUUID();
    final UUID w12 = UUID.randomUUID();
    final UUID w21 = UUID.randomUUID();
    final UUID pp = UUID.randomUUID();
    final UUID pd1 = UUID.randomUUID();
    final UUID pd2 = UUID.randomUUID();
    final UUID oD1 = UUID.randomUUID();
    final UUID oD2 = UUID.randomUUID();
    final UUID oW11 = UUID.randomUUID();
    final UUID oW12 = UUID.randomUUID();
    final UUID oW21 = UUID.randomUUID();
    String rW11;
    String rW12;
    String rW21;
    String rD1;

    @BeforeAll
    void planServicePublishesTheTreePlansAndObligations() {
        OffsetDateTime future = OffsetDateTime.now().plusDays(30);
        OffsetDateTime past = OffsetDateTime.now().minusDays(1);
        publish(List.of(
                created(unit(p, "PROVINCE", "Tỉnh Kon Tum", null, List.of())),
                created(unit(d1, "DISTRICT", "Thành phố Kon Tum", p, List.of(p))),
                created(unit(d2, "DISTRICT", "Huyện Đắk Hà", p, List.of(p))),
                created(unit(w11, "COMMUNE", "Phường Nguyễn Trãi", d1, List.of(p, d1))),
                created(unit(w12, "COMMUNE", "Phường Quyết Thắng", d1, List.of(p, d1))),
                created(unit(w21, "COMMUNE", "Thị trấn Đắk Hà", d2, List.of(p, d2)))));
        publish(List.of(
                plan(pp, "75/KH-UBND", p, campaign, null, future),
                plan(pd1, "102/KH-UBND", d1, campaign, pp, future),
                plan(pd2, "58/KH-UBND", d2, campaign, pp, past)));
        publish(List.of(
                obligation(oD1, pp, campaign, d1, p, future),
                obligation(oD2, pp, campaign, d2, p, future),
                obligation(oW11, pd1, campaign, w11, d1, future),
                obligation(oW12, pd1, campaign, w12, d1, future),
                obligation(oW21, pd2, campaign, w21, d2, past)));
        awaitReplicated(List.of(p, d1, d2, w11, w12, w21), List.of(oD1, oD2, oW11, oW12, oW21));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                count("SELECT count(*) FROM plan_replica WHERE id = ANY (?)", (Object) new UUID[] {pp, pd1, pd2}) == 3);
    }

    @Test
    @Order(1)
    void submittedReportsAddUpAtEveryLevelAndScope() {
        rW11 = submitNew(w11, oW11, Map.of("COMM_EVENTS", 3, "FUND_RAISED_VND", 1_000_000, "LAUNCH_CEREMONY_HELD", true,
                "CHILDREN_GIFTED", 40));
        rW12 = submitNew(w12, oW12, Map.of("COMM_EVENTS", 5, "FUND_RAISED_VND", 2_500_000, "LAUNCH_CEREMONY_HELD", false,
                "CHILDREN_GIFTED", 60));
        rW21 = submitNew(w21, oW21, Map.of("COMM_EVENTS", 2, "FUND_RAISED_VND", 500_000, "LAUNCH_CEREMONY_HELD", true,
                "CHILDREN_GIFTED", 25));
        rD1 = submitNew(d1, oD1, Map.of("COMM_EVENTS", 10, "FUND_RAISED_VND", 7_000_000, "LAUNCH_CEREMONY_HELD", true));

        awaitFigures(p, "plan", pp, "SUBMITTED", 20, 11_000_000, 3, 125);
        assertFigures(p, "campaign", campaign, "SUBMITTED", 20, 11_000_000, 3, 125);
        // The district plan's chain seen from the district, and from the province above it.
        assertFigures(d1, "plan", pd1, "SUBMITTED", 8, 3_500_000, 1, 100);
        assertFigures(p, "plan", pd1, "SUBMITTED", 8, 3_500_000, 1, 100);
        // D1 in the province plan: its own report plus its wards'.
        assertFigures(d1, "plan", pp, "SUBMITTED", 18, 10_500_000, 2, 100);
        assertFigures(d2, "plan", pp, "SUBMITTED", 2, 500_000, 1, 25);
        assertFigures(w12, "plan", pd1, "SUBMITTED", 5, 2_500_000, 0, 60);
        assertFigures(p, "plan", pp, "APPROVED", 0, 0, 0, 0);
        assertThat(awaitConsistent()).containsEntry("differenceCount", 0);
    }

    @Test
    @Order(2)
    void aReturnedReportStopsCountingAndItsRevisionCountsByTheDifference() {
        as(d1, "approver").body(Map.of("reason", "Số liệu trẻ em được tặng quà chưa khớp với danh sách, đề nghị rà soát lại"))
                .post("/api/v1/reports/" + rW12 + "/return").then().statusCode(200).body("status", equalTo("RETURNED"));
        awaitFigures(p, "plan", pp, "SUBMITTED", 15, 8_500_000, 3, 65);

        as(w12, "reporter").header("If-Match", etag(w12, rW12))
                .body(Map.of("figures", Map.of("COMM_EVENTS", 6, "FUND_RAISED_VND", 3_000_000, "LAUNCH_CEREMONY_HELD", true,
                        "CHILDREN_GIFTED", 60), "results", "Đã rà soát, bổ sung danh sách trẻ em được tặng quà"))
                .put("/api/v1/reports/" + rW12).then().statusCode(200);
        as(w12, "reporter").post("/api/v1/reports/" + rW12 + "/submit").then().statusCode(200)
                .body("revision", equalTo(2)).body("status", equalTo("SUBMITTED"));
        awaitFigures(p, "plan", pp, "SUBMITTED", 21, 11_500_000, 4, 125);
        assertFigures(d1, "plan", pd1, "SUBMITTED", 9, 4_000_000, 2, 100);
    }

    @Test
    @Order(3)
    void approvalsCountInTheApprovedOnlyView() {
        as(d1, "approver").post("/api/v1/reports/" + rW11 + "/approve").then().statusCode(200);
        as(d1, "approver").post("/api/v1/reports/" + rW12 + "/approve").then().statusCode(200);
        as(p, "approver").post("/api/v1/reports/" + rD1 + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED"));

        awaitFigures(p, "plan", pp, "APPROVED", 19, 11_000_000, 3, 100);
        assertFigures(p, "plan", pp, "SUBMITTED", 21, 11_500_000, 4, 125);
        assertFigures(d1, "plan", pd1, "APPROVED", 9, 4_000_000, 2, 100);
        assertThat(awaitConsistent()).containsEntry("differenceCount", 0);
    }

    @Test
    @Order(4)
    void historyKeepsEveryRevisionWithWhoAndWhen() {
        List<Map<String, Object>> history = as(w12, "viewer").get("/api/v1/reports/" + rW12 + "/revisions")
                .then().statusCode(200).extract().path("$");
        assertThat(history).extracting(h -> h.get("action"))
                .containsExactly("CREATED", "SUBMITTED", "RETURNED", "UPDATED", "SUBMITTED", "APPROVED");
        assertThat(history.get(2).get("reason")).asString().startsWith("Số liệu trẻ em");
        assertThat(history.get(2).get("actorUnit")).isEqualTo(d1.toString());
        assertThat(history).allSatisfy(h -> assertThat(h.get("at")).isNotNull());
        assertThat(history.get(4)).containsEntry("revision", 2).containsEntry("onTime", true);
    }

    @Test
    @Order(5)
    void completenessCountsOwedReceivedOnTimeLateAndMissing() {
        Map<String, Object> whole = as(p, "viewer").queryParam("unit", p).queryParam("plan", pp).queryParam("level", "SUBTREE")
                .get("/api/v1/completeness").then().statusCode(200).extract().path("$");
        assertThat(whole).containsEntry("owed", 5).containsEntry("received", 4).containsEntry("onTime", 3)
                .containsEntry("late", 1).containsEntry("missing", 1)
                .containsEntry("childrenOwed", 2).containsEntry("childrenReported", 1);
        assertThat(unitIds(whole, "lateUnits")).containsExactly(w21.toString());
        assertThat(unitIds(whole, "missingUnits")).containsExactly(d2.toString());

        Map<String, Object> children = as(p, "viewer").queryParam("unit", p).queryParam("plan", pp)
                .get("/api/v1/completeness").then().statusCode(200).extract().path("$");
        assertThat(unitIds(children, "lateUnits")).isEmpty();
        assertThat(unitIds(children, "missingUnits")).containsExactly(d2.toString());

        Map<String, Object> district = as(d1, "viewer").queryParam("unit", d1).queryParam("plan", pd1)
                .get("/api/v1/completeness").then().statusCode(200).extract().path("$");
        assertThat(district).containsEntry("owed", 2).containsEntry("received", 2).containsEntry("onTime", 2)
                .containsEntry("missing", 0).containsEntry("childrenOwed", 2).containsEntry("childrenReported", 2);
    }

    @Test
    @Order(6)
    void theTableHasAChildRowEachTheOwnRowAndTheTotal() {
        List<Map<String, Object>> rows = as(p, "viewer").queryParam("unit", p).queryParam("plan", pp)
                .get("/api/v1/consolidations/table").then().statusCode(200).extract().path("rows");
        assertThat(rows).extracting(r -> r.get("kind"), r -> r.get("unitName"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CHILD", "Huyện Đắk Hà"),
                        org.assertj.core.groups.Tuple.tuple("CHILD", "Thành phố Kon Tum"),
                        org.assertj.core.groups.Tuple.tuple("OWN", "Tỉnh Kon Tum"),
                        org.assertj.core.groups.Tuple.tuple("TOTAL", "Tỉnh Kon Tum"));
        assertThat(rows).extracting(r -> (Object) ((Map<?, ?>) r.get("values")).get("FUND_RAISED_VND"))
                .containsExactly(500_000, 11_000_000, 0, 11_500_000);
    }

    @Test
    @Order(7)
    void theCsvExportHasVietnameseHeadersAndVndFormatted() {
        byte[] body = as(p, "viewer").accept("text/csv").queryParam("unit", p).queryParam("plan", pp)
                .get("/api/v1/consolidations/table").then().statusCode(200).extract().asByteArray();
        List<String> lines = new String(body, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("\uFEFF\"Đơn vị\"").contains("\"Số tiền vận động ủng hộ Quỹ Bảo trợ trẻ em (đồng)\"");
        assertThat(lines.get(2)).startsWith("\"Thành phố Kon Tum\"").contains("\"11.000.000\"");
        assertThat(lines.get(3)).startsWith("\"Tỉnh Kon Tum (tự thực hiện)\"");
        assertThat(lines.get(4)).startsWith("\"Tổng cộng\"").contains("\"11.500.000\"");
    }

    @Test
    @Order(8)
    void theXlsxExportOpensAndHoldsTheSameRows() throws Exception {
        byte[] body = as(p, "viewer").accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .queryParam("unit", p).queryParam("plan", pp)
                .get("/api/v1/consolidations/table").then().statusCode(200).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(body))) {
            Sheet sheet = wb.getFirstSheet();
            assertThat(sheet.getName()).isEqualTo("Tổng hợp");
            List<Row> all = sheet.read();
            // the header block of an administrative document, then the table
            java.util.function.IntFunction<Row> line = n -> all.stream().filter(r -> r.getRowNum() == n).findFirst().orElseThrow();
            java.util.function.IntFunction<List<String>> texts = n -> {
                List<String> out = new ArrayList<>();
                line.apply(n).forEach(c -> {
                    if (c != null && c.getRawValue() != null) {
                        out.add(c.getRawValue());
                    }
                });
                return out;
            };
            assertThat(texts.apply(1)).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            assertThat(texts.apply(2)).contains("Độc lập - Tự do - Hạnh phúc");
            assertThat(line.apply(5).getCellText(0)).startsWith("BẢNG TỔNG HỢP SỐ LIỆU");
            List<Row> rows = all.stream().filter(r -> r.getRowNum() > TableExport.HEADER_ROWS).toList();
            assertThat(rows).hasSize(5);
            List<String> header = new ArrayList<>();
            rows.get(0).forEach(c -> header.add(c.getRawValue()));
            int fund = header.indexOf("Số tiền vận động ủng hộ Quỹ Bảo trợ trẻ em (đồng)");
            assertThat(header.get(0)).isEqualTo("Đơn vị");
            assertThat(fund).isPositive();
            assertThat(rows.get(1).getCellText(0)).isEqualTo("Huyện Đắk Hà");
            assertThat(rows.get(2).getCellAsNumber(fund)).hasValueSatisfying(v -> assertThat(v.longValueExact()).isEqualTo(11_000_000));
            assertThat(rows.get(4).getCellText(0)).isEqualTo("Tổng cộng");
            assertThat(rows.get(4).getCellAsNumber(fund)).hasValueSatisfying(v -> assertThat(v.longValueExact()).isEqualTo(11_500_000));

            // the level below the districts: each commune with the district it belongs to
            List<Row> below = wb.getSheets().filter(s -> s.getName().equals("Cấp dưới")).findFirst().orElseThrow().read();
            assertThat(below.get(0).getCellText(1)).isEqualTo("Thuộc");
            assertThat(below.subList(1, below.size()).stream().map(r -> r.getCellText(0) + " | " + r.getCellText(1)).toList())
                    .containsExactly("Thị trấn Đắk Hà | Huyện Đắk Hà", "Phường Nguyễn Trãi | Thành phố Kon Tum",
                            "Phường Quyết Thắng | Thành phố Kon Tum");
        }
    }

    @Test
    @Order(9)
    void aReadNamingTheFiguresItHoldsIsAnsweredNotModifiedUntilTheyMove() {
        String etag = as(p, "viewer").queryParam("unit", p).queryParam("plan", pp).get("/api/v1/consolidations")
                .then().statusCode(200).header("Cache-Control", containsString("no-cache")).extract().header("ETag");
        assertThat(etag).isNotBlank();
        as(p, "viewer").queryParam("unit", p).queryParam("plan", pp).header("If-None-Match", etag)
                .get("/api/v1/consolidations").then().statusCode(304).header("ETag", etag).body(emptyString());
        as(p, "viewer").queryParam("unit", p).queryParam("plan", pp).header("If-None-Match", "\"0.0.0\", W/" + etag)
                .get("/api/v1/consolidations").then().statusCode(304);
        as(p, "viewer").queryParam("unit", d1).queryParam("plan", pp).header("If-None-Match", etag)
                .get("/api/v1/consolidations").then().statusCode(200);
        // Outside the caller's subtree a matching ETag tells nothing: 403 as without it.
        as(d2, "viewer").queryParam("unit", p).queryParam("plan", pp).header("If-None-Match", etag)
                .get("/api/v1/consolidations").then().statusCode(403);

        as(d2, "approver").post("/api/v1/reports/" + rW21 + "/approve").then().statusCode(200);
        awaitFigures(p, "plan", pp, "APPROVED", 21, 11_500_000, 4, 125);
        String moved = as(p, "viewer").queryParam("unit", p).queryParam("plan", pp).header("If-None-Match", etag)
                .get("/api/v1/consolidations").then().statusCode(200).extract().header("ETag");
        assertThat(moved).isNotBlank().isNotEqualTo(etag);
    }

    @Test
    @Order(9)
    void consolidationChangedTellsWhetherAllChildrenReported() {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.CONSOLIDATIONS));
            List<Map<String, Object>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key().equals(d1 + ":" + pd1) || r.key().equals(p + ":" + pp)) {
                        seen.add(mapper.readValue(r.value(), Map.class));
                    }
                }
                return seen.stream().anyMatch(e -> e.get("unitId").equals(d1.toString())
                        && e.get("childrenOwed").equals(2) && e.get("childrenReported").equals(2))
                        && seen.stream().anyMatch(e -> e.get("unitId").equals(p.toString())
                        && e.get("childrenOwed").equals(2) && e.get("childrenReported").equals(1)
                        && ((Map<?, ?>) e.get("figures")).get("COMM_EVENTS").equals(21));
            });
        }
    }

    @Test
    @Order(9)
    void consolidationChangedIsPublishedForThePlansAUnitWorksUnder() {
        // pd1 is issued by d1: published for d1; the province sees pd1 through the API only.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(consolidationEvents(d1, pd1)).isPositive();
            assertThat(consolidationEvents(d1, pp)).isPositive();
            assertThat(consolidationEvents(p, pp)).isPositive();
        });
        assertThat(consolidationEvents(p, pd1)).isZero();
        // Nobody reports to the ward: its consolidation is its own report, which ReportSubmitted carries.
        assertThat(consolidationEvents(w11, pd1)).isZero();
        assertThat(consolidationEvents(w11, pp)).isZero();
    }

    @Test
    @Order(9)
    void thePublishersBatchCountsEqualTheApisCountOfEachUnit() {
        List<UnitScope> pairs = List.of(new UnitScope(p, pp), new UnitScope(p, pd1), new UnitScope(d1, pd1),
                new UnitScope(d1, pp), new UnitScope(d2, pp), new UnitScope(w11, pd1), new UnitScope(w21, pd2));
        Map<UnitScope, CompletenessService.Result> batch = completeness.summaries(pairs);

        // Everything under the province plan, as completenessCountsOwedReceivedOnTimeLateAndMissing counted it by hand.
        assertThat(batch.get(new UnitScope(p, pp))).satisfies(b -> {
            assertThat(b.subtree().owed()).isEqualTo(5);
            assertThat(b.subtree().received()).isEqualTo(4);
            assertThat(b.childrenOwed()).isEqualTo(2);
            assertThat(b.childrenReported()).isEqualTo(1);
        });
        for (UnitScope pair : pairs) {
            CompletenessService.Result one = completeness.compute(pair.unitId(), pair.scopeId(), false,
                    CompletenessService.Level.SUBTREE, vn.actionmonth.report.domain.Tree.AS_THEN);
            assertThat(batch.get(pair)).as("%s", pair).satisfies(b -> {
                assertThat(b.subtree()).isEqualTo(one.subtree());
                assertThat(b.childrenOwed()).isEqualTo(one.childrenOwed());
                assertThat(b.childrenReported()).isEqualTo(one.childrenReported());
            });
        }
    }

    @Test
    @Order(9)
    void bothWaysOfCountingABatchGiveTheApisCountOfEachUnit() {
        List<UUID> unitIds = List.of(p, d1, d2, w11, w12, w21);
        List<String> paths = unitIds.stream().map(u -> units.find(u).orElseThrow().path()).toList();
        for (UUID plan : List.of(pp, pd1, pd2)) {
            List<Counts> walkingUp = completenessRows.countsInPlan(plan, paths, Way.WALKING_UP);
            List<Counts> eachSubtree = completenessRows.countsInPlan(plan, paths, Way.EACH_SUBTREE);
            for (int i = 0; i < unitIds.size(); i++) {
                CompletenessService.Result one = completeness.compute(unitIds.get(i), plan, false,
                        CompletenessService.Level.SUBTREE, vn.actionmonth.report.domain.Tree.AS_THEN);
                Counts expected = new Counts(one.subtree().owed(), one.subtree().received(), one.subtree().onTime(),
                        one.childrenOwed(), one.childrenReported(), one.reportsUpOwed(), one.reportsUpReceived());
                assertThat(walkingUp.get(i)).as("walking up: unit %s, plan %s", unitIds.get(i), plan).isEqualTo(expected);
                assertThat(eachSubtree.get(i)).as("each subtree: unit %s, plan %s", unitIds.get(i), plan).isEqualTo(expected);
            }
        }
        // Not a tautology of zeros: the province plan counts all five obligations, four received, at the province.
        assertThat(completenessRows.countsInPlan(pp, paths, Way.WALKING_UP).get(0)).isEqualTo(new Counts(5, 4, 3, 2, 1, 0, 0));
    }

    private long consolidationEvents(UUID unit, UUID plan) {
        return count("SELECT count(*) FROM outbox_event WHERE topic = ? AND record_key = ?", Topics.CONSOLIDATIONS,
                unit + ":" + plan);
    }

    @Test
    @Order(10)
    void redeliveringEveryReportEventChangesNothing() throws Exception {
        Set<String> keys = Set.of(oW11, oW12, oW21, oD1).stream().map(UUID::toString).collect(Collectors.toSet());
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.REPORTS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (keys.contains(r.key())) {
                        records.add(r);
                    }
                });
                return records.size() >= 10;
            });
        }
        // 2 (W11) + 4 (W12: submitted, returned, resubmitted, approved) + 2 (W21) + 2 (D1)
        assertThat(records).hasSize(10);
        Map<String, Object> before = consolidated(p, "plan", pp, "SUBMITTED");
        Map<String, Object> beforeApproved = consolidated(p, "plan", pp, "APPROVED");

        // The same records again (the inbox drops them) and copies under new event ids (the per-revision
        // state drops those): the copies come after the duplicates on each partition.
        Set<String> freshIds = new HashSet<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            ProducerRecord<String, byte[]> again = new ProducerRecord<>(r.topic(), r.key(), r.value());
            r.headers().forEach(h -> again.headers().add(h));
            producer().send(again).get();
        }
        for (ConsumerRecord<String, byte[]> r : records) {
            ProducerRecord<String, byte[]> copy = new ProducerRecord<>(r.topic(), r.key(), r.value());
            r.headers().forEach(h -> {
                if (!h.key().equals(CloudEventHeaders.ID)) {
                    copy.headers().add(h);
                }
            });
            String id = UUID.randomUUID().toString();
            freshIds.add(id);
            copy.headers().add(CloudEventHeaders.ID, id.getBytes(StandardCharsets.UTF_8));
            producer().send(copy).get();
        }
        await().atMost(Duration.ofSeconds(60)).until(() ->
                count("SELECT count(*) FROM inbox_event WHERE event_id = ANY (?)", (Object) freshIds.toArray(String[]::new)) == 10);

        assertThat(consolidated(p, "plan", pp, "SUBMITTED")).isEqualTo(before);
        assertThat(consolidated(p, "plan", pp, "APPROVED")).isEqualTo(beforeApproved);
        assertThat(awaitConsistent()).containsEntry("differenceCount", 0);
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("events.kafka.bootstrap-servers", String.class));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }

    @SuppressWarnings("unchecked")
    private static List<String> unitIds(Map<String, Object> completeness, String list) {
        return ((List<Map<String, Object>>) completeness.get(list)).stream().map(e -> (String) e.get("unitId")).toList();
    }

    private static void awaitFigures(java.util.UUID unit, String scopeParam, UUID scope, String basis, long commEvents,
                                     long fund, long launches, long gifted) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertFigures(unit, scopeParam, scope, basis, commEvents, fund, launches, gifted));
    }

    private static void assertFigures(UUID unit, String scopeParam, UUID scope, String basis, long commEvents, long fund,
                                      long launches, long gifted) {
        assertThat(consolidated(unit, scopeParam, scope, basis))
                .containsEntry("COMM_EVENTS", commEvents)
                .containsEntry("FUND_RAISED_VND", fund)
                .containsEntry("LAUNCH_CEREMONY_HELD", launches)
                .containsEntry("CHILDREN_GIFTED", gifted);
    }
}
