package vn.actionmonth.report;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.actionmonth.devstack.DevStackTestResource;
import vn.actionmonth.events.EventPayload;
import vn.actionmonth.report.service.ResultsDocx;
import vn.actionmonth.testsupport.AuthorizationMatrix;
import vn.actionmonth.testsupport.AuthorizationMatrix.Places;
import vn.actionmonth.testsupport.AuthorizationMatrix.Relation;
import vn.actionmonth.testsupport.AuthorizationMatrix.Role;
import vn.actionmonth.testsupport.AuthorizationMatrix.Row;
import vn.actionmonth.testsupport.OpenApiContract;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.actionmonth.testsupport.AuthorizationMatrix.Relation.ANCESTOR;
import static vn.actionmonth.testsupport.AuthorizationMatrix.Relation.ROOT;
import static vn.actionmonth.testsupport.AuthorizationMatrix.Relation.SAME;
import static vn.actionmonth.testsupport.AuthorizationMatrix.always;
import static vn.actionmonth.testsupport.AuthorizationMatrix.anyRole;
import static vn.actionmonth.testsupport.AuthorizationMatrix.readers;
import static vn.actionmonth.testsupport.AuthorizationMatrix.roles;
import static vn.actionmonth.testsupport.AuthorizationMatrix.rolesOrSystem;
import static vn.actionmonth.testsupport.AuthorizationMatrix.systemOnly;

/**
 * Who may call what in report-service, as a table (see AuthorizationMatrix): a ward's report is
 * written by the ward's reporters, returned or approved by the approvers of the city it is sent
 * to, read by the ward and the units above it; a unit's figures and completeness are read by the
 * unit and the units above it; the consistency check belongs to system accounts and the admins
 * of the root.
 */
@QuarkusTest
class AuthorizationMatrixTest extends ReportServiceTestBase {

    private static final String STALE = "\"999999\"";

