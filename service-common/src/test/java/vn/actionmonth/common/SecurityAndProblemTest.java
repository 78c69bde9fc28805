package vn.actionmonth.common;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.actionmonth.devstack.DevKeys;
import vn.actionmonth.devstack.DevStackTestResource;
import vn.actionmonth.devstack.DevTokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "common"))
class SecurityAndProblemTest {

    static final String PROBLEM = "application/problem+json";
    final UUID unit = UUID.randomUUID();

    private String token(Instant issuedAt, Duration ttl, String audience) {
        return DevTokens.mint(DevStackTestResource.keys(), "can-bo@kontum.gov.vn", unit, List.of(Roles.PLANNER),
                issuedAt, ttl, audience);
    }

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
    void aTokenForAnotherAudienceOrWithoutOneIsRefused() {
        given().auth().oauth2(token(Instant.now(), Duration.ofMinutes(5), "another-client")).when().get("/api/v1/probes")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(token(Instant.now(), Duration.ofMinutes(5), null)).when().get("/api/v1/probes")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(token(Instant.now(), Duration.ofMinutes(5), DevKeys.AUDIENCE)).when().get("/api/v1/probes")
                .then().statusCode(200);
    }

    @Test
    void aTokenIssuedLongAgoOrForAHundredYearsIsRefused() {
        given().auth().oauth2(token(Instant.now(), Duration.ofDays(36_500), DevKeys.AUDIENCE)).when().get("/api/v1/probes")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(token(Instant.now().minus(Duration.ofHours(25)), Duration.ofHours(26), DevKeys.AUDIENCE))
                .when().get("/api/v1/probes").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void aTokenWithNoRoleOfThePlatformReadsNothing() {
        String roleless = DevTokens.mint(DevStackTestResource.keys(), "client-of-the-same-idp", unit,
                List.of("offline_access", "member"), Duration.ofMinutes(5));
        given().auth().oauth2(roleless).when().get("/api/v1/me").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(roleless).when().get("/api/v1/clock").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(DevStackTestResource.token(unit, Roles.VIEWER)).when().get("/api/v1/me").then()
                .statusCode(200).body("roles", contains("viewer"));
    }

    @Test
    void aSubjectLongerThanTheRecordsKeepIsA400NamingTheAuthorizationHeader() {
        String longName = "can-bo." + "x".repeat(250) + "@kontum.gov.vn";
        String token = DevTokens.mint(DevStackTestResource.keys(), longName, unit, List.of(Roles.VIEWER), Duration.ofMinutes(5));
        given().auth().oauth2(token).contentType("text/plain").body("ok").when().post("/api/v1/probes/author").then()
                .statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("Authorization"))
                .body("violations[0].in", equalTo("header"));
    }

