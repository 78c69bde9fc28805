package vn.actionmonth.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import vn.actionmonth.devstack.Stack;

import java.util.Map;
import java.util.UUID;

/** The three services' APIs as one official at one unit with some roles sees them. */
final class Api {

    private final Stack stack;
    private final UUID unit;
    private final String[] roles;

    private Api(Stack stack, UUID unit, String... roles) {
        this.stack = stack;
        this.unit = unit;
        this.roles = roles;
    }

    static Api as(Stack stack, UUID unit, String... roles) {
        return new Api(stack, unit, roles);
    }

    RequestSpecification plan() {
        return on("plan-service");
    }

    RequestSpecification report() {
        return on("report-service");
    }

    RequestSpecification notification() {
        return on("notification-service");
    }

    private RequestSpecification on(String service) {
        return RestAssured.given()
                .baseUri(stack.service(service).endpoint().baseUrl())
                .auth().oauth2(stack.token(unit, roles))
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    /** POSTs and expects 201; returns the response (id in the body, ETag in the header). */
    static Response created(RequestSpecification spec, String path, Object body) {
        return spec.body(body).post(path).then().statusCode(201).extract().response();
    }

    static UUID id(Response r) {
        return UUID.fromString(r.path("id"));
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