    @Test
    void everyOperationAnswersEachRoleFromEachPlaceAsTheTableSays() {
        UUID ministry = UUID.randomUUID();
        UUID province = UUID.randomUUID();
        UUID department = UUID.randomUUID();
        UUID city = UUID.randomUUID();
        UUID ward = UUID.randomUUID();
        UUID otherWard = UUID.randomUUID();
        UUID school = UUID.randomUUID();
        UUID otherProvince = UUID.randomUUID();
        UUID otherDepartment = UUID.randomUUID();
        UUID campaign = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        UUID obligation = UUID.randomUUID();
        OffsetDateTime due = OffsetDateTime.parse("2099-07-10T00:00:00+07:00");
        List<EventPayload> events = new ArrayList<>();
        events.add(created(unit(ministry, "MINISTRY", "Bộ Lao động - Thương binh và Xã hội", null, List.of())));
        events.add(created(unit(province, "PROVINCE", "Tỉnh Kon Tum", ministry, List.of(ministry))));
        events.add(created(unit(department, "DEPARTMENT", "Sở LĐTBXH tỉnh Kon Tum", province, List.of(ministry, province))));
        events.add(created(unit(city, "DISTRICT", "Thành phố Kon Tum", province, List.of(ministry, province))));
        events.add(created(unit(ward, "COMMUNE", "Phường Nguyễn Trãi", city, List.of(ministry, province, city))));
        events.add(created(unit(otherWard, "COMMUNE", "Phường Quyết Thắng", city, List.of(ministry, province, city))));
        events.add(created(unit(school, "OFFICE", "Trường TH-THCS Nguyễn Du", ward, List.of(ministry, province, city, ward))));
        events.add(created(unit(otherProvince, "PROVINCE", "Tỉnh Lai Châu", ministry, List.of(ministry))));
        events.add(created(unit(otherDepartment, "DEPARTMENT", "Sở Y tế tỉnh Lai Châu", otherProvince,
                List.of(ministry, otherProvince))));
        events.add(plan(plan, "124/KH-UBND", city, campaign, null, due));
        events.add(obligation(obligation, plan, campaign, ward, city, due));
        publish(events);
        awaitReplicated(List.of(ministry, province, department, city, ward, otherWard, school, otherProvince,
                otherDepartment), List.of(obligation));
        String report = createDraft(ward, obligation, Map.of("COMM_EVENTS", 12)).then().statusCode(201).extract().path("id");

        Places aroundWard = Places.of(ward, city, ministry, school, otherWard, otherDepartment);
        Places aroundCity = Places.of(city, province, ministry, ward, department, otherDepartment);
        Set<Relation> wardAndAbove = Set.of(SAME, ANCESTOR, ROOT);
        String draftBody = "{\"figures\":{\"COMM_EVENTS\":13},\"results\":\"Tổ chức 13 hoạt động truyền thông\"}";

        List<Row> rows = List.of(
                new Row("GET /api/v1/me", aroundCity, (r, c) -> r.get("/api/v1/me"), anyRole(), always(200)),
                new Row("GET /api/v1/clock", aroundCity, (r, c) -> r.get("/api/v1/clock"), anyRole(), always(200)),
                new Row("GET /api/v1/indicator-sets", aroundCity, (r, c) -> r.get("/api/v1/indicator-sets"), anyRole(),
                        always(200)),
                new Row("GET /api/v1/indicator-sets/{code}", aroundCity, (r, c) -> r.get("/api/v1/indicator-sets/CAM"),
                        anyRole(), always(200)),

                // The ward's report: written by its reporters; returned and approved by the city it is sent to.
                new Row("POST /api/v1/reports", aroundWard, (r, c) -> r.contentType(ContentType.JSON)
                        .body("{\"obligationId\":\"" + obligation + "\",\"figures\":{}}").post("/api/v1/reports"),
                        roles(Set.of(Role.REPORTER), Set.of(SAME)), always(409)),
                new Row("PUT /api/v1/obligations/{obligationId}/report", aroundWard, (r, c) -> r.header("If-Match", STALE)
                        .contentType(ContentType.JSON).body(draftBody).put("/api/v1/obligations/" + obligation + "/report"),
                        roles(Set.of(Role.REPORTER), Set.of(SAME)), always(412)),
                new Row("PUT /api/v1/reports/{id}", aroundWard, (r, c) -> r.header("If-Match", STALE)
                        .contentType(ContentType.JSON).body(draftBody).put("/api/v1/reports/" + report),
                        roles(Set.of(Role.REPORTER), Set.of(SAME)), always(412)),
                new Row("POST /api/v1/reports/{id}/submit", aroundWard, (r, c) -> r.header("If-Match", STALE)
                        .post("/api/v1/reports/" + report + "/submit"), roles(Set.of(Role.REPORTER), Set.of(SAME)),
                        always(412)),
                new Row("POST /api/v1/reports/{id}/return", aroundWard, (r, c) -> r.header("If-Match", STALE)
                        .contentType(ContentType.JSON).body("{\"reason\":\"Số liệu chưa khớp\"}")
                        .post("/api/v1/reports/" + report + "/return"), roles(Set.of(Role.APPROVER), Set.of(ANCESTOR)),
                        always(412)),
                new Row("POST /api/v1/reports/{id}/approve", aroundWard, (r, c) -> r.header("If-Match", STALE)
                        .post("/api/v1/reports/" + report + "/approve"), roles(Set.of(Role.APPROVER), Set.of(ANCESTOR)),
                        always(412)),
                new Row("GET /api/v1/reports/{id}", aroundWard, (r, c) -> r.get("/api/v1/reports/" + report),
                        readers(wardAndAbove), always(200)),
                new Row("GET /api/v1/reports/{id}/revisions", aroundWard, (r, c) -> r.get("/api/v1/reports/" + report
                        + "/revisions"), readers(wardAndAbove), always(200)),
                new Row("GET /api/v1/reports", aroundWard, (r, c) -> r.queryParam("unit", ward).get("/api/v1/reports"),
                        anyRole(), always(200)),

                // A unit's figures and completeness: the unit and the units above it.
                new Row("GET /api/v1/consolidations", aroundCity, (r, c) -> r.queryParam("unit", city)
                        .queryParam("campaign", campaign).get("/api/v1/consolidations"), readers(wardAndAbove), always(200)),
                new Row("GET /api/v1/consolidations/table", aroundCity, (r, c) -> r.accept(ContentType.JSON)
                        .queryParam("unit", city).queryParam("campaign", campaign).get("/api/v1/consolidations/table"),
                        readers(wardAndAbove), always(200)),
                new Row("GET /api/v1/consolidations/report", aroundCity, (r, c) -> r.accept(ResultsDocx.MEDIA_TYPE)
                        .queryParam("unit", city).queryParam("plan", plan).get("/api/v1/consolidations/report"),
                        readers(wardAndAbove), always(200)),
                new Row("GET /api/v1/comparisons", aroundCity, (r, c) -> r.queryParam("unit", city)
                        .queryParam("campaigns", campaign.toString()).get("/api/v1/comparisons"), readers(wardAndAbove),
                        always(200)),
                new Row("GET /api/v1/completeness", aroundCity, (r, c) -> r.queryParam("unit", city)
                        .queryParam("campaign", campaign).get("/api/v1/completeness"), readers(wardAndAbove), always(200)),

                // Country-wide: system accounts and the admins of the root.
                new Row("POST /api/v1/consistency-checks", aroundCity, (r, c) -> r.post("/api/v1/consistency-checks"),
                        rolesOrSystem(Set.of(Role.ADMIN), Set.of(ROOT)), always(200)));

        String document = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
        int size = AuthorizationMatrix.check(AuthorizationMatrix.operations(document), rows,
                (unit, group) -> DevStackTestResource.token(unit, group));
        assertThat(size).isEqualTo(19 * 7 * 6);
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