    @Test
    void queryParametersAndHeadersAreNamedAsTheClientSentThem() {
        String viewer = DevStackTestResource.token(unit, Roles.VIEWER);
        given().auth().oauth2(viewer).queryParam("page", Integer.MAX_VALUE).when().get("/api/v1/probes/paged").then()
                .statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("page"))
                .body("violations[0].in", equalTo("query"));
        given().auth().oauth2(viewer).header("X-Probe", "too long").when().get("/api/v1/probes/paged").then()
                .statusCode(400).body("violations[0].field", equalTo("X-Probe")).body("violations[0].in", equalTo("header"));
        given().auth().oauth2(viewer).queryParam("page", "hai").when().get("/api/v1/probes/paged").then()
                .statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("page"))
                .body("violations[0].message", equalTo("must be a whole number"));
        given().auth().oauth2(viewer).queryParam("page", 3).when().get("/api/v1/probes/paged").then()
                .statusCode(200).body(equalTo("page 3"));
    }

    @Test
    void aTextIsMeasuredAfterNfcAndMayNotHoldAControlCharacter() {
        String planner = DevStackTestResource.token(unit, Roles.PLANNER);
        // U+FB2C is one character that NFC turns into three: 10 of them are 30 characters as stored.
        given().auth().oauth2(planner).contentType("application/json").body("{\"name\": \"" + "\uFB2C".repeat(10) + "\"}")
                .when().post("/api/v1/probes").then().statusCode(400).body("violations[0].field", equalTo("name"))
                .body("violations[0].message", containsString("after Unicode NFC"));
        given().auth().oauth2(planner).contentType("application/json").body("{\"name\": \"Kon\\u0000Tum\"}")
                .when().post("/api/v1/probes").then().statusCode(400).body("violations[0].message", containsString("U+0000"));
        given().auth().oauth2(planner).contentType("application/json").body("{\"name\": \"Phường Nguyễn Trãi\"}")
                .when().post("/api/v1/probes").then().statusCode(200);
    }

    @Test
    void aBodyLargerThanItsOperationTakesIsA413BeforeItIsRead() {
        String viewer = DevStackTestResource.token(unit, Roles.VIEWER);
        given().auth().oauth2(viewer).contentType("text/plain").body("x".repeat(101)).when().post("/api/v1/probes/author")
                .then().statusCode(413).contentType(PROBLEM).body("violations[0].field", equalTo("body"));
        given().auth().oauth2(viewer).contentType("text/plain").body("x".repeat(100)).when().post("/api/v1/probes/author")
                .then().statusCode(200);
    }

    @Test
    void aBodyWithoutAContentTypeIsNotGuessedToBeJson() {
        given().auth().oauth2(DevStackTestResource.token(unit, Roles.PLANNER)).noContentType()
                .body("{\"name\": \"Hà Giang\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/probes").then()
                .statusCode(415).contentType(PROBLEM).body("violations[0].field", equalTo("Content-Type"));
    }

    @Test
    void everyAnswerCarriesARequestIdThatAProblemRepeats() {
        given().header("X-Request-Id", "dien-thoai-23305-0001").when().get("/api/v1/probes").then().statusCode(401)
                .header("X-Request-Id", "dien-thoai-23305-0001").body("requestId", equalTo("dien-thoai-23305-0001"));
        String generated = given().header("X-Request-Id", "không hợp lệ\u0001").when().get("/api/v1/probes").then()
                .statusCode(401).extract().header("X-Request-Id");
        assertThat(generated).matches("[0-9a-f-]{36}");
    }

    @Inject
    io.smallrye.jwt.auth.principal.JWTParser parser;

    @Test
    void aTokenIsVerifiedOnceButItsSignatureDoesNotCoverAnotherPayload() {
        assertThat(io.quarkus.arc.ClientProxy.unwrap(parser))
                .isInstanceOf(vn.actionmonth.common.security.VerifiedTokens.class);
        String viewer = DevStackTestResource.token(unit, Roles.VIEWER);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(viewer).when().get("/api/v1/probes").then().statusCode(403);
        }
        // The remembered token's signature with a payload that claims the planner role.
        String[] parts = viewer.split("\\.");
        String planner = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"" + Roles.VIEWER + "\"", "\"" + Roles.PLANNER + "\"");
        assertThat(planner).contains(Roles.PLANNER);
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(planner.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        given().auth().oauth2(forged).when().get("/api/v1/probes").then().statusCode(401);
    }

    @Test
    void aBrowserPageOfTheConfiguredOriginMayCallTheApiAndReadItsHeaders() {
        String origin = "https://thangvihanhdong.gov.vn";
        String allowedHeaders = given().header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match,if-none-match,idempotency-key")
                .when().options("/api/v1/probes").then().statusCode(200)
                .header("Access-Control-Allow-Origin", origin)
                .header("Access-Control-Allow-Methods", org.hamcrest.Matchers.containsString("POST"))
                .extract().header("Access-Control-Allow-Headers");
        assertThat(allowedHeaders.toLowerCase()).contains("authorization", "content-type", "if-match", "if-none-match",
                "idempotency-key");

        String exposed = given().header("Origin", origin).auth().oauth2(DevStackTestResource.token(unit, Roles.PLANNER))
                .when().get("/api/v1/probes").then().statusCode(200).body(equalTo("ok"))
                .header("Access-Control-Allow-Origin", origin)
                .extract().header("Access-Control-Expose-Headers");
        assertThat(exposed).contains("ETag", "Location", "Retry-After", "X-Request-Id");
    }

    @Test
    void aBrowserPageOfAnyOtherOriginGetsNoPermission() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization")
                .when().options("/api/v1/probes").then()
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
        given().header("Origin", "https://evil.example").auth().oauth2(DevStackTestResource.token(unit, Roles.PLANNER))
                .when().get("/api/v1/probes").then()
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
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
