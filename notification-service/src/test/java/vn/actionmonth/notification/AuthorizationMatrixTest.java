package vn.actionmonth.notification;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.actionmonth.devstack.DevStackTestResource;
import vn.actionmonth.events.plan.PlanPublished;
import vn.actionmonth.events.plan.PlanSummary;
import vn.actionmonth.events.plan.UnitCreated;
import vn.actionmonth.events.plan.UnitSnapshot;
import vn.actionmonth.testsupport.AuthorizationMatrix;
import vn.actionmonth.testsupport.AuthorizationMatrix.Places;
import vn.actionmonth.testsupport.AuthorizationMatrix.Relation;
import vn.actionmonth.testsupport.AuthorizationMatrix.Role;
import vn.actionmonth.testsupport.AuthorizationMatrix.Row;
import vn.actionmonth.testsupport.OpenApiContract;

import java.time.LocalDate;
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
 * Who may call what in notification-service, as a table (see AuthorizationMatrix): a unit's
 * deadlines, notifications and channels are read by the unit and the units above it; its
 * channels are changed by its own admins only; the inbox is the caller's own; a campaign's
 * reminder policy is set by system accounts and the admins of the root.
 */
@QuarkusTest
class AuthorizationMatrixTest extends NotificationTestBase {

    private static final String STALE = "\"999999\"";

    @Test
    void everyOperationAnswersEachRoleFromEachPlaceAsTheTableSays() {
        UnitSnapshot ministry = unit("MINISTRY", "Bộ Lao động - Thương binh và Xã hội", null);
        Tree kontum = tree("Phường Nguyễn Trãi");
        UnitSnapshot province = kontum.province();
        // The province of the tree reports to the ministry here: republished under it.
        UnitSnapshot provinceUnderMinistry = new UnitSnapshot(province.id(), province.kind(), province.name(),
                province.shortName(), null, null, ministry.id(), List.of(ministry.id()),
                List.of(new UnitSnapshot.ParentPeriod(ministry.id(), LocalDate.of(2020, 1, 1), null)), LocalDate.of(2020, 1, 1),
                null, false, 2);
        UnitSnapshot city = reparented(kontum.city(), ministry, provinceUnderMinistry);
        UnitSnapshot ward = reparented(kontum.ward(0), ministry, provinceUnderMinistry, city);
        UnitSnapshot school = unit("OFFICE", "Trường TH-THCS Nguyễn Du", ward);
        UnitSnapshot otherWard = unit("COMMUNE", "Phường Quyết Thắng", city);
        UnitSnapshot laiChau = unit("PROVINCE", "Tỉnh Lai Châu", ministry);
        UnitSnapshot laiChauDepartment = unit("DEPARTMENT", "Sở Y tế tỉnh Lai Châu", laiChau);
        awaitConsumed(publish(new UnitCreated(ministry)), publish(new UnitCreated(provinceUnderMinistry)),
                publish(new UnitCreated(city)), publish(new UnitCreated(ward)), publish(new UnitCreated(school)), publish(new UnitCreated(otherWard)),
                publish(new UnitCreated(laiChau)), publish(new UnitCreated(laiChauDepartment)));
        awaitConsumed(publish(new PlanPublished(new PlanSummary(planId, "124/KH-UBND", PLAN_TITLE, city.id(), campaignId,
                2024, null, LocalDate.of(2024, 5, 17), LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30), "PUBLISHED", 1,
                List.of(), List.of(ward.id()), city.id(), null, "CAM", DUE))));
        UUID wardNotice = UUID.fromString(given().auth().oauth2(token(ward, "viewer")).get("/api/v1/inbox").then()
                .statusCode(200).extract().path("items[0].id"));
        String channel = subscribe(ward, "EMAIL", "vanphong@nguyentrai.kontum.gov.vn").getString("id");

        Places aroundWard = Places.of(ward.id(), city.id(), ministry.id(), school.id(), otherWard.id(),
                laiChauDepartment.id());
        Set<Relation> unitAndAbove = Set.of(SAME, ANCESTOR, ROOT);
        String w = ward.id().toString();
        String policy = "{\"reminderDaysBefore\":[7,3,1],\"atDue\":true,\"overdueDaysAfter\":[1,3],\"escalationDaysAfter\":7}";

