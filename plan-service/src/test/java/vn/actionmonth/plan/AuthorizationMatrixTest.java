package vn.actionmonth.plan;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.actionmonth.devstack.DevStackTestResource;
import vn.actionmonth.plan.service.SampleData;
import vn.actionmonth.testsupport.AuthorizationMatrix;
import vn.actionmonth.testsupport.AuthorizationMatrix.Places;
import vn.actionmonth.testsupport.AuthorizationMatrix.Relation;
import vn.actionmonth.testsupport.AuthorizationMatrix.Role;
import vn.actionmonth.testsupport.AuthorizationMatrix.Row;
import vn.actionmonth.testsupport.OpenApiContract;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.actionmonth.plan.TestSupport.admin;
import static vn.actionmonth.plan.TestSupport.plan;
import static vn.actionmonth.plan.TestSupport.unit;
import static vn.actionmonth.testsupport.AuthorizationMatrix.Relation.ANCESTOR;
import static vn.actionmonth.testsupport.AuthorizationMatrix.Relation.DESCENDANT;
import static vn.actionmonth.testsupport.AuthorizationMatrix.Relation.ROOT;
import static vn.actionmonth.testsupport.AuthorizationMatrix.Relation.SAME;
import static vn.actionmonth.testsupport.AuthorizationMatrix.always;
import static vn.actionmonth.testsupport.AuthorizationMatrix.anyRole;
import static vn.actionmonth.testsupport.AuthorizationMatrix.readers;
import static vn.actionmonth.testsupport.AuthorizationMatrix.rolesOrSystem;
import static vn.actionmonth.testsupport.AuthorizationMatrix.systemOnly;

