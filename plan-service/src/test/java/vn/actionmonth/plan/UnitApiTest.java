package vn.actionmonth.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.actionmonth.devstack.DevStackTestResource;
import vn.actionmonth.events.Topics;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static vn.actionmonth.plan.TestSupport.admin;
import static vn.actionmonth.plan.TestSupport.as;
import static vn.actionmonth.plan.TestSupport.system;
import static vn.actionmonth.plan.service.SampleData.ministryId;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class UnitApiTest {

    @Test
    void searchFindsUnaccentedNamesAndCodesWithinTheCallersSubtree() {
        String kontum = as(admin("62"), "viewer");
        given().auth().oauth2(kontum).queryParam("name", "Nguyen Trai").get("/api/v1/units").then().statusCode(200)
                .body("items.id", hasItem(admin("23305").toString()))
                .body("items.name", hasItem("Phường Nguyễn Trãi"));
        given().auth().oauth2(kontum).queryParam("name", "phuong nguyen trai").get("/api/v1/units").then()
                .body("items.adminCode", hasItem("23305"));
        given().auth().oauth2(system()).queryParam("code", "23305").get("/api/v1/units").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(admin("23305").toString()));
        // Lai Châu's viewers do not find Kon Tum's wards.
        given().auth().oauth2(as(admin("12"), "viewer")).queryParam("code", "23305").get("/api/v1/units").then()
                .body("total", equalTo(0));
        given().auth().oauth2(kontum).get("/api/v1/units").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("name"));
    }

    @Test
    void aWardSeesItsAncestorsButNotAnotherProvince() {
        String ward = as(admin("23305"), "viewer");
        given().auth().oauth2(ward).get("/api/v1/units/" + admin("23305") + "/ancestors").then().statusCode(200)
                .body("id", equalTo(List.of(ministryId().toString(), admin("62").toString(), admin("608").toString())));
        given().auth().oauth2(ward).get("/api/v1/units/" + admin("62")).then().statusCode(200)
                .body("name", equalTo("Tỉnh Kon Tum")).body("kind", equalTo("PROVINCE"));
        given().auth().oauth2(ward).get("/api/v1/units/" + admin("12")).then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void childrenSubtreeAndNestedTree() {
        String city = as(admin("608"), "viewer");
        given().auth().oauth2(city).get("/api/v1/units/" + admin("608") + "/tree").then().statusCode(200)
                .body("unit.adminCode", equalTo("608"))
                .body("children.unit.adminCode", hasItem("23305"))
                .body("children.find { it.unit.adminCode == '23305' }.children.unit.name", hasItem("Trường TH-THCS Nguyễn Du"));
        given().auth().oauth2(city).queryParam("size", 2).get("/api/v1/units/" + admin("608") + "/subtree").then()
                .statusCode(200).body("items.size()", equalTo(2)).body("items[0].id", equalTo(admin("608").toString()))
                .body("size", equalTo(2));
        given().auth().oauth2(city).get("/api/v1/units/" + admin("608") + "/children").then().statusCode(200)
                .body("items.parentId", org.hamcrest.Matchers.everyItem(equalTo(admin("608").toString())));
    }

    @Test
    void aMoveKeepsHistoryAndTellsTheDescendants() {
        String admin = as(admin("14"), "admin");
        UUID from = create(admin, admin("14"), "DISTRICT", "Huyện Thử Nghiệm Một");
        UUID to = create(admin, admin("14"), "DISTRICT", "Huyện Thử Nghiệm Hai");
        UUID moved = create(admin, from, "COMMUNE", "Xã Thử Nghiệm");
        UUID office = create(admin, moved, "OFFICE", "Tổ dân phố Thử Nghiệm");

        given().auth().oauth2(admin).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"parentId\":\"" + to + "\",\"effectiveFrom\":\"2025-07-01\"}")
                .post("/api/v1/units/" + moved + "/move").then().statusCode(200)
                .body("parentId", equalTo(to.toString())).body("version", equalTo(2))
                .body("parentHistory.parentId", equalTo(List.of(from.toString(), to.toString())))
                .body("parentHistory[0].to", equalTo("2025-07-01"))
                .body("parentHistory[1].from", equalTo("2025-07-01")).body("parentHistory[1].to", nullValue());
        given().auth().oauth2(admin).get("/api/v1/units/" + office + "/ancestors").then()
                .body("id", equalTo(List.of(ministryId().toString(), admin("14").toString(), to.toString(), moved.toString())));
        // A unit cannot move under its own subtree.
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"parentId\":\"" + office + "\",\"effectiveFrom\":\"2025-08-01\"}")
                .post("/api/v1/units/" + moved + "/move").then().statusCode(400).body("violations[0].field", equalTo("parentId"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> records = TestSupport.readKeys(Topics.UNITS,
                    java.util.Set.of(moved.toString(), office.toString()));
            ConsumerRecord<String, byte[]> move = last(records, moved.toString());
            assertThat(TestSupport.header(move, "ce_type")).isEqualTo("UnitMoved");
            JsonNode body = TestSupport.body(move);
            assertThat(body.get("fromParentId").asText()).isEqualTo(from.toString());
            assertThat(body.get("toParentId").asText()).isEqualTo(to.toString());
            assertThat(body.get("effectiveFrom").asText()).isEqualTo("2025-07-01");
            ConsumerRecord<String, byte[]> child = last(records, office.toString());
            assertThat(TestSupport.header(child, "ce_type")).isEqualTo("UnitChanged");
            assertThat(TestSupport.body(child).get("unit").get("ancestorIds").toString()).contains(to.toString())
                    .doesNotContain(from.toString());
        });
    }

    @Test
    void updatesNeedTheCurrentETagAndRetiringNeedsAnEmptyUnit() {
        String admin = as(admin("14"), "admin");
        UUID parent = create(admin, admin("14"), "DISTRICT", "Huyện Sẽ Giải Thể");
        UUID child = create(admin, parent, "COMMUNE", "Xã Sẽ Giải Thể");
        String body = "{\"kind\":\"COMMUNE\",\"name\":\"Xã Đã Đổi Tên\",\"adminCode\":\"99991\"}";
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).put("/api/v1/units/" + child).then()
                .statusCode(428);
        given().auth().oauth2(admin).header("If-Match", "\"7\"").contentType(ContentType.JSON).body(body)
                .put("/api/v1/units/" + child).then().statusCode(412);
        given().auth().oauth2(admin).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(body)
                .put("/api/v1/units/" + child).then().statusCode(200).header("ETag", "\"2\"")
                .body("name", equalTo("Xã Đã Đổi Tên")).body("adminCode", equalTo("99991"));
        given().auth().oauth2(system()).queryParam("name", "xa da doi ten").get("/api/v1/units").then()
                .body("items.id", hasItem(child.toString()));

        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"effectiveTo\":\"2025-07-01\"}")
                .post("/api/v1/units/" + parent + "/retire").then().statusCode(409);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"effectiveTo\":\"2025-07-01\"}")
                .post("/api/v1/units/" + child + "/retire").then().statusCode(200)
                .body("retired", equalTo(true)).body("validTo", equalTo("2025-07-01"));
    }

    @Test
    void badUnitsAreRefusedWithTheFieldNamed() {
        String admin = as(admin("14"), "admin");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"kind\":\"DEPARTMENT\",\"name\":\" \",\"agencyCode\":\"h41 x\",\"parentId\":\"" + admin("14") + "\"}")
                .post("/api/v1/units").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("name")).body("violations.field", hasItem("agencyCode"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"kind\":\"DISTRICT\",\"name\":\"Huyện Trùng Mã\",\"adminCode\":\"608\",\"parentId\":\"" + admin("14") + "\"}")
                .post("/api/v1/units").then().statusCode(409).body("violations[0].field", equalTo("adminCode"));
        // An admin of Sơn La does not create units in Lai Châu.
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"kind\":\"DISTRICT\",\"name\":\"Huyện Lạ\",\"parentId\":\"" + admin("12") + "\"}")
                .post("/api/v1/units").then().statusCode(403);
    }

    static UUID create(String token, UUID parent, String kind, String name) {
        return UUID.fromString(given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"kind\":\"" + kind + "\",\"name\":\"" + name + "\",\"parentId\":\"" + parent + "\",\"validFrom\":\"2024-01-01\"}")
                .post("/api/v1/units").then().statusCode(201).extract().path("id"));
    }

    private static ConsumerRecord<String, byte[]> last(List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).reduce((a, b) -> b).orElseThrow();
    }
}
