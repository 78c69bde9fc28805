package vn.actionmonth.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.actionmonth.devstack.DevStackTestResource;
import vn.actionmonth.events.Topics;
import vn.actionmonth.plan.service.SampleData;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.actionmonth.plan.TestSupport.as;
import static vn.actionmonth.plan.TestSupport.system;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class ReorganisationTest {

    private static final String REFORM_DAY = "2025-07-01";

    @Test
    void theNationalReorganisationOf1July2025TurnsThePre2025TreeInto34ProvincesAnd3321Communes() throws IOException {
        UUID root = newRoot("Bộ Thử Sắp Xếp Toàn Quốc");
        importCsv(root, resource("units/units-before-2025-07-01.csv"));
        String admin = as(root, "admin");
        UUID kontum = byCode(admin, "62", null);
        UUID kontumCity = byCode(admin, "608", null);
        UUID laichau = byCode(admin, "12", null);
        UUID kontumDepartment = createUnit("DEPARTMENT", "Sở Lao động - Thương binh và Xã hội tỉnh Kon Tum", kontum);
        UUID cityOffice = createUnit("OFFICE", "Phòng Lao động - Thương binh và Xã hội thành phố Kon Tum", kontumCity);
        UUID laichauDepartment = createUnit("DEPARTMENT", "Sở Y tế tỉnh Lai Châu", laichau);
        UUID nguyenTrai = byCode(admin, "23305", null);
        UUID hanoi = byCode(admin, "01", null);

        JsonPath result = given().auth().oauth2(system()).multiPart("rootId", root.toString())
                .multiPart("effectiveDate", REFORM_DAY).multiPart("title", "Nghị quyết 202/2025/QH15 và các nghị quyết của "
                        + "Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính cấp xã năm 2025")
                .multiPart("units", "units.csv", resource("units/units-from-2025-07-01.csv").getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("lineage", "lineage.csv", resource("units/lineage-2025-07-01.csv").getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/reorganisations").then().statusCode(201).extract().jsonPath();
        System.out.printf("national reorganisation of %s: %d units created, %d continued, %d ceased, %d moved, %d lineage rows, %d ms%n",
                REFORM_DAY, result.getInt("unitsCreated"), result.getInt("unitsContinued"), result.getInt("unitsCeased"),
                result.getInt("unitsMoved"), result.getInt("lineageRows"), result.getLong("tookMs"));
        assertThat(result.getInt("unitsCreated") + result.getInt("unitsContinued")).isEqualTo(3355);
        assertThat(result.getInt("unitsCeased") + result.getInt("unitsContinued")).isEqualTo(10806);
        String id = result.getString("id");

        // The tree of today: 34 provinces and 3,321 communes, no districts; the departments moved with their province.
        List<Map<String, Object>> provinces = given().auth().oauth2(admin).queryParam("size", 100)
                .get("/api/v1/units/" + root + "/children").then().statusCode(200).body("total", equalTo(34))
                .extract().jsonPath().getList("items");
        assertThat(provinces).allSatisfy(p -> assertThat(p.get("kind")).isEqualTo("PROVINCE"));
        Map<String, Integer> kinds = new HashMap<>();
        List<String[]> today = export(admin, root, null);
        today.forEach(r -> kinds.merge(r[2], 1, Integer::sum));
        assertThat(kinds).containsEntry("PROVINCE", 34).containsEntry("COMMUNE", 3321).doesNotContainKey("DISTRICT")
                .containsEntry("DEPARTMENT", 2).containsEntry("OFFICE", 1);

        // A code names a unit together with a day.
        given().auth().oauth2(admin).queryParam("code", "15").get("/api/v1/units").then()
                .body("total", equalTo(1)).body("items[0].name", equalTo("Tỉnh Lào Cai"));
        given().auth().oauth2(admin).queryParam("code", "15").queryParam("asOf", "2025-06-30").get("/api/v1/units").then()
                .body("total", equalTo(1)).body("items[0].name", equalTo("Tỉnh Yên Bái"))
                .body("items[0].validTo", equalTo(REFORM_DAY));
        given().auth().oauth2(admin).queryParam("code", "23305").queryParam("asOf", "2025-06-30").get("/api/v1/units").then()
                .body("items[0].id", equalTo(nguyenTrai.toString())).body("items[0].name", equalTo("Phường Nguyễn Trãi"));
        given().auth().oauth2(admin).queryParam("name", "nguyen trai").queryParam("asOf", "2025-06-30").get("/api/v1/units")
                .then().body("items.id", hasItem(nguyenTrai.toString()));

        // Phường Nguyễn Trãi went whole into Phường Đăk Bla (23302) of Tỉnh Quảng Ngãi (51), which absorbed Kon Tum.
        JsonPath lineage = given().auth().oauth2(admin).get("/api/v1/units/" + nguyenTrai + "/lineage").then().statusCode(200)
                .extract().jsonPath();
        assertThat(lineage.getList("")).hasSize(1);
        assertThat(lineage.getString("[0].share")).isEqualTo("FULL");
        UUID dakBla = UUID.fromString(lineage.getString("[0].newUnitId"));
        UUID quangNgai = byCode(admin, "51", null);
        given().auth().oauth2(admin).get("/api/v1/units/" + dakBla).then().body("name", equalTo("Phường Đăk Bla"))
                .body("adminCode", equalTo("23302")).body("parentId", equalTo(quangNgai.toString()));
        given().auth().oauth2(admin).get("/api/v1/units/" + nguyenTrai).then().body("retired", equalTo(true))
                .body("validTo", equalTo(REFORM_DAY));
        given().auth().oauth2(admin).get("/api/v1/units/" + kontumDepartment).then().body("parentId", equalTo(quangNgai.toString()));
        given().auth().oauth2(admin).get("/api/v1/units/" + cityOffice).then().body("parentId", equalTo(quangNgai.toString()));
        given().auth().oauth2(admin).get("/api/v1/units/" + laichauDepartment).then().body("parentId", equalTo(laichau.toString()));
        assertThat(byCode(admin, "12", null)).as("Lai Châu kept its territory: the same unit").isEqualTo(laichau);
        assertThat(byCode(admin, "01", null)).as("so did Hà Nội").isEqualTo(hanoi);
        given().auth().oauth2(admin).get("/api/v1/units/" + kontumCity + "/lineage").then()
                .body("size()", equalTo(1)).body("[0].derived", equalTo(true)).body("[0].newUnitId", equalTo(quangNgai.toString()));

        // Every row of the lineage file is honoured: the same (new code, old code, share) triples, read back through the ids.
        Map<String, String> oldCodes = new HashMap<>();
        export(admin, root, "2025-06-30").forEach(r -> oldCodes.put(r[5], r[0]));
        Map<String, String> newCodes = new HashMap<>();
        today.forEach(r -> newCodes.put(r[5], r[0]));
        Set<String> recorded = new HashSet<>();
        for (Map<String, Object> edge : given().auth().oauth2(admin).get("/api/v1/reorganisations/" + id + "/lineage").then()
                .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("")) {
            if (!Boolean.TRUE.equals(edge.get("derived"))) {
                recorded.add(newCodes.get(edge.get("newUnitId")) + "<" + oldCodes.get(edge.get("oldUnitId")) + ":" + edge.get("share"));
            }
        }
        Set<String> inFile = new HashSet<>();
        String[] rows = resource("units/lineage-2025-07-01.csv").split("\n");
        for (int i = 1; i < rows.length; i++) {
            String[] f = rows[i].strip().split(",");
            inFile.add(f[1] + "<" + f[2] + ":" + f[4].toUpperCase());
        }
        assertThat(inFile).hasSize(10667);
        assertThat(recorded).isEqualTo(inFile);

        // The tree of 30 June 2025 is still there, whole.
        List<String[]> before = export(admin, root, "2025-06-30");
        assertThat(before).hasSize(1 + 10806 + 3);
        given().auth().oauth2(admin).queryParam("asOf", "2025-06-30").queryParam("size", 1)
                .get("/api/v1/units/" + kontum + "/subtree").then().body("total", equalTo(1 + 10 + 102 + 2));
    }

    @Test
    void aReorganisationIsCheckedWholeAndRefusedNamingEveryBadRowChangingNothing() {
        Tree t = smallTree("Bộ Thử Sắp Xếp Lỗi");
        ObjectNode bad = reorganisation(t.root, false);
        ArrayNode lineage = (ArrayNode) bad.get("lineage");
        lineage.add(edge("93001", "99999", "FULL"));                  // no such old unit
        lineage.add(edge("93002", "90001", "PARTIAL"));               // 90001 went whole to 93001 already
        ((ArrayNode) bad.get("units")).add(TestSupport.JSON.createObjectNode().put("code", "93009").put("name", "Xã Không Nguồn")
                .put("parentCode", "93"));                            // no lineage row
        long before = subtreeSize(t.root);
        given().auth().oauth2(system()).contentType(ContentType.JSON).body(bad.toString()).post("/api/v1/reorganisations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("lineage[6].oldCode"))
                .body("violations.field", hasItem("lineage[0].share"))
                .body("violations.field", hasItem("units[4]"));
        assertThat(subtreeSize(t.root)).isEqualTo(before);
        given().auth().oauth2(system()).queryParam("unitId", t.root).get("/api/v1/reorganisations").then().body("size()", equalTo(0));
        given().auth().oauth2(system()).get("/api/v1/units/" + t.c2).then().body("retired", equalTo(false));

        // An admin of a province cannot reorganise the tree, and a day after today is refused.
        given().auth().oauth2(as(t.p1, "admin")).contentType(ContentType.JSON).body(reorganisation(t.root, true).toString())
                .post("/api/v1/reorganisations").then().statusCode(403);
        ObjectNode future = reorganisation(t.root, true).put("effectiveDate", "2099-01-01");
        given().auth().oauth2(system()).contentType(ContentType.JSON).body(future.toString()).post("/api/v1/reorganisations")
                .then().statusCode(400).body("violations[0].field", equalTo("effectiveDate"));
    }

    @Test
    void openObligationsPassToTheSuccessorAndASplitUnitWithDutiesMustNameWhoTakesThemOver() {
        Tree t = smallTree("Bộ Thử Bàn Giao");
        UUID planId = publishedPlanOfTheDistrict(t);

        given().auth().oauth2(system()).contentType(ContentType.JSON).body(reorganisation(t.root, false).toString())
                .post("/api/v1/reorganisations").then().statusCode(400)
                .body("violations.field", equalTo(List.of("lineage[3]")))
                .body("violations[0].message", org.hamcrest.Matchers.containsString("takes over its duties"));
        given().auth().oauth2(system()).get("/api/v1/units/" + t.c2).then().body("retired", equalTo(false));

        JsonPath applied = given().auth().oauth2(system()).contentType(ContentType.JSON)
                .body(reorganisation(t.root, true).toString()).post("/api/v1/reorganisations").then().statusCode(201)
                .extract().jsonPath();
        assertThat(applied.getInt("obligationsHandedOver")).isEqualTo(2);
        assertThat(applied.getInt("plansReaddressed")).isEqualTo(1);
        String admin = as(t.root, "admin");
        UUID province = byCode(admin, "93", null);
        UUID x = byCode(admin, "93001", null);
        UUID y = byCode(admin, "93002", null);

        Map<String, Map<String, Object>> byOriginal = new HashMap<>();
        given().auth().oauth2(system()).get("/api/v1/plans/" + planId + "/obligations").then().statusCode(200).extract()
                .jsonPath().<Map<String, Object>>getList("").forEach(o -> byOriginal.put((String) o.get("originalUnitId"), o));
        assertThat(byOriginal.get(t.c1.toString())).containsEntry("unitId", x.toString())
                .containsEntry("recipientId", province.toString()).containsEntry("handedOverOn", REFORM_DAY);
        assertThat(byOriginal.get(t.c2.toString())).as("the split ward's duties go to the successor named")
                .containsEntry("unitId", y.toString()).containsEntry("status", "OPEN");
        given().auth().oauth2(system()).get("/api/v1/plans/" + planId).then()
                .body("reportingRequirement.recipientId", equalTo(province.toString()));
        given().auth().oauth2(system()).get("/api/v1/plans/" + planId + "/revisions").then()
                .body("action", hasItem("REORGANISED"));

        // The commune that went whole to a unit of its own continues: same id, a new code and parent, two versions.
        assertThat(byCode(admin, "93003", null)).isEqualTo(t.c3);
        assertThat(byCode(admin, "90003", "2025-06-30")).isEqualTo(t.c3);
        given().auth().oauth2(admin).get("/api/v1/units/" + t.c3 + "/versions").then().body("size()", equalTo(2))
                .body("[0].adminCode", equalTo("90003")).body("[0].validTo", equalTo(REFORM_DAY))
                .body("[1].adminCode", equalTo("93003")).body("[1].parentId", equalTo(province.toString()));
        given().auth().oauth2(admin).get("/api/v1/units/" + t.department).then().body("parentId", equalTo(province.toString()));

        // The events say it: the split ward, the merged commune with its lineage, and the obligation handed over.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, JsonNode> last = new HashMap<>();
            for (ConsumerRecord<String, byte[]> r : TestSupport.readKeys(Topics.UNITS, Set.of(t.c2.toString(), x.toString()))) {
                last.put(r.key() + "|" + TestSupport.header(r, "ce_type"), TestSupport.body(r));
            }
            JsonNode split = last.get(t.c2 + "|UnitSplit");
            assertThat(split).as("UnitSplit for the split ward").isNotNull();
            assertThat(split.get("lineage")).hasSize(2);
            assertThat(split.get("unit").get("retired").asBoolean()).isTrue();
            JsonNode merged = last.get(x + "|UnitsMerged");
            assertThat(merged).as("UnitsMerged for the new commune").isNotNull();
            assertThat(merged.get("sourceIds")).hasSize(2);
            assertThat(merged.get("effectiveFrom").asText()).isEqualTo(REFORM_DAY);
        });
    }

    // ---- a small tree: two provinces, a district with two communes, a commune, a department

    record Tree(UUID root, UUID p1, UUID p2, UUID d1, UUID c1, UUID c2, UUID c3, UUID department) {
    }

    private static Tree smallTree(String name) {
        UUID root = newRoot(name);
        UUID p1 = createUnit("PROVINCE", "Tỉnh Thử Một", root, "91");
        UUID p2 = createUnit("PROVINCE", "Tỉnh Thử Hai", root, "92");
        UUID d1 = createUnit("DISTRICT", "Huyện Thử", p1, "901");
        UUID c1 = createUnit("COMMUNE", "Xã Thử Một", d1, "90001");
        UUID c2 = createUnit("COMMUNE", "Xã Thử Hai", d1, "90002");
        UUID c3 = createUnit("COMMUNE", "Xã Thử Ba", p2, "90003");
        UUID department = createUnit("DEPARTMENT", "Sở Y tế tỉnh Thử Một", p1);
        return new Tree(root, p1, p2, d1, c1, c2, c3, department);
    }

    /** The two provinces merge into 93; 90001 and half of 90002 form 93001, the other half 93002; 90003 becomes 93003. */
    private static ObjectNode reorganisation(UUID root, boolean namesWhoTakesOverDuties) {
        ObjectNode in = TestSupport.JSON.createObjectNode().put("rootId", root.toString()).put("effectiveDate", REFORM_DAY)
                .put("title", "Nghị quyết sắp xếp đơn vị hành chính thử");
        ArrayNode units = in.putArray("units");
        units.add(TestSupport.JSON.createObjectNode().put("code", "93").put("name", "Tỉnh Thử Mới"));
        units.add(TestSupport.JSON.createObjectNode().put("code", "93001").put("name", "Xã Thử Mới").put("parentCode", "93"));
        units.add(TestSupport.JSON.createObjectNode().put("code", "93002").put("name", "Xã Thử Tách").put("parentCode", "93"));
        units.add(TestSupport.JSON.createObjectNode().put("code", "93003").put("name", "Xã Thử Ba").put("parentCode", "93"));
        ArrayNode lineage = in.putArray("lineage");
        lineage.add(edge("93001", "90001", "FULL"));
        lineage.add(edge("93", "91", "FULL"));
        lineage.add(edge("93", "92", "FULL"));
        lineage.add(edge("93001", "90002", "PARTIAL"));
        lineage.add(edge("93002", "90002", "PARTIAL").put("takesOverDuties", namesWhoTakesOverDuties));
        lineage.add(edge("93003", "90003", "FULL"));
        return in;
    }

    private static ObjectNode edge(String newCode, String oldCode, String share) {
        return TestSupport.JSON.createObjectNode().put("newCode", newCode).put("oldCode", oldCode).put("share", share);
    }

    private static UUID publishedPlanOfTheDistrict(Tree t) {
        ObjectNode plan = TestSupport.JSON.createObjectNode().put("number", "12/KH-UBND")
                .put("title", "Kế hoạch Tháng hành động vì trẻ em huyện Thử").put("issuerId", t.d1.toString())
                .put("campaignId", SampleData.id("campaign:2024").toString());
        ObjectNode r = plan.putObject("reportingRequirement");
        r.putArray("reportingUnitIds").add(t.c1.toString()).add(t.c2.toString());
        r.put("recipientId", t.d1.toString()).put("indicatorSetCode", "CAM").put("dueAt", "2024-07-10T00:00:00+07:00");
        String id = given().auth().oauth2(system()).contentType(ContentType.JSON).body(plan.toString()).post("/api/v1/plans")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(system()).post("/api/v1/plans/" + id + "/publish").then().statusCode(200);
        return UUID.fromString(id);
    }

    // ---- helpers

    private static UUID newRoot(String name) {
        return UUID.fromString(given().auth().oauth2(system()).contentType(ContentType.JSON)
                .body("{\"kind\":\"MINISTRY\",\"name\":\"" + name + "\",\"validFrom\":\"2024-01-01\"}")
                .post("/api/v1/units").then().statusCode(201).extract().path("id"));
    }

    private static UUID createUnit(String kind, String name, UUID parent) {
        return createUnit(kind, name, parent, null);
    }

    private static UUID createUnit(String kind, String name, UUID parent, String code) {
        ObjectNode in = TestSupport.JSON.createObjectNode().put("kind", kind).put("name", name)
                .put("parentId", parent.toString()).put("validFrom", "2024-01-01");
        if (code != null) {
            in.put("adminCode", code);
        }
        return UUID.fromString(given().auth().oauth2(system()).contentType(ContentType.JSON).body(in.toString())
                .post("/api/v1/units").then().statusCode(201).extract().path("id"));
    }

    private static void importCsv(UUID root, String csv) {
        given().auth().oauth2(system()).contentType("text/csv; charset=UTF-8").queryParam("rootId", root)
                .queryParam("validFrom", "2024-01-01").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/unit-imports").then().statusCode(200);
    }

    private static UUID byCode(String token, String code, String asOf) {
        var request = given().auth().oauth2(token).queryParam("code", code);
        if (asOf != null) {
            request = request.queryParam("asOf", asOf);
        }
        return UUID.fromString(request.get("/api/v1/units").then().statusCode(200).body("total", equalTo(1))
                .extract().path("items[0].id"));
    }

    private static long subtreeSize(UUID root) {
        return given().auth().oauth2(system()).queryParam("size", 1).get("/api/v1/units/" + root + "/subtree").then()
                .extract().jsonPath().getLong("total");
    }

    /** The export's rows, split: code, name, kind, parent_code, agency_code, id, parent_id, valid_from, valid_to. */
    private static List<String[]> export(String token, UUID root, String asOf) {
        var request = given().auth().oauth2(token);
        if (asOf != null) {
            request = request.queryParam("asOf", asOf);
        }
        String csv = request.get("/api/v1/units/" + root + "/export").then().statusCode(200).contentType(org.hamcrest.Matchers
                .startsWith("text/csv")).extract().asString();
        String[] lines = csv.split("\n");
        return java.util.Arrays.stream(lines, 1, lines.length).map(l -> l.replace("\"", "").split(",", -1)).toList();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ReorganisationTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
