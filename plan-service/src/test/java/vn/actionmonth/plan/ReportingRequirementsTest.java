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
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.actionmonth.devstack.DevStackTestResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.actionmonth.plan.TestSupport.JSON;
import static vn.actionmonth.plan.TestSupport.admin;
import static vn.actionmonth.plan.TestSupport.as;
import static vn.actionmonth.plan.TestSupport.plan;
import static vn.actionmonth.plan.TestSupport.system;
import static vn.actionmonth.plan.TestSupport.unit;

/**
 * Reporting requirements as real plans write them: several per plan (interim and final), units
 * given by rule and kept up to date with the tree, deadlines from the plan above, copies, and a
 * unit's report up marked as its consolidated report once it receives reports itself.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class ReportingRequirementsTest {

    @Inject
    AgroalDataSource dataSource;

    private static final String PROVINCE_PLANNER = as(admin("12"), "planner");

    @Test
    void aPlanWithAnInterimAndAFinalRequirementOwesEachUnitOneReportOfEachKind() throws Exception {
        List<UUID> districts = districtsOfLaiChau();
        UUID id = published(laiChauPlan(interimOfDistricts(), finalOfDistrictsAndHealth()));

        JsonNode view = read(id);
        JsonNode requirements = view.get("reportingRequirements");
        assertThat(requirements).hasSize(2);
        assertThat(view.get("reportingRequirement")).as("the main one, for clients of one requirement")
                .isEqualTo(requirements.get(1));
        String interim = requirements.get(0).get("id").asText();
        String fin = requirements.get(1).get("id").asText();

        JsonNode obligations = obligationsOf(id);
        Map<String, List<JsonNode>> byRequirement = new java.util.HashMap<>();
        obligations.forEach(o -> byRequirement.computeIfAbsent(o.get("requirementId").asText(), k -> new ArrayList<>()).add(o));
        assertThat(byRequirement.get(interim)).hasSize(districts.size())
                .allSatisfy(o -> {
                    assertThat(o.get("kind").asText()).isEqualTo("INTERIM");
                    assertThat(o.get("dueAt").asText()).isEqualTo("2024-06-20T00:00:00+07:00");
                    assertThat(o.get("viaUnitId").asText()).isEqualTo(unit("LC-SLDTBXH").toString());
                });
        assertThat(byRequirement.get(fin)).hasSize(districts.size() + 1)
                .allSatisfy(o -> assertThat(o.get("kind").asText()).isEqualTo("FINAL"));
        assertThat(byRequirement.get(fin).stream().map(o -> UUID.fromString(o.get("unitId").asText())).toList())
                .containsAll(districts).contains(unit("LC-SYT"));
    }

    @Test
    void anEmptyRequirementListBesideTheSingleRequirementLeavesTheSingleOneStanding() throws Exception {
        // What a generated client sends when it fills only the single requirement: the list as [].
        ObjectNode plan = laiChauPlan();
        plan.set("reportingRequirement", finalOfDistrictsAndHealth());

        UUID id = published(plan);

        JsonNode view = read(id);
        assertThat(view.get("reportingRequirements")).hasSize(1);
        assertThat(obligationsOf(id)).hasSize(districtsOfLaiChau().size() + 1)
                .allSatisfy(o -> assertThat(o.get("kind").asText()).isEqualTo("FINAL"));
    }

    @Test
    void unitsGivenByRuleFollowTheTreeWhileThePlanIsOpen() throws Exception {
        UUID id = published(laiChauPlan(finalOfDistrictsAndHealth()));
        int before = open(obligationsOf(id)).size();

        String admin = as(admin("12"), "admin");
        String district = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(JSON.createObjectNode().put("kind", "DISTRICT").put("name", "Huyện Thử Nghiệm")
                        .put("parentId", admin("12").toString()).put("validFrom", "2024-01-01").toString())
                .post("/api/v1/units").then().statusCode(201).extract().path("id");
        List<JsonNode> owed = open(obligationsOf(id));
        assertThat(owed).hasSize(before + 1);
        assertThat(owed.stream().map(o -> o.get("unitId").asText())).contains(district);

        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"effectiveTo\":\"2024-12-31\"}")
                .post("/api/v1/units/" + district + "/retire").then().statusCode(200);
        assertThat(open(obligationsOf(id))).hasSize(before)
                .noneSatisfy(o -> assertThat(o.get("unitId").asText()).isEqualTo(district));
        assertThat(obligationsOf(id).findValues("status").stream().map(JsonNode::asText)).contains("CANCELLED");
    }

    @Test
    void aCityPlanDueByRuleMakesTheCitysReportUpItsConsolidatedReport() throws Exception {
        // Kon Tum province asks its city for a report by 20/7; the city asks its wards "theo quy định":
        // ten days before its own deadline.
        ObjectNode provincePlan = JSON.createObjectNode().put("title", "Tháng hành động vì trẻ em tỉnh Kon Tum năm 2024")
                .put("issuerId", admin("62").toString()).put("campaignId", campaign().toString())
                .put("basisPlanId", plan("guidance-982").toString());
        provincePlan.putArray("reportingRequirements").addObject().put("recipientId", admin("62").toString())
                .put("indicatorSetCode", "CAM").put("dueAt", "2024-07-20T00:00:00+07:00")
                .putArray("reportingUnitIds").add(admin("608").toString());
        UUID province = published(provincePlan, as(admin("62"), "planner"));
        UUID city = admin("608");
        JsonNode owedUp = obligationOf(province, city);
        assertThat(owedUp.get("consolidates").asBoolean()).isFalse();

        ObjectNode cityPlan = JSON.createObjectNode().put("title", "Tháng hành động vì trẻ em thành phố năm 2024")
                .put("issuerId", city.toString()).put("campaignId", campaign().toString())
                .put("basisPlanId", province.toString());
        ObjectNode r = cityPlan.putArray("reportingRequirements").addObject()
                .put("text", "UBND các phường, xã báo cáo kết quả về UBND thành phố theo quy định")
                .put("recipientId", city.toString()).put("indicatorSetCode", "CAM");
        r.putObject("unitRule").putArray("kinds").add("COMMUNE");
        r.putObject("dueRule").put("type", "BASIS_MINUS_DAYS").put("days", 10);
        String planner = as(city, "planner");
        String id = given().auth().oauth2(planner).contentType(ContentType.JSON).body(cityPlan.toString())
                .post("/api/v1/plans").then().statusCode(201)
                .body("reportingRequirements[0].dueAt", equalTo("2024-07-10T00:00:00+07:00"))
                .body("reportingRequirements[0].dueResolution", containsString("less 10 days"))
                .extract().path("id");
        given().auth().oauth2(planner).post("/api/v1/plans/" + id + "/publish").then().statusCode(200);
        assertThat(open(obligationsOf(UUID.fromString(id)))).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(o -> assertThat(o.get("recipientId").asText()).isEqualTo(city.toString()))
                .anySatisfy(o -> assertThat(o.get("unitId").asText()).isEqualTo(admin("23305").toString()));

        JsonNode up = obligationOf(province, city);
        assertThat(up.get("consolidates").asBoolean()).as("the city now receives reports of its own").isTrue();
        assertThat(up.get("version").asLong()).isEqualTo(owedUp.get("version").asLong() + 1);

        given().auth().oauth2(planner).contentType(ContentType.JSON).body("{\"reason\":\"Thay bằng kế hoạch mới\"}")
                .post("/api/v1/plans/" + id + "/close").then().statusCode(200);
        assertThat(obligationOf(province, city).get("consolidates").asBoolean()).isFalse();
    }

    @Test
    void aPlanReadBackAndAmendedWithoutARequirementCancelsOnlyThatRequirementsObligations() throws Exception {
        UUID id = published(laiChauPlan(interimOfDistricts(), finalOfDistrictsAndHealth()));
        JsonNode before = obligationsOf(id);
        JsonNode view = read(id);
        String finalId = view.get("reportingRequirements").get(1).get("id").asText();

        // the whole plan as read, the interim report dropped: the single field still names the final one
        ObjectNode amended = view.deepCopy();
        List.of("id", "status", "revision", "version", "year", "warnings").forEach(amended::remove);
        ((ArrayNode) amended.get("reportingRequirements")).remove(0);
        given().auth().oauth2(PROVINCE_PLANNER).header("If-Match", "\"" + view.get("version").asLong() + "\"")
                .contentType(ContentType.JSON).body(JSON.createObjectNode().put("reason", "Bỏ báo cáo sơ kết")
                        .set("plan", amended).toString())
                .post("/api/v1/plans/" + id + "/amendments").then().statusCode(200)
                .body("reportingRequirements.size()", equalTo(1))
                .body("reportingRequirements[0].id", equalTo(finalId));

        JsonNode after = obligationsOf(id);
        for (JsonNode o : before) {
            JsonNode now = byId(after, o.get("id").asText());
            if (o.get("kind").asText().equals("INTERIM")) {
                assertThat(now.get("status").asText()).isEqualTo("CANCELLED");
                assertThat(now.get("requirementId").isNull()).as("its requirement is gone").isTrue();
            } else {
                assertThat(now.get("status").asText()).isEqualTo("OPEN");
                assertThat(now.get("version").asLong()).as("untouched").isEqualTo(o.get("version").asLong());
            }
        }
    }

    @Test
    void eachRequirementIsCheckedOnItsOwnAndNamedByItsPosition() throws Exception {
        long plans = count("plan");
        long requirements = count("reporting_requirement");
        List<UUID> districts = districtsOfLaiChau();

        ObjectNode copyOutside = finalOfDistrictsAndHealth();
        copyOutside.putArray("copyToUnitIds").add(admin("608").toString()); // a city of another province
        refused(laiChauPlan(interimOfDistricts(), copyOutside), "reportingRequirements[1].copyToUnitIds[0]");

        // a district collects its own communes' reports, not another district's
        ObjectNode toADistrict = JSON.createObjectNode().put("recipientId", districts.get(0).toString())
                .put("indicatorSetCode", "CAM").put("dueAt", "2024-07-10T00:00:00+07:00");
        toADistrict.putArray("reportingUnitIds").add(districts.get(1).toString());
        refused(laiChauPlan(finalOfDistrictsAndHealth(), toADistrict), "reportingRequirements[1].reportingUnitIds[0]");

        ObjectNode foreignId = laiChauPlan(finalOfDistrictsAndHealth().put("id", UUID.randomUUID().toString()));
        refused(foreignId, "reportingRequirements[0].id");

        assertThat(count("plan")).isEqualTo(plans);
        assertThat(count("reporting_requirement")).isEqualTo(requirements);
    }

    @Test
    void aStandingPlanAppliesToEachCampaignThatStartsWithinItsValidityWithItsDeadlineInThatYear() throws Exception {
        UUID city = admin("608");
        String planner = as(city, "planner");
        ObjectNode standing = JSON.createObjectNode().put("title", "Kế hoạch thường xuyên về công tác trẻ em của thành phố")
                .put("issuerId", city.toString()).put("validFrom", "2026-01-01");
        ObjectNode r = standing.putArray("reportingRequirements").addObject()
                .put("text", "UBND các phường, xã báo cáo kết quả về UBND thành phố trước ngày 05/7 hằng năm")
                .put("recipientId", city.toString()).put("indicatorSetCode", "CAM");
        r.putObject("unitRule").putArray("kinds").add("COMMUNE");
        r.putObject("dueRule").put("type", "DAY_OF_MONTH").put("day", 5).put("month", 7);

        ObjectNode dated = standing.deepCopy();
        ((ObjectNode) dated.get("reportingRequirements").get(0)).put("dueAt", "2027-07-05T00:00:00+07:00");
        given().auth().oauth2(planner).contentType(ContentType.JSON).body(dated.toString()).post("/api/v1/plans").then()
                .statusCode(400).body("violations.field", hasItem("reportingRequirements[0].dueAt"));
        ObjectNode both = standing.deepCopy().put("campaignId", campaign().toString());
        given().auth().oauth2(planner).contentType(ContentType.JSON).body(both.toString()).post("/api/v1/plans").then()
                .statusCode(400).body("violations.field", hasItem("validFrom"));

        UUID id = published(standing, planner);
        given().auth().oauth2(system()).get("/api/v1/plans/" + id).then().statusCode(200)
                .body("campaignId", org.hamcrest.Matchers.nullValue()).body("validFrom", equalTo("2026-01-01"));
        // the 2024 campaign started before its validity: nothing owed for it
        assertThat(open(obligationsOf(id))).isEmpty();

        String next = given().auth().oauth2(system()).contentType(ContentType.JSON)
                .body(JSON.createObjectNode().put("name", "Tháng hành động vì trẻ em năm 2027").put("year", 2027)
                        .put("theme", "Trẻ em được bảo vệ").put("periodStart", "2027-06-01").put("periodEnd", "2027-06-30")
                        .toString())
                .post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
        List<JsonNode> owed = open(obligationsOf(id));
        assertThat(owed).hasSizeGreaterThanOrEqualTo(5).allSatisfy(o -> {
            assertThat(o.get("campaignId").asText()).isEqualTo(next);
            assertThat(o.get("dueAt").asText()).isEqualTo("2027-07-05T00:00:00+07:00");
        });

        given().auth().oauth2(planner).contentType(ContentType.JSON).body("{\"reason\":\"Thay thế\"}")
                .post("/api/v1/plans/" + id + "/close").then().statusCode(200);
        assertThat(open(obligationsOf(id))).isEmpty();
    }

    // ---- the plans

    /** Lai Châu's plan under the ministry's guidance, with these requirements. */
    private static ObjectNode laiChauPlan(ObjectNode... requirements) {
        ObjectNode plan = JSON.createObjectNode().put("title", "Kế hoạch thử các chế độ báo cáo")
                .put("issuerId", admin("12").toString()).put("campaignId", campaign().toString())
                .put("basisPlanId", plan("guidance-982").toString());
        ArrayNode list = plan.putArray("reportingRequirements");
        for (ObjectNode r : requirements) {
            list.add(r);
        }
        return plan;
    }

    private static ObjectNode interimOfDistricts() {
        ObjectNode r = JSON.createObjectNode().put("kind", "INTERIM")
                .put("text", "UBND các huyện báo cáo sơ kết trước ngày 20/6/2024")
                .put("recipientId", admin("12").toString()).put("viaUnitId", unit("LC-SLDTBXH").toString())
                .put("indicatorSetCode", "CAM").put("dueAt", "2024-06-20T00:00:00+07:00");
        r.putObject("unitRule").put("depth", "CHILDREN").putArray("kinds").add("DISTRICT");
        return r;
    }

    private static ObjectNode finalOfDistrictsAndHealth() {
        ObjectNode r = JSON.createObjectNode().put("kind", "FINAL")
                .put("text", "Sở Y tế, UBND các huyện báo cáo kết quả về UBND tỉnh (qua Sở LĐTBXH) trước ngày 20/7/2024")
                .put("recipientId", admin("12").toString()).put("viaUnitId", unit("LC-SLDTBXH").toString())
                .put("indicatorSetCode", "CAM").put("dueAt", "2024-07-20T00:00:00+07:00");
        r.putArray("reportingUnitIds").add(unit("LC-SYT").toString());
        r.putObject("unitRule").putArray("kinds").add("DISTRICT");
        return r;
    }

    private static UUID published(ObjectNode plan) {
        return published(plan, PROVINCE_PLANNER);
    }

    private static UUID published(ObjectNode plan, String planner) {
        String id = given().auth().oauth2(planner).contentType(ContentType.JSON).body(plan.toString())
                .post("/api/v1/plans").then().statusCode(201).extract().path("id");
        given().auth().oauth2(planner).post("/api/v1/plans/" + id + "/publish").then().statusCode(200);
        return UUID.fromString(id);
    }

    private static void refused(ObjectNode plan, String field) {
        given().auth().oauth2(PROVINCE_PLANNER).contentType(ContentType.JSON).body(plan.toString()).post("/api/v1/plans")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem(field));
    }

    // ---- reads

    private static UUID campaign() {
        return UUID.fromString(given().auth().oauth2(system()).get("/api/v1/plans/" + plan("lc-2024")).then()
                .statusCode(200).extract().path("campaignId"));
    }

    private static List<UUID> districtsOfLaiChau() {
        List<String> kinds = given().auth().oauth2(system()).queryParam("size", 200)
                .get("/api/v1/units/" + admin("12") + "/children").then().statusCode(200).extract().path("items.kind");
        List<String> ids = given().auth().oauth2(system()).queryParam("size", 200)
                .get("/api/v1/units/" + admin("12") + "/children").then().extract().path("items.id");
        List<UUID> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if ("DISTRICT".equals(kinds.get(i))) {
                out.add(UUID.fromString(ids.get(i)));
            }
        }
        assertThat(out).as("Lai Châu's districts in the sample").hasSizeGreaterThan(1);
        return out;
    }

    private static JsonNode read(UUID id) throws Exception {
        return JSON.readTree(given().auth().oauth2(system()).get("/api/v1/plans/" + id).then().statusCode(200).extract()
                .asString());
    }

    private static JsonNode obligationsOf(UUID planId) throws Exception {
        Response r = given().auth().oauth2(system()).get("/api/v1/plans/" + planId + "/obligations");
        r.then().statusCode(200);
        return JSON.readTree(r.asString());
    }

    private static JsonNode obligationOf(UUID planId, UUID unitId) throws Exception {
        List<JsonNode> mine = open(obligationsOf(planId)).stream()
                .filter(o -> o.get("unitId").asText().equals(unitId.toString())).toList();
        assertThat(mine).hasSize(1);
        return mine.get(0);
    }

    private static List<JsonNode> open(JsonNode obligations) {
        List<JsonNode> out = new ArrayList<>();
        obligations.forEach(o -> {
            if ("OPEN".equals(o.get("status").asText())) {
                out.add(o);
            }
        });
        return out;
    }

    private static JsonNode byId(JsonNode obligations, String id) {
        for (JsonNode o : obligations) {
            if (o.get("id").asText().equals(id)) {
                return o;
            }
        }
        throw new AssertionError("no obligation " + id + " in " + obligations.findValues("id").stream()
                .map(JsonNode::asText).collect(Collectors.joining(", ")));
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
