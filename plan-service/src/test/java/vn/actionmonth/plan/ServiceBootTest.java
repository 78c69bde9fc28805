package vn.actionmonth.plan;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.actionmonth.devstack.DevStackTestResource;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class ServiceBootTest {

    @Test
    void isReadyWithDatabaseAndKafka() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void refusesAnonymousCallersWithProblemJson() {
        given().when().get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
    }

    @Test
    void readsUnitAndRolesFromTheToken() {
        UUID unit = UUID.randomUUID();
        given().auth().oauth2(DevStackTestResource.token(unit, "planner")).when().get("/api/v1/me").then()
                .statusCode(200).body("unitId", equalTo(unit.toString())).body("roles", hasItem("planner"));
    }
}
