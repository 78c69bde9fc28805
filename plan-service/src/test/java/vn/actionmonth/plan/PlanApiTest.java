package vn.actionmonth.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.actionmonth.devstack.DevStackTestResource;
import vn.actionmonth.events.Topics;
import vn.actionmonth.plan.service.SampleData;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.actionmonth.plan.TestSupport.admin;
import static vn.actionmonth.plan.TestSupport.as;
import static vn.actionmonth.plan.TestSupport.plan;
import static vn.actionmonth.plan.TestSupport.system;
import static vn.actionmonth.plan.TestSupport.unit;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class PlanApiTest {

    @Inject
    AgroalDataSource dataSource;

    /**
     * The fields a planner writes; the rest (id, status, revision, version, year) the service sets. These tests write
     * as a client that knows one requirement per plan does: reportingRequirement alone, without its id.
     */
    private static final List<String> SERVER_FIELDS = List.of("id", "status", "revision", "version", "year", "warnings",
            "reportingRequirements");

    @ParameterizedTest
    @ValueSource(strings = {"lc-2024", "ls-75", "ls-snv-2024", "kt-124", "nt-2024"})
    void eachSamplePlanRoundTripsThroughTheApiWithEveryFieldIntact(String key) throws Exception {
        JsonNode published = read(plan(key));
        ObjectNode input = published.deepCopy();
        SERVER_FIELDS.forEach(input::remove);
        withoutRequirementId(input);
        UUID issuer = UUID.fromString(published.get("issuerId").asText());

        Response created = given().auth().oauth2(as(issuer, "planner")).contentType(ContentType.JSON).body(input.toString())
                .post("/api/v1/plans");
        created.then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith(created.path("id")))
                .header("ETag", "\"1\"").body("status", equalTo("DRAFT"));

        ObjectNode copy = read(UUID.fromString(created.path("id"))).deepCopy();
        SERVER_FIELDS.forEach(copy::remove);
        assertThat(withoutRequirementId(copy)).isEqualTo(input);
    }

    @Test
    void theLaiChauPlanIsTranscribedFaithfully() {
        given().auth().oauth2(system()).get("/api/v1/plans/" + plan("lc-2024")).then().statusCode(200)
                .body("number", equalTo("/KH-UBND"))
                .body("title", equalTo("Triển khai Tháng hành động vì trẻ em tỉnh Lai Châu năm 2024"))
                .body("issuerId", equalTo(admin("12").toString()))
                .body("dateLine", equalTo("Lai Châu, ngày tháng năm 2024"))
                .body("basisPlanId", equalTo(plan("guidance-982").toString()))
                .body("basisDocuments", equalTo(List.of("Luật Trẻ em năm 2016")))
                .body("theme", equalTo("Hành động thiết thực, ưu tiên nguồn lực cho trẻ em"))
                .body("periodStart", equalTo("2024-06-01")).body("periodEnd", equalTo("2024-06-30"))
                .body("messages.size()", equalTo(12))
                .body("messages[6]", equalTo("Tổng đài 111- Tiếp nhận thông tin mọi lúc, bảo vệ trẻ em mọi nơi."))
                .body("assignments.size()", equalTo(14))
                .body("assignments[0].unit.unitId", equalTo(unit("LC-SLDTBXH").toString()))
                .body("assignments[0].tasks.size()", equalTo(4))
                // "Các sở, ban, ngành, đoàn thể tỉnh" as listed, "UBND các huyện, thành phố" by rule
                .body("reportingRequirement.reportingUnitIds.size()", equalTo(12))
                .body("reportingRequirement.unitRule.kinds", equalTo(List.of("DISTRICT")))
                .body("reportingRequirement.recipientId", equalTo(admin("12").toString()))
                .body("reportingRequirement.viaUnitId", equalTo(unit("LC-SLDTBXH").toString()))
                .body("reportingRequirement.dueAt", equalTo("2024-07-20T00:00:00+07:00"))
                .body("reportingRequirement.dueText", equalTo("trước ngày 20/7/2024"))
                .body("recipients.size()", equalTo(7))
                .body("recipients[0]", equalTo("Bộ Lao động – TBXH (b/c);"))
                .body("signer.name", equalTo("Tổng Thanh Hải"))
                .body("signer.title", equalTo("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"))
                .body("status", equalTo("PUBLISHED")).body("revision", equalTo(1));
    }

    @Test
    void publishingEmitsOneObligationPerReportingUnitWithTheRightDueInstant() throws Exception {
        UUID id = draftCopyOf("ls-75", input -> { });
        UUID snv = unit("LS-SNV");
        given().auth().oauth2(as(admin("20"), "planner")).post("/api/v1/plans/" + id + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("revision", equalTo(1));

        List<String> obligations = given().auth().oauth2(system()).get("/api/v1/plans/" + id + "/obligations").then()
                .statusCode(200).extract().path("id");
        assertThat(obligations).hasSize(1);
        String obligationId = obligations.get(0);

        ConsumerRecord<String, byte[]> event = await().atMost(Duration.ofSeconds(60)).until(
                () -> TestSupport.readAll(Topics.OBLIGATIONS).stream().filter(r -> obligationId.equals(r.key())).findFirst(),
                java.util.Optional::isPresent).get();
        assertThat(TestSupport.header(event, "ce_type")).isEqualTo("ObligationCreated");
        assertThat(TestSupport.header(event, "ce_source")).isEqualTo("/plan-service");
        assertThat(TestSupport.header(event, "ce_subject")).isEqualTo("obligation/" + obligationId);
        assertThat(TestSupport.header(event, "ce_specversion")).isEqualTo("1.0");
        assertThat(TestSupport.header(event, "ce_id")).isNotBlank();
        JsonNode o = TestSupport.body(event).get("obligation");
        assertThat(o.get("planId").asText()).isEqualTo(id.toString());
        assertThat(o.get("unitId").asText()).isEqualTo(snv.toString());
        assertThat(o.get("recipientId").asText()).isEqualTo(unit("LS-SLDTBXH").toString());
        assertThat(java.time.OffsetDateTime.parse(o.get("dueAt").asText()))
                .isEqualTo(java.time.OffsetDateTime.parse("2024-07-20T00:00+07:00"));
        assertThat(o.get("status").asText()).isEqualTo("OPEN");
        assertThat(o.get("campaignYear").asInt()).isEqualTo(2024);
    }

    @Test
    void theSamplePlansCreatedObligationsForTheOtherServices() {
        given().auth().oauth2(system()).get("/api/v1/plans/" + plan("lc-2024") + "/obligations").then().statusCode(200)
                .body("size()", equalTo(20)).body("dueAt", hasItem("2024-07-20T00:00:00+07:00"))
                .body("unitId", hasItem(unit("LC-SGDDT").toString()));
        given().auth().oauth2(system()).get("/api/v1/plans/" + plan("kt-124") + "/obligations").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].unitId", equalTo(admin("23305").toString()))
                .body("[0].recipientId", equalTo(admin("608").toString()))
                .body("[0].viaUnitId", equalTo(unit("KT-TP-PLDTBXH").toString()))
                .body("[0].dueAt", equalTo("2024-06-30T00:00:00+07:00"));
    }

    @Test
    void aBasisThatIsNotPublishedIsRefusedAndNothingIsWritten() throws Exception {
        // The province's draft: issued above Sở Nội vụ, in the same campaign; only unpublished.
        UUID draftBasis = draftCopyOf("ls-75", input -> { });
        Writes before = writes();
        ObjectNode input = inputOf("ls-snv-2024");
        input.put("basisPlanId", draftBasis.toString());
        refused(as(unit("LS-SNV"), "planner"), input, "basisPlanId")
                .body("violations.find { it.field == 'basisPlanId' }.message", containsString("is DRAFT, not PUBLISHED"))
                .body("violations.size()", equalTo(1));
        assertThat(writes()).isEqualTo(before);
    }

    @Test
    void aBasisIssuedByAUnitNotAboveTheIssuerIsRefused() throws Exception {
        Writes before = writes();
        ObjectNode input = inputOf("ls-snv-2024");
        input.put("basisPlanId", plan("lc-2024").toString());
        refused(as(unit("LS-SNV"), "planner"), input, "basisPlanId")
                .body("violations[0].message", containsString("is not above"));
        assertThat(writes()).isEqualTo(before);
    }

    @Test
    void reportingUnitsOutsideTheIssuersSubtreeAreRefused() throws Exception {
        Writes before = writes();
        ObjectNode input = inputOf("ls-75");
        ((ArrayNode) input.get("reportingRequirement").get("reportingUnitIds")).add(unit("LC-SGDDT").toString());
        refused(as(admin("20"), "planner"), input, "reportingRequirement.reportingUnitIds[1]");
        assertThat(writes()).isEqualTo(before);
    }

    @Test
    void aDeadlineBeforeThePeriodsEndIsRefused() throws Exception {
        Writes before = writes();
        ObjectNode input = inputOf("ls-75");
        ((ObjectNode) input.get("reportingRequirement")).put("dueAt", "2024-06-15T00:00:00+07:00");
        refused(as(admin("20"), "planner"), input, "reportingRequirement.dueAt");
        assertThat(writes()).isEqualTo(before);
    }

    @Test
    void reportsGoToTheIssuerOrItsNamedConsolidatingUnitNeverElsewhere() throws Exception {
        Writes before = writes();
        String ward = as(admin("23305"), "planner");
        // Phường Nguyễn Trãi collects the report of its school. It cannot send it to the city above it,
        // to a province elsewhere, or through a consolidating unit outside its subtree.
        for (UUID elsewhere : List.of(admin("608"), admin("12"), unit("LC-SLDTBXH"))) {
            refused(ward, wardPlanWhereTheSchoolReportsTo(elsewhere, null), "reportingRequirement.recipientId");
        }
        refused(ward, wardPlanWhereTheSchoolReportsTo(unit("KT-TP-PLDTBXH"), unit("KT-TP-PLDTBXH")),
                "reportingRequirement.viaUnitId");
        assertThat(writes()).isEqualTo(before);

        given().auth().oauth2(ward).contentType(ContentType.JSON)
                .body(wardPlanWhereTheSchoolReportsTo(admin("23305"), null).toString()).post("/api/v1/plans").then()
                .statusCode(201);
    }

    @Test
    void aUnitDoesNotReportToItselfSoNobodyApprovesTheirOwnReport() throws Exception {
        Writes before = writes();
        ObjectNode input = wardPlanWhereTheSchoolReportsTo(admin("23305"), null);
        ((ArrayNode) input.get("reportingRequirement").get("reportingUnitIds")).add(admin("23305").toString());
        refused(as(admin("23305"), "planner"), input, "reportingRequirement.reportingUnitIds[1]")
                .body("violations[0].message", containsString("does not report to itself"));
        ObjectNode throughItself = inputOf("ls-75");
        ((ObjectNode) throughItself.get("reportingRequirement")).put("recipientId", unit("LS-SNV").toString())
                .put("viaUnitId", unit("LS-SNV").toString());
        refused(as(admin("20"), "planner"), throughItself, "reportingRequirement.reportingUnitIds[0]");
        assertThat(writes()).isEqualTo(before);
    }

    @Test
    void aPlanGivesTasksOnlyWithinItsIssuersSubtreeAndNamesOnlyUnitsWithinReach() throws Exception {
        Writes before = writes();
        String ward = as(admin("23305"), "planner");
        // Tasks for the ministry or for another province are refused, whatever the ward writes.
        for (UUID outside : List.of(SampleData.ministryId(), admin("12"), admin("608"))) {
            ObjectNode input = inputOf("nt-2024");
            ((ObjectNode) input.get("assignments").get(0).get("unit")).put("unitId", outside.toString());
            refused(ward, input, "assignments[0].unit.unitId");
        }
        ObjectNode activity = inputOf("nt-2024");
        activity.set("activities", TestSupport.JSON.createArrayNode().add(TestSupport.JSON.createObjectNode()
                .put("title", "Tặng quà trẻ em có hoàn cảnh đặc biệt")
                .set("coordinatingUnits", TestSupport.JSON.createArrayNode()
                        .add(TestSupport.JSON.createObjectNode().put("unitId", unit("LC-HLHPN").toString())
                                .put("name", "Hội LHPN tỉnh Lai Châu")))));
        refused(ward, activity, "activities[0].coordinatingUnits[0].unitId");
        assertThat(writes()).isEqualTo(before);

        // Its ancestors and its parent's other units are within reach for an activity.
        ((ObjectNode) activity.get("activities").get(0).get("coordinatingUnits").get(0))
                .put("unitId", unit("KT-TP-PLDTBXH").toString()).put("name", "Phòng LĐTBXH thành phố");
        ((ObjectNode) activity.get("activities").get(0)).set("leadUnit", TestSupport.JSON.createObjectNode()
                .put("unitId", admin("608").toString()).put("name", "UBND thành phố Kon Tum"));
        given().auth().oauth2(ward).contentType(ContentType.JSON).body(activity.toString()).post("/api/v1/plans").then()
                .statusCode(201);
    }

    @Test
    void aPlannerIssuesPlansOfItsOwnUnitOnly() throws Exception {
        Writes before = writes();
        given().auth().oauth2(as(unit("LS-SLDTBXH"), "planner")).contentType(ContentType.JSON)
                .body(inputOf("ls-snv-2024").toString()).post("/api/v1/plans").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(as(unit("LS-SNV"), "viewer")).contentType(ContentType.JSON)
                .body(inputOf("ls-snv-2024").toString()).post("/api/v1/plans").then().statusCode(403);
        assertThat(writes()).isEqualTo(before);
    }

    @Test
    void aPublishedPlanChangesOnlyByARecordedAmendmentAndItsObligationsFollow() throws Exception {
        UUID id = draftCopyOf("ls-75", input -> { });
        String planner = as(admin("20"), "planner");
        String etag = given().auth().oauth2(planner).post("/api/v1/plans/" + id + "/publish").then().statusCode(200)
                .extract().header("ETag");
        ObjectNode changed = (ObjectNode) read(id).deepCopy();
        List.of("id", "status", "revision", "version", "year").forEach(changed::remove);
        ((ObjectNode) changed.get("reportingRequirement")).put("dueAt", "2024-07-25T00:00:00+07:00");

        given().auth().oauth2(planner).header("If-Match", etag).contentType(ContentType.JSON).body(changed.toString())
                .put("/api/v1/plans/" + id).then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(planner).contentType(ContentType.JSON)
                .body("{\"reason\":\"Lùi hạn báo cáo\",\"plan\":" + changed + "}")
                .post("/api/v1/plans/" + id + "/amendments").then().statusCode(428);
        given().auth().oauth2(planner).header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"reason\":\"Lùi hạn báo cáo\",\"plan\":" + changed + "}")
                .post("/api/v1/plans/" + id + "/amendments").then().statusCode(200)
                .body("revision", equalTo(2)).body("reportingRequirement.dueAt", equalTo("2024-07-25T00:00:00+07:00"));

        given().auth().oauth2(system()).get("/api/v1/plans/" + id + "/obligations").then()
                .body("[0].dueAt", equalTo("2024-07-25T00:00:00+07:00")).body("[0].version", equalTo(2));
        given().auth().oauth2(system()).get("/api/v1/plans/" + id + "/revisions").then().statusCode(200)
                .body("action", equalTo(List.of("CREATED", "PUBLISHED", "AMENDED")))
                .body("[2].reason", equalTo("Lùi hạn báo cáo"))
                .body("[1].plan.reportingRequirement.dueAt", equalTo("2024-07-20T00:00:00+07:00"))
                .body("[2].plan.reportingRequirement.dueAt", equalTo("2024-07-25T00:00:00+07:00"));

        given().auth().oauth2(planner).contentType(ContentType.JSON).body("{\"reason\":\"Đã tổng hợp\"}")
                .post("/api/v1/plans/" + id + "/close").then().statusCode(200).body("status", equalTo("CLOSED"));
        given().auth().oauth2(system()).get("/api/v1/plans/" + id + "/obligations").then()
                .body("[0].status", equalTo("CANCELLED"));
        String obligation = given().auth().oauth2(system()).get("/api/v1/plans/" + id + "/obligations").path("[0].id");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(TestSupport.readAll(Topics.OBLIGATIONS).stream()
                .filter(r -> obligation.equals(r.key())).map(r -> TestSupport.header(r, "ce_type")).toList())
                .containsExactly("ObligationCreated", "ObligationChanged", "ObligationCancelled"));
    }

    @Test
    void theChainOfBasesLeadsUpToTheMinistryGuidance() {
        given().auth().oauth2(as(unit("LS-SNV"), "viewer")).get("/api/v1/plans/" + plan("ls-snv-2024") + "/basis-chain")
                .then().statusCode(200).body("number", equalTo(List.of("75/KH-UBND", "982/LĐTBXH-CTE")));
        given().auth().oauth2(system()).get("/api/v1/plans/" + plan("ls-75") + "/implementing-plans").then().statusCode(200)
                .body("id", hasItem(plan("ls-snv-2024").toString()));
    }

    @Test
    void coverageTellsWhichExpectedUnitsHaveIssuedTheirOwnPlan() throws Exception {
        ObjectNode input = inputOf("ls-snv-2024");
        input.put("issuerId", unit("LC-SGDDT").toString());
        input.put("basisPlanId", plan("lc-2024").toString());
        input.put("number", "/KH-SGDĐT");
        ((ObjectNode) input.get("reportingRequirement")).set("reportingUnitIds", TestSupport.JSON.createArrayNode());
        input.set("assignments", TestSupport.JSON.createArrayNode());
        String planner = as(unit("LC-SGDDT"), "planner");
        String id = given().auth().oauth2(planner).contentType(ContentType.JSON).body(input.toString())
                .post("/api/v1/plans").then().statusCode(201).extract().path("id");
        given().auth().oauth2(planner).post("/api/v1/plans/" + id + "/publish").then().statusCode(200);

        given().auth().oauth2(as(admin("12"), "viewer")).get("/api/v1/plans/" + plan("lc-2024") + "/coverage").then()
                .statusCode(200).body("expected", equalTo(20))
                .body("issued.unit.id", equalTo(List.of(unit("LC-SGDDT").toString())))
                .body("missing.size()", equalTo(19)).body("missing.id", hasItem(unit("LC-SYT").toString()));
    }

    @Test
    void plansAreFoundByCampaignIssuerStatusYearAndNumber() {
        given().auth().oauth2(system()).queryParam("number", "75/KH-UBND").queryParam("year", 2024)
                .queryParam("status", "PUBLISHED").get("/api/v1/plans").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(plan("ls-75").toString()));
        given().auth().oauth2(system()).queryParam("issuerId", admin("23305"))
                .queryParam("campaignId", SampleData.id("campaign:2024"))
                .get("/api/v1/plans").then().statusCode(200).body("items.id", hasItem(plan("nt-2024").toString()));
        // A ward reads its own plan and its ancestors' plans, not another province's.
        given().auth().oauth2(as(admin("23305"), "viewer")).get("/api/v1/plans/" + plan("kt-124")).then().statusCode(200);
        given().auth().oauth2(as(admin("23305"), "viewer")).get("/api/v1/plans/" + plan("lc-2024")).then().statusCode(403);
    }

    // ---- helpers

    private static JsonNode read(UUID id) throws Exception {
        String body = given().auth().oauth2(system()).get("/api/v1/plans/" + id).then().statusCode(200).extract().asString();
        return TestSupport.JSON.readTree(body);
    }

    @Test
    void aPlanThatBendsARuleIsAcceptedWithWarningsKeptOnIt() throws Exception {
        // The ward's plan with a period in the year before its campaign, issued after the period began, and its
        // school's report due no earlier than the city needs the ward's own (30/6/2024).
        UUID id = draftCopyOf("nt-2024", input -> {
            input.put("periodStart", "2023-06-01");
            input.put("issueDate", "2023-06-15");
            ObjectNode r = input.putObject("reportingRequirement");
            r.putArray("reportingUnitIds").add(unit("NT-TH-THCS-ND").toString());
            r.put("recipientId", admin("23305").toString()).put("indicatorSetCode", "CAM")
                    .put("dueAt", "2024-07-01T00:00:00+07:00");
        });
        given().auth().oauth2(system()).get("/api/v1/plans/" + id).then().statusCode(200)
                .body("warnings.field", equalTo(List.of("periodStart", "issueDate", "reportingRequirement.dueAt")))
                .body("warnings[0].message", equalTo("the period starts in 2023, the campaign is of 2024"));

        // Put right, the warnings go.
        String etag = given().auth().oauth2(system()).get("/api/v1/plans/" + id).then().extract().header("ETag");
        ObjectNode fixed = inputOf("nt-2024");
        fixed.put("number", "/KH-UBND");
        given().auth().oauth2(as(admin("23305"), "planner")).contentType(ContentType.JSON).header("If-Match", etag)
                .body(fixed.toString()).put("/api/v1/plans/" + id).then().statusCode(200).body("warnings", equalTo(List.of()));
    }

    @Test
    void anActivityCarriesItsDaysItsPlaceAndSeveralLeadUnits() throws Exception {
        ObjectNode swim = TestSupport.JSON.createObjectNode().put("title", "Tổ chức lớp dạy bơi an toàn cho trẻ em")
                .put("startDate", "2024-06-03").put("endDate", "2024-06-28").put("place", "Bể bơi Trung tâm Văn hóa thành phố");
        swim.putArray("leadUnits").add(TestSupport.JSON.createObjectNode().put("unitId", admin("608").toString())
                        .put("name", "UBND thành phố Kon Tum"))
                .add(TestSupport.JSON.createObjectNode().put("unitId", unit("KT-TP-PLDTBXH").toString())
                        .put("name", "Phòng Lao động - Thương binh và Xã hội"));
        swim.putArray("coordinatingUnits").add(TestSupport.JSON.createObjectNode().put("name", "Đoàn Thanh niên các phường"));
        UUID id = draftCopyOf("kt-124", input -> input.putArray("activities").add(swim));
        given().auth().oauth2(system()).get("/api/v1/plans/" + id).then().statusCode(200)
                .body("activities[0].startDate", equalTo("2024-06-03")).body("activities[0].endDate", equalTo("2024-06-28"))
                .body("activities[0].place", equalTo("Bể bơi Trung tâm Văn hóa thành phố"))
                .body("activities[0].leadUnits.name", equalTo(List.of("UBND thành phố Kon Tum",
                        "Phòng Lao động - Thương binh và Xã hội")))
                .body("warnings", equalTo(List.of()));

        Writes before = writes();
        ObjectNode backwards = inputOf("kt-124");
        backwards.putArray("activities").add(swim.deepCopy().put("endDate", "2024-06-01"));
        refused(as(admin("608"), "planner"), backwards, "activities[0].endDate");
        ObjectNode outsideReach = inputOf("kt-124");
        ObjectNode far = swim.deepCopy();
        ((ArrayNode) far.get("leadUnits")).add(TestSupport.JSON.createObjectNode().put("unitId", admin("12").toString())
                .put("name", "UBND tỉnh Lai Châu"));
        outsideReach.putArray("activities").add(far);
        refused(as(admin("608"), "planner"), outsideReach, "activities[0].leadUnits[2].unitId");
        assertThat(writes()).isEqualTo(before);

        UUID late = draftCopyOf("kt-124", input -> input.putArray("activities").add(swim.deepCopy()
                .put("startDate", "2024-08-01").put("endDate", "2024-08-15")));
        given().auth().oauth2(system()).get("/api/v1/plans/" + late).then()
                .body("warnings.field", equalTo(List.of("activities[0]")));
    }

    @Test
    void aDeadlineByRuleIsResolvedWhenThePlanIsWrittenAndSaysWhatGaveIt() throws Exception {
        // Sở Nội vụ Lạng Sơn asks its office to report ten days before the province's own deadline (20/7/2024).
        UUID id = draftCopyOf("ls-snv-2024", input -> reportingOfTheOffice(input).putObject("dueRule")
                .put("type", "BASIS_MINUS_DAYS").put("days", 10));
        String planner = as(unit("LS-SNV"), "planner");
        given().auth().oauth2(system()).get("/api/v1/plans/" + id).then().statusCode(200)
                .body("reportingRequirement.dueAt", equalTo("2024-07-10T00:00:00+07:00"))
                .body("reportingRequirement.dueRule.type", equalTo("BASIS_MINUS_DAYS"))
                .body("reportingRequirement.dueResolution", equalTo("plan 75/KH-UBND is due before 20/07/2024; less 10 days"));
        given().auth().oauth2(planner).post("/api/v1/plans/" + id + "/publish").then().statusCode(200);
        given().auth().oauth2(system()).get("/api/v1/plans/" + id + "/obligations").then()
                .body("dueAt", equalTo(List.of("2024-07-10T00:00:00+07:00")));

        // "trước ngày 15/7 hằng năm": the day of the campaign's year.
        UUID yearly = draftCopyOf("ls-snv-2024", input -> reportingOfTheOffice(input).putObject("dueRule")
                .put("type", "DAY_OF_MONTH").put("day", 15).put("month", 7));
        given().auth().oauth2(system()).get("/api/v1/plans/" + yearly).then()
                .body("reportingRequirement.dueAt", equalTo("2024-07-15T00:00:00+07:00"));

        // Refused, naming the field, with nothing written: both a date and a rule; a default the campaign lacks; 31/2.
        Writes before = writes();
        ObjectNode both = inputOf("ls-snv-2024");
        reportingOfTheOffice(both).put("dueAt", "2024-07-10T00:00:00+07:00").putObject("dueRule").put("type", "CAMPAIGN_DEFAULT");
        refused(planner, both, "reportingRequirement.dueRule");
        ObjectNode noDefault = inputOf("ls-snv-2024");
        reportingOfTheOffice(noDefault).putObject("dueRule").put("type", "CAMPAIGN_DEFAULT");
        refused(planner, noDefault, "reportingRequirement.dueRule");
        ObjectNode noSuchDay = inputOf("ls-snv-2024");
        reportingOfTheOffice(noSuchDay).putObject("dueRule").put("type", "DAY_OF_MONTH").put("day", 31).put("month", 2);
        refused(planner, noSuchDay, "reportingRequirement.dueRule.day");
        assertThat(writes()).isEqualTo(before);
    }

    /** The department's office reports to the department, deadline left to the caller. */
    private static ObjectNode reportingOfTheOffice(ObjectNode input) {
        ObjectNode r = input.putObject("reportingRequirement");
        r.putArray("reportingUnitIds").add(unit("LS-SNV-VP").toString());
        r.put("recipientId", unit("LS-SNV").toString()).put("indicatorSetCode", "CAM");
        return r;
    }

    private static ObjectNode inputOf(String sampleKey) throws Exception {
        ObjectNode input = read(plan(sampleKey)).deepCopy();
        SERVER_FIELDS.forEach(input::remove);
        withoutRequirementId(input);
        return input;
    }

    private static ObjectNode withoutRequirementId(ObjectNode plan) {
        if (plan.get("reportingRequirement") instanceof ObjectNode r) {
            r.remove("id");
        }
        return plan;
    }

    /** A draft of the sample plan, its number left blank as drafts have it (so that searches by number find the sample). */
    private static UUID draftCopyOf(String sampleKey, java.util.function.Consumer<ObjectNode> change) throws Exception {
        ObjectNode input = inputOf(sampleKey);
        input.put("number", "/KH-UBND");
        change.accept(input);
        UUID issuer = UUID.fromString(input.get("issuerId").asText());
        return UUID.fromString(given().auth().oauth2(as(issuer, "planner")).contentType(ContentType.JSON)
                .body(input.toString()).post("/api/v1/plans").then().statusCode(201).extract().path("id"));
    }

    private static ValidatableResponse refused(String token, ObjectNode input, String field) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(input.toString()).post("/api/v1/plans").then()
                .statusCode(400).contentType("application/problem+json").body("violations.field", hasItem(field));
    }

    /** Phường Nguyễn Trãi's plan, in which its school reports to {@code recipient} (through {@code via}). */
    private static ObjectNode wardPlanWhereTheSchoolReportsTo(UUID recipient, UUID via) throws Exception {
        ObjectNode input = inputOf("nt-2024");
        ObjectNode r = (ObjectNode) input.get("reportingRequirement");
        r.set("reportingUnitIds", TestSupport.JSON.createArrayNode().add(unit("NT-TH-THCS-ND").toString()));
        r.put("recipientId", recipient.toString());
        r.put("viaUnitId", via == null ? null : via.toString());
        r.put("indicatorSetCode", "CAM");
        r.put("dueAt", "2024-06-30T00:00:00+07:00");
        return input;
    }

    /** What a refused request must leave as it was: plans, their revisions and obligations, and the outbox. */
    record Writes(long plans, long revisions, long obligations, long outbox) {
    }

    private Writes writes() {
        return new Writes(count("plan"), count("plan_revision"), count("obligation"), count("outbox_event"));
    }

    private long count(String table) {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
