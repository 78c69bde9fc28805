package vn.actionmonth.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.actionmonth.devstack.DevStackTestResource;
import vn.actionmonth.plan.domain.PlanLimits;
import vn.actionmonth.plan.domain.UnitLimits;
import vn.actionmonth.testsupport.BadInputs;
import vn.actionmonth.testsupport.BadInputs.Bad;
import vn.actionmonth.testsupport.BadInputs.Operation;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.actionmonth.plan.TestSupport.admin;
import static vn.actionmonth.plan.TestSupport.plan;
import static vn.actionmonth.plan.TestSupport.system;

/**
 * Hundreds of malformed requests, generated from valid ones, against every write operation and
 * every paged list of plan-service: each is answered with a 4xx problem+json, never a 5xx, and
 * nothing at all is written (every table the API writes, the outbox included, keeps its rows).
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class BadInputTest {

    private static final long DEFAULT_BODY = vn.actionmonth.common.rest.MaxBody.DEFAULT;
    private static final List<String> TABLES = List.of("org_unit", "org_unit_parent_period", "campaign", "plan",
            "plan_revision", "obligation", "outbox_event");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void malformedRequestsAreRefusedWithProblemJsonAndChangeNothing() throws Exception {
        String city = admin("608").toString();
        String draft = draftPlan();
        String published = draftPlan();
        given().auth().oauth2(system()).post("/api/v1/plans/" + published + "/publish").then().statusCode(200);
        JsonNode openApi = TestSupport.JSON.readTree(given().accept("application/json").get("/q/openapi").asString());
        Map<String, Long> before = rowCounts();

        ObjectNode unit = TestSupport.JSON.createObjectNode().put("kind", "COMMUNE").put("name", "Phường Thử Nghiệm")
                .put("shortName", "P. Thử Nghiệm").put("adminCode", "99001").put("agencyCode", "000.00.00.X99")
                .put("email", "vanphong@thunghiem.kontum.gov.vn").put("phone", "0260 3862 123")
                .put("address", "Thành phố Kon Tum").put("parentId", city).put("validFrom", "2024-01-01")
                .put("validTo", "2030-01-01");
        ObjectNode cityNow = (ObjectNode) TestSupport.JSON.readTree(given().auth().oauth2(system())
                .get("/api/v1/units/" + city).asString());
        ObjectNode cityUpdate = unit.deepCopy().put("kind", "DISTRICT").put("name", cityNow.get("name").asText())
                .put("adminCode", "608").put("parentId", cityNow.get("parentId").asText());
        cityUpdate.remove("agencyCode");
        String cityEtag = given().auth().oauth2(system()).get("/api/v1/units/" + city).header("ETag");
        ObjectNode planInput = planInput(plan("lc-2024").toString());
        String draftEtag = given().auth().oauth2(system()).get("/api/v1/plans/" + draft).header("ETag");
        String publishedEtag = given().auth().oauth2(system()).get("/api/v1/plans/" + published).header("ETag");
        ObjectNode amendment = TestSupport.JSON.createObjectNode().put("reason", "Điều chỉnh thời hạn báo cáo");
        amendment.set("plan", planInput(published));
        ObjectNode campaign = TestSupport.JSON.createObjectNode().put("name", "Tháng hành động vì trẻ em năm 2031")
                .put("year", 2031).put("theme", "Hành động thiết thực, ưu tiên nguồn lực cho trẻ em")
                .put("periodStart", "2031-06-01").put("periodEnd", "2031-06-30");
        campaign.putArray("messages").add("Trẻ em hôm nay, thế giới ngày mai.");
        ObjectNode importRequest = TestSupport.JSON.createObjectNode().put("rootId", city).put("validFrom", "2024-01-01");
        importRequest.putArray("units").addObject().put("code", "99002").put("name", "Phường Nhập Thử").put("kind", "COMMUNE")
                .put("shortName", "P. Nhập Thử");

        List<Bad> bad = new ArrayList<>();
        bad.addAll(BadInputs.forBody(Operation.body("POST", "/api/v1/units", "/api/v1/units", unit, DEFAULT_BODY), openApi));
        Operation updateCity = Operation.body("PUT", "/api/v1/units/{id}", "/api/v1/units/" + city, cityUpdate, DEFAULT_BODY)
                .withHeaders(Map.of("If-Match", cityEtag));
        bad.addAll(BadInputs.forBody(updateCity, openApi));
        bad.addAll(BadInputs.forHeaders(updateCity, List.of("If-Match")));
        bad.addAll(BadInputs.forBody(Operation.body("POST", "/api/v1/units/{id}/retire", "/api/v1/units/" + city + "/retire",
                TestSupport.JSON.createObjectNode().put("effectiveTo", "2025-07-01"), DEFAULT_BODY), openApi));
        bad.addAll(BadInputs.forBody(Operation.body("POST", "/api/v1/units/{id}/move", "/api/v1/units/" + city + "/move",
                TestSupport.JSON.createObjectNode().put("parentId", admin("12").toString()).put("effectiveFrom", "2025-07-01"),
                DEFAULT_BODY), openApi));
        bad.addAll(BadInputs.forBody(Operation.body("POST", "/api/v1/unit-imports", "/api/v1/unit-imports", importRequest,
                UnitLimits.IMPORT_BODY), openApi));
        bad.addAll(BadInputs.forBody(Operation.body("POST", "/api/v1/campaigns", "/api/v1/campaigns", campaign, DEFAULT_BODY),
                openApi));
        bad.addAll(BadInputs.forBody(Operation.body("POST", "/api/v1/plans", "/api/v1/plans", planInput, PlanLimits.BODY),
                openApi));
        Operation updateDraft = Operation.body("PUT", "/api/v1/plans/{id}", "/api/v1/plans/" + draft, planInput,
                PlanLimits.BODY).withHeaders(Map.of("If-Match", draftEtag));
        bad.addAll(BadInputs.forBody(updateDraft, openApi));
        bad.addAll(BadInputs.forHeaders(updateDraft, List.of("If-Match")));
        Operation amend = Operation.body("POST", "/api/v1/plans/{id}/amendments", "/api/v1/plans/" + published + "/amendments",
                amendment, PlanLimits.BODY).withHeaders(Map.of("If-Match", publishedEtag));
        bad.addAll(BadInputs.forBody(amend, openApi));
        bad.addAll(BadInputs.forHeaders(amend, List.of("If-Match")));
        Operation close = Operation.body("POST", "/api/v1/plans/{id}/close", "/api/v1/plans/" + published + "/close",
                TestSupport.JSON.createObjectNode().put("reason", "Đã tổng hợp báo cáo"), DEFAULT_BODY)
                .withHeaders(Map.of("If-Match", publishedEtag)).withOptionalBody();
        bad.addAll(BadInputs.forBody(close, openApi));
        bad.addAll(BadInputs.forHeaders(close, List.of("If-Match")));
        bad.addAll(BadInputs.forHeaders(Operation.noBody("POST", "/api/v1/plans/{id}/publish", "/api/v1/plans/" + draft
                + "/publish"), List.of("If-Match")));
        bad.addAll(csvImports(city));

        Map<String, List<Object>> badUuid = Map.of("campaignId", List.of("khong-phai-uuid"), "issuerId", List.of("123"));
        bad.addAll(BadInputs.forList("/api/v1/units", "/api/v1/units", Map.of("name", "nguyen trai"), Map.of()));
        bad.addAll(BadInputs.forList("/api/v1/plans", "/api/v1/plans", Map.of(), merge(badUuid,
                Map.of("status", List.of("DA_BAN_HANH", "published"), "year", List.of("năm 2024", 1e10)))));
        bad.addAll(BadInputs.forList("/api/v1/units/{id}/children", "/api/v1/units/" + city + "/children", Map.of(), Map.of()));
        bad.addAll(BadInputs.forList("/api/v1/units/{id}/subtree", "/api/v1/units/" + city + "/subtree", Map.of(), Map.of()));
        bad.add(new Bad("GET /api/v1/plans/{id} with an id that is no UUID", "GET", "/api/v1/plans/ke-hoach-75", Map.of(),
                Map.of(), null, (byte[]) null));

        int sent = BadInputs.send(bad, system());
        System.out.printf("bad input: %d malformed requests to plan-service, every one a 4xx problem+json%n", sent);
        assertThat(sent).isGreaterThan(500);
        assertThat(rowCounts()).as("rows of every table the API writes").isEqualTo(before);
    }

    /** CSV files that are broken: a NUL, an overlong name, an unknown kind, no header. */
    private static List<Bad> csvImports(String root) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("a NUL in a name", "code,name,parent_code\n99003,Phường\u0000Lỗi,\n");
        files.put("an overlong name", "code,name,parent_code\n99003," + "Đ".repeat(UnitLimits.NAME + 1) + ",\n");
        files.put("a name NFC lengthens", "code,name,parent_code\n99003," + "\uFB2C".repeat(UnitLimits.NAME / 2 + 1) + ",\n");
        files.put("an unknown kind", "code,name,kind\n99003,Phường Lỗi,PHUONG\n");
        files.put("no header", "");
        files.put("a code of letters", "code,name\nABCDE,Phường Lỗi\n");
        List<Bad> out = new ArrayList<>();
        files.forEach((what, csv) -> out.add(new Bad("POST /api/v1/unit-imports CSV: " + what, "POST", "/api/v1/unit-imports",
                Map.of("rootId", root), Map.of(), "text/csv", csv.getBytes(StandardCharsets.UTF_8))));
        return out;
    }

    private static ObjectNode planInput(String planId) throws Exception {
        ObjectNode p = (ObjectNode) TestSupport.JSON.readTree(given().auth().oauth2(system()).get("/api/v1/plans/" + planId)
                .then().statusCode(200).extract().asString());
        List.of("id", "status", "revision", "version", "year", "warnings", "reportingRequirements").forEach(p::remove);
        return p;
    }

    private static String draftPlan() throws Exception {
        ObjectNode input = planInput(plan("lc-2024").toString());
        input.put("number", "/KH-UBND");
        ((ObjectNode) input.get("reportingRequirement")).remove("id"); // the new plan's requirement is new
        return given().auth().oauth2(system()).contentType(ContentType.JSON).body(input.toString()).post("/api/v1/plans")
                .then().statusCode(201).extract().path("id");
    }

    private Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private static Map<String, List<Object>> merge(Map<String, List<Object>> a, Map<String, List<Object>> b) {
        Map<String, List<Object>> m = new LinkedHashMap<>(a);
        m.putAll(b);
        return m;
    }
}