/**
 * Who may call what in plan-service, as a table: every operation of the OpenAPI document, every
 * role (and a token with none), from every place around the unit it concerns. The target is
 * UBND thành phố Kon Tum (608) of the sample and its plan 124/KH-UBND. Allowed writes are sent in
 * a form that passes the access check and then stops (a stale If-Match, a duplicate code, a broken
 * rule), so the table changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class AuthorizationMatrixTest {

    private static final String STALE = "\"999999\"";
    /** A subtree's unit and the places around it: the city, its province, the ministry, a ward, a peer, another province. */
    private static final Places CITY = Places.of(admin("608"), admin("62"), SampleData.ministryId(), admin("23305"),
            unit("KT-SLDTBXH"), unit("LC-SGDDT"));


    @Test
    void everyOperationAnswersEachRoleFromEachPlaceAsTheTableSays() {
        String city = admin("608").toString();
        String cityPlan = plan("kt-124").toString();
        String campaign = SampleData.id("campaign:2024").toString();
        Set<Relation> subtreeAndAbove = Set.of(SAME, ANCESTOR, ROOT);
        Set<Relation> readable = Set.of(SAME, ANCESTOR, ROOT, DESCENDANT);
        Set<Role> admins = Set.of(Role.ADMIN);

        String unitBody = "{\"kind\":\"COMMUNE\",\"name\":\"Phường Ngô Mây\",\"adminCode\":\"608\",\"parentId\":\"" + city + "\"}";
        String planBody = "{\"title\":\"Kế hoạch thử quyền\",\"issuerId\":\"" + city + "\",\"campaignId\":\"" + campaign
                + "\",\"basisPlanId\":\"" + UUID.randomUUID() + "\"}";
        String ministry = SampleData.ministryId().toString();
        String reorganisation = "{\"rootId\":\"" + ministry + "\",\"effectiveDate\":\"2099-01-01\",\"title\":\"Thử quyền\","
                + "\"units\":[],\"lineage\":[]}";
        List<Row> rows = List.of(
                new Row("GET /api/v1/me", CITY, (r, c) -> r.get("/api/v1/me"), anyRole(), always(200)),
                new Row("GET /api/v1/clock", CITY, (r, c) -> r.get("/api/v1/clock"), anyRole(), always(200)),

                // Units: read within the caller's subtree and ancestors; managed by admins of the subtree.
                new Row("POST /api/v1/units", CITY, (r, c) -> r.contentType(ContentType.JSON).body(unitBody)
                        .post("/api/v1/units"), rolesOrSystem(admins, subtreeAndAbove), always(409)),
                new Row("GET /api/v1/units", CITY, (r, c) -> r.queryParam("code", "608").get("/api/v1/units"),
                        anyRole(), always(200)),
                new Row("GET /api/v1/units/{id}", CITY, (r, c) -> r.get("/api/v1/units/" + city), readers(readable), always(200)),
                new Row("PUT /api/v1/units/{id}", CITY, (r, c) -> r.header("If-Match", STALE).contentType(ContentType.JSON)
                        .body("{\"kind\":\"DISTRICT\",\"name\":\"Ủy ban nhân dân thành phố Kon Tum\"}")
                        .put("/api/v1/units/" + city), rolesOrSystem(admins, subtreeAndAbove), always(412)),
                new Row("POST /api/v1/units/{id}/retire", CITY, (r, c) -> r.header("If-Match", STALE)
                        .contentType(ContentType.JSON).body("{\"effectiveTo\":\"2025-07-01\"}")
                        .post("/api/v1/units/" + city + "/retire"), rolesOrSystem(admins, subtreeAndAbove), always(412)),
                new Row("POST /api/v1/units/{id}/move", CITY, (r, c) -> r.header("If-Match", STALE)
                        .contentType(ContentType.JSON).body("{\"parentId\":\"" + admin("12") + "\",\"effectiveFrom\":\"2025-07-01\"}")
                        .post("/api/v1/units/" + city + "/move"), rolesOrSystem(admins, subtreeAndAbove), always(412)),
                new Row("GET /api/v1/units/{id}/children", CITY, (r, c) -> r.get("/api/v1/units/" + city + "/children"),
                        readers(subtreeAndAbove), always(200)),
                new Row("GET /api/v1/units/{id}/subtree", CITY, (r, c) -> r.get("/api/v1/units/" + city + "/subtree"),
                        readers(subtreeAndAbove), always(200)),
                new Row("GET /api/v1/units/{id}/tree", CITY, (r, c) -> r.get("/api/v1/units/" + city + "/tree"),
                        readers(subtreeAndAbove), always(200)),
                new Row("GET /api/v1/units/{id}/ancestors", CITY, (r, c) -> r.get("/api/v1/units/" + city + "/ancestors"),
                        readers(readable), always(200)),
                new Row("GET /api/v1/units/{id}/export", CITY, (r, c) -> r.queryParam("asOf", "2024-07-01")
                        .get("/api/v1/units/" + city + "/export"), readers(subtreeAndAbove), always(200)),
                new Row("GET /api/v1/units/{id}/versions", CITY, (r, c) -> r.get("/api/v1/units/" + city + "/versions"),
                        readers(readable), always(200)),
                new Row("GET /api/v1/units/{id}/lineage", CITY, (r, c) -> r.get("/api/v1/units/" + city + "/lineage"),
                        readers(readable), always(200)),

                // Reorganisations change the whole tree: system accounts and the admins of its root; sent dated after
                // today, which is refused after the access check.
                new Row("POST /api/v1/reorganisations", CITY, (r, c) -> r.contentType(ContentType.JSON).body(reorganisation)
                        .post("/api/v1/reorganisations"), rolesOrSystem(admins, Set.of(ROOT)), always(400)),
                new Row("POST /api/v1/reorganisations", CITY, (r, c) -> r.multiPart("rootId", ministry)
                        .multiPart("effectiveDate", "2099-01-01").multiPart("title", "Thử quyền")
                        .multiPart("units", "units.csv", "code,name,parent_code\n".getBytes(), "text/csv")
                        .multiPart("lineage", "lineage.csv", "new_code,old_code,share\n".getBytes(), "text/csv")
                        .post("/api/v1/reorganisations"), rolesOrSystem(admins, Set.of(ROOT)), always(400)),
                new Row("GET /api/v1/reorganisations", CITY, (r, c) -> r.queryParam("unitId", city)
                        .get("/api/v1/reorganisations"), readers(readable), always(200)),
                new Row("GET /api/v1/reorganisations/{id}", CITY, (r, c) -> r.get("/api/v1/reorganisations/" + UUID.randomUUID()),
                        anyRole(), always(404)),
                new Row("GET /api/v1/reorganisations/{id}/lineage", CITY, (r, c) -> r.get("/api/v1/reorganisations/"
                        + UUID.randomUUID() + "/lineage"), anyRole(), always(404)),

                // Country-wide: imports belong to system accounts and the admins of the root.
                new Row("POST /api/v1/unit-imports", CITY, (r, c) -> r.contentType(ContentType.JSON)
                        .body("{\"rootId\":\"" + city + "\",\"units\":[{\"code\":\"1\",\"name\":\"Phường thử\"}]}")
                        .post("/api/v1/unit-imports"), rolesOrSystem(admins, Set.of(ROOT)), always(400)),
                // A plan import drafts a plan of the caller's own unit: any planner, from wherever it sits.
                new Row("POST /api/v1/plan-imports", CITY, (r, c) -> r.contentType("text/plain; charset=UTF-8")
                        .body("KẾ HOẠCH\nThử quyền nhập kế hoạch\n").post("/api/v1/plan-imports"),
                        rolesOrSystem(Set.of(Role.PLANNER), Set.of(Relation.values())), always(200)),
                new Row("POST /api/v1/campaigns", CITY, (r, c) -> r.contentType(ContentType.JSON)
                        .body("{\"name\":\"Tháng hành động vì trẻ em năm 2027\",\"year\":2027,\"theme\":\"Chủ đề\","
                                + "\"periodStart\":\"2027-06-30\",\"periodEnd\":\"2027-06-01\"}").post("/api/v1/campaigns"),
                        rolesOrSystem(Set.of(Role.ADMIN, Role.PLANNER), Set.of(ROOT)), always(400)),
                new Row("GET /api/v1/campaigns", CITY, (r, c) -> r.get("/api/v1/campaigns"), anyRole(), always(200)),
                new Row("GET /api/v1/campaigns/{id}", CITY, (r, c) -> r.get("/api/v1/campaigns/" + campaign), anyRole(), always(200)),

                // Plans: written by the planners of their issuer; read within the issuer's subtree and below it.
                new Row("POST /api/v1/plans", CITY, (r, c) -> r.contentType(ContentType.JSON).body(planBody).post("/api/v1/plans"),
                        rolesOrSystem(Set.of(Role.PLANNER), Set.of(SAME)), always(400)),
                new Row("GET /api/v1/plans", CITY, (r, c) -> r.get("/api/v1/plans"), anyRole(), always(200)),
                new Row("GET /api/v1/plans/{id}", CITY, (r, c) -> r.get("/api/v1/plans/" + cityPlan), readers(readable), always(200)),
                new Row("PUT /api/v1/plans/{id}", CITY, (r, c) -> r.header("If-Match", STALE).contentType(ContentType.JSON)
                        .body(planBody).put("/api/v1/plans/" + cityPlan), rolesOrSystem(Set.of(Role.PLANNER), Set.of(SAME)),
                        always(412)),
                new Row("POST /api/v1/plans/{id}/publish", CITY, (r, c) -> r.header("If-Match", STALE)
                        .post("/api/v1/plans/" + cityPlan + "/publish"), rolesOrSystem(Set.of(Role.PLANNER), Set.of(SAME)),
                        always(412)),
                new Row("POST /api/v1/plans/{id}/amendments", CITY, (r, c) -> r.header("If-Match", STALE)
                        .contentType(ContentType.JSON).body("{\"reason\":\"Điều chỉnh\",\"plan\":" + planBody + "}")
                        .post("/api/v1/plans/" + cityPlan + "/amendments"), rolesOrSystem(Set.of(Role.PLANNER), Set.of(SAME)),
                        always(412)),
                new Row("POST /api/v1/plans/{id}/close", CITY, (r, c) -> r.header("If-Match", STALE)
                        .contentType(ContentType.JSON).body("{\"reason\":\"Kết thúc\"}")
                        .post("/api/v1/plans/" + cityPlan + "/close"), rolesOrSystem(Set.of(Role.PLANNER), Set.of(SAME)),
                        always(412)),
                new Row("GET /api/v1/plans/{id}/basis-chain", CITY, (r, c) -> r.get("/api/v1/plans/" + cityPlan + "/basis-chain"),
                        readers(readable), always(200)),
                new Row("GET /api/v1/plans/{id}/implementing-plans", CITY, (r, c) -> r.get("/api/v1/plans/" + cityPlan
                        + "/implementing-plans"), readers(readable), always(200)),
                new Row("GET /api/v1/plans/{id}/coverage", CITY, (r, c) -> r.get("/api/v1/plans/" + cityPlan + "/coverage"),
                        readers(readable), always(200)),
                new Row("GET /api/v1/plans/{id}/obligations", CITY, (r, c) -> r.get("/api/v1/plans/" + cityPlan
                        + "/obligations"), readers(readable), always(200)),
                new Row("GET /api/v1/plans/{id}/revisions", CITY, (r, c) -> r.get("/api/v1/plans/" + cityPlan + "/revisions"),
                        readers(readable), always(200)));

        String document = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
        int size = AuthorizationMatrix.check(AuthorizationMatrix.operations(document), rows,
                (unit, group) -> DevStackTestResource.token(unit, group));
        assertThat(size).isEqualTo(36 * 7 * 6);
    }

    @Test
    void everyOperationHasAnOperationIdAGeneratedClientCanName() {
        String document = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
        Map<String, String> ids = OpenApiContract.requireOperationIds(document);
        assertThat(ids).hasSameSizeAs(AuthorizationMatrix.operations(document));
    }

    @Test
    void theLiveOpenApiDocumentIsTheCommittedOne() {
        String document = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
        OpenApiContract.requireCommitted(document, java.nio.file.Path.of("openapi/openapi.json"));
    }
}
