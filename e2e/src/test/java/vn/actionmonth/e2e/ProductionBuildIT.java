package vn.actionmonth.e2e;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.actionmonth.devstack.RunningService;
import vn.actionmonth.devstack.ServiceSpec;
import vn.actionmonth.devstack.Stack;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production build (target/quarkus-app, what the images and ./stack run) against the drill
 * build the end-to-end stack runs: an endpoint that exists only for drills and tests is absent
 * from production, not merely refused.
 */
@ExtendWith(E2eStack.class)
class ProductionBuildIT {

    private static final String SET_CLOCK = "{\"now\": \"2024-07-13T08:00:00+07:00\"}";

    @Test
    void theProductionBuildHasNeitherTheClockNorTheSyntheticTreeEndpointsOfTheDrillBuild() throws Exception {
        Stack stack = E2eStack.get();
        String system = stack.token(CampaignWalkIT.SYSTEM_UNIT, "system");
        // Same database, broker and environment (CLOCK_ADJUSTABLE=true included) as the drill replica.
        RunningService production = stack.startReplica("plan-service",
                s -> new ServiceSpec(s.name(), s.database(), s.port(), s.extraEnv(), false), Duration.ofMinutes(3));
        try {
            String base = production.endpoint().baseUrl();
            RestAssured.given().baseUri(base).auth().oauth2(system).contentType("application/json").body(SET_CLOCK)
                    .put("/api/v1/clock").then().statusCode(405);
            RestAssured.given().baseUri(base).auth().oauth2(system).get("/api/v1/clock").then().statusCode(200);
            // Nor the benchmark's synthetic tree import.
            RestAssured.given().baseUri(base).auth().oauth2(system).queryParam("rootId", CampaignWalkIT.SYSTEM_UNIT)
                    .queryParam("size", 0).post("/api/v1/unit-imports/synthetic").then()
                    .statusCode(org.hamcrest.Matchers.oneOf(404, 405));
            JsonPath document = RestAssured.given().baseUri(base).accept("application/json")
                    .get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
            Map<String, Object> clockPath = document.getMap("paths.'/api/v1/clock'");
            assertThat(clockPath).as("the production document's /api/v1/clock").containsKey("get").doesNotContainKey("put");
            assertThat(document.getMap("paths")).doesNotContainKey("/api/v1/unit-imports/synthetic");

            // The drill build beside it has both: bad input there, not an unknown method or path.
            String drill = stack.service("plan-service").endpoint().baseUrl();
            RestAssured.given().baseUri(drill).auth().oauth2(system)
                    .contentType("application/json").body("{}").put("/api/v1/clock").then().statusCode(400);
            RestAssured.given().baseUri(drill).auth().oauth2(system).queryParam("rootId", CampaignWalkIT.SYSTEM_UNIT)
                    .queryParam("size", 0).post("/api/v1/unit-imports/synthetic").then().statusCode(400);
        } finally {
            production.kill();
        }
    }
}