        List<Row> rows = List.of(
                new Row("GET /api/v1/me", aroundWard, (r, c) -> r.get("/api/v1/me"), anyRole(), always(200)),
                new Row("GET /api/v1/clock", aroundWard, (r, c) -> r.get("/api/v1/clock"), anyRole(), always(200)),
                new Row("GET /api/v1/deadlines", aroundWard, (r, c) -> r.queryParam("unit", w).get("/api/v1/deadlines"),
                        readers(unitAndAbove), always(200)),
                new Row("GET /api/v1/inbox", aroundWard, (r, c) -> r.get("/api/v1/inbox"), anyRole(), always(200)),
                new Row("POST /api/v1/inbox/{id}/read", aroundWard, (r, c) -> r.post("/api/v1/inbox/" + UUID.randomUUID()
                        + "/read"), anyRole(), always(404)),
                new Row("GET /api/v1/notifications", aroundWard, (r, c) -> r.queryParam("unit", w).get("/api/v1/notifications"),
                        readers(unitAndAbove), always(200)),
                new Row("GET /api/v1/notifications/{id}", aroundWard, (r, c) -> r.get("/api/v1/notifications/" + wardNotice),
                        readers(unitAndAbove), always(200)),
                new Row("GET /api/v1/notifications/{id}/attempts", aroundWard, (r, c) -> r.get("/api/v1/notifications/"
                        + wardNotice + "/attempts"), readers(unitAndAbove), always(200)),

                // A unit's channels: read by it and the units above it, changed only by its own admins.
                new Row("GET /api/v1/units/{unitId}/channels", aroundWard, (r, c) -> r.get("/api/v1/units/" + w + "/channels"),
                        readers(unitAndAbove), always(200)),
                new Row("GET /api/v1/units/{unitId}/channels/{id}", aroundWard, (r, c) -> r.get("/api/v1/units/" + w
                        + "/channels/" + channel), readers(unitAndAbove), always(200)),
                new Row("POST /api/v1/units/{unitId}/channels", aroundWard, (r, c) -> r.contentType(ContentType.JSON)
                        .body(Map.of("type", "EMAIL", "address", "khong-phai-email")).post("/api/v1/units/" + w + "/channels"),
                        roles(Set.of(Role.ADMIN), Set.of(SAME)), always(400)),
                new Row("PUT /api/v1/units/{unitId}/channels/{id}", aroundWard, (r, c) -> r.header("If-Match", STALE)
                        .contentType(ContentType.JSON).body(Map.of("address", "vanthu@nguyentrai.kontum.gov.vn", "active", true))
                        .put("/api/v1/units/" + w + "/channels/" + channel), roles(Set.of(Role.ADMIN), Set.of(SAME)), always(412)),
                new Row("DELETE /api/v1/units/{unitId}/channels/{id}", aroundWard, (r, c) -> r.delete("/api/v1/units/" + w
                        + "/channels/" + UUID.randomUUID()), roles(Set.of(Role.ADMIN), Set.of(SAME)), always(404)),

                // A campaign's reminder policy: read by anyone, set by system accounts and the admins of the root.
                new Row("GET /api/v1/campaigns/{campaignId}/reminder-policy", aroundWard, (r, c) -> r.get("/api/v1/campaigns/"
                        + campaignId + "/reminder-policy"), anyRole(), always(200)),
                new Row("PUT /api/v1/campaigns/{campaignId}/reminder-policy", aroundWard, (r, c) -> r.header("If-Match", STALE)
                        .contentType(ContentType.JSON).body(policy).put("/api/v1/campaigns/" + campaignId + "/reminder-policy"),
                        rolesOrSystem(Set.of(Role.ADMIN), Set.of(ROOT)), always(412)));

        String document = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
        int size = AuthorizationMatrix.check(AuthorizationMatrix.operations(document), rows,
                (unit, group) -> DevStackTestResource.token(unit, group));
        assertThat(size).isEqualTo(15 * 7 * 6);
    }

    /** The unit again, one version later, under ancestors that now start at the ministry. */
    private static UnitSnapshot reparented(UnitSnapshot u, UnitSnapshot... ancestors) {
        List<UUID> ids = java.util.Arrays.stream(ancestors).map(UnitSnapshot::id).toList();
        return new UnitSnapshot(u.id(), u.kind(), u.name(), u.shortName(), null, null, u.parentId(), ids, u.parentHistory(),
                u.validFrom(), null, false, u.version() + 1);
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
