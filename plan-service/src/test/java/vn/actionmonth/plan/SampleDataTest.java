package vn.actionmonth.plan;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.actionmonth.devstack.DevStackTestResource;
import vn.actionmonth.plan.service.SampleData;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static vn.actionmonth.plan.TestSupport.admin;
import static vn.actionmonth.plan.TestSupport.plan;
import static vn.actionmonth.plan.TestSupport.system;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class SampleDataTest {

    @Inject
    SampleData sample;

    @Test
    void loadingTheSampleAgainChangesNothing() {
        List<Object> plansBefore = given().auth().oauth2(system()).queryParam("size", 500).get("/api/v1/plans").path("items.version");
        Object wardBefore = given().auth().oauth2(system()).get("/api/v1/units/" + admin("23305")).path("version");

        sample.load();

        assertThat((List<Object>) given().auth().oauth2(system()).queryParam("size", 500).get("/api/v1/plans").path("items.version"))
                .isEqualTo(plansBefore);
        given().auth().oauth2(system()).get("/api/v1/units/" + admin("23305")).then().body("version", equalTo(wardBefore));
    }

    @Test
    void sampleUnitsHaveFixedIdsFoundByTheirCodes() {
        given().auth().oauth2(system()).queryParam("code", "23305").get("/api/v1/units").then()
                .body("items[0].id", equalTo(SampleData.adminUnitId("23305").toString()));
        given().auth().oauth2(system()).get("/api/v1/plans/" + plan("guidance-982")).then()
                .body("number", equalTo("982/LĐTBXH-CTE")).body("issueDate", equalTo("2024-03-12"))
                .body("issuerId", equalTo(SampleData.ministryId().toString()));
    }

    @Test
    void theOpenApiDocumentDescribesEveryOperation() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/units/{id}/move'.post.summary", equalTo("Move a unit to another parent"))
                .body("paths.'/api/v1/plans/{id}/coverage'.get.summary", equalTo("Who has issued their own plan"))
                .body("paths.'/api/v1/unit-imports'.post", org.hamcrest.Matchers.notNullValue());
    }
}
