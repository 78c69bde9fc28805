package vn.actionmonth.common;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.actionmonth.devstack.DevStackTestResource;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "common"))
class SecurityAndProblemTest {

    static final String PROBLEM = "application/problem+json";
    final UUID unit = UUID.randomUUID();

    @Test
    void anEndpointWithoutATokenAnswers401ProblemJson() {
        given().when().get("/api/v1/probes").then()
                .statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401)).body("title", equalTo("Unauthorized"));
    }

    @Test
    void aTokenSignedByAnotherKeyAnswers401() {
        String forged = vn.actionmonth.devstack.DevTokens.mint(vn.actionmonth.devstack.DevKeys.generate(), "mallory",
                unit, java.util.List.of("planner"), java.time.Duration.ofMinutes(5));
        given().auth().oauth2(forged).when().get("/api/v1/probes").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void aTokenWithTheWrongRoleAnswers403ProblemJson() {
        given().auth().oauth2(DevStackTestResource.token(unit, Roles.VIEWER)).when().get("/api/v1/probes").then()
                .statusCode(403).contentType(PROBLEM).body("status", equalTo(403));
    }

    @Test
    void theRightRolePasses() {
        given().auth().oauth2(DevStackTestResource.token(unit, Roles.PLANNER)).when().get("/api/v1/probes").then()
                .statusCode(200).body(equalTo("ok"));
    }

    @Test
    void anEndpointWithoutARoleAnnotationIsDenied() {
        given().auth().oauth2(DevStackTestResource.token(unit, Roles.ADMIN, Roles.SYSTEM)).when()
                .get("/api/v1/probes/unannotated").then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void invalidInputNamesEveryBadField() {
        given().auth().oauth2(DevStackTestResource.token(unit, Roles.PLANNER)).contentType("application/json")
                .body("{\"name\": \"\", \"figures\": [{\"code\": \"COMM_EVENTS\", \"value\": -1}]}")
                .when().post("/api/v1/probes").then()
                .statusCode(400).contentType(PROBLEM)
                .body("violations.field", containsInAnyOrder("name", "figures[0].value"))
                .body("violations.in", containsInAnyOrder("body", "body"));
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
        given().auth().oauth2(DevStackTestResource.token(unit, Roles.PLANNER)).contentType("application/json")
                .body("{\"name\": \"Hà Giang\", \"figures\": [{\"code\": \"COMM_EVENTS\", \"value\": \"nhiều\"}]}")
                .when().post("/api/v1/probes").then()
                .statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("figures[0].value"));
    }

    @Test
    void aBodyThatIsNotJsonIsA400NotA500() {
        given().auth().oauth2(DevStackTestResource.token(unit, Roles.PLANNER)).contentType("application/json")
                .body("{not json").when().post("/api/v1/probes").then()
                .statusCode(400).contentType(PROBLEM);
    }

    @Test
    void notFoundIsProblemJsonWithTheRequestPath() {
        given().auth().oauth2(DevStackTestResource.token(unit, Roles.PLANNER)).when().get("/api/v1/probes/abc").then()
                .statusCode(404).contentType(PROBLEM).body("instance", equalTo("/api/v1/probes/abc"))
                .body("detail", containsString("abc"));
    }

    @Test
    void healthAndOpenApiNeedNoToken() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void theClockCannotBeMovedUnlessTheServiceAllowsIt() {
        given().auth().oauth2(DevStackTestResource.token(unit, Roles.VIEWER)).when().get("/api/v1/clock").then()
                .statusCode(200).body("adjustable", equalTo(false));
        given().auth().oauth2(DevStackTestResource.token(unit, Roles.SYSTEM)).contentType("application/json")
                .body("{\"now\": \"2024-07-20T00:00:00+07:00\"}").when().put("/api/v1/clock").then()
                .statusCode(409).contentType(PROBLEM);
        given().auth().oauth2(DevStackTestResource.token(unit, Roles.ADMIN)).contentType("application/json")
                .body("{\"now\": \"2024-07-20T00:00:00+07:00\"}").when().put("/api/v1/clock").then()
                .statusCode(403);
    }
}
