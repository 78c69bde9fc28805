package vn.actionmonth.devstack;

/** Where a service of the stack answers; every URL is on loopback. */
public record ServiceEndpoint(String name, int port) {

    public static final String HOST = "127.0.0.1";

    public String baseUrl() {
        return "http://" + HOST + ":" + port;
    }

    public String apiUrl() {
        return baseUrl() + "/api/v1";
    }

    public String swaggerUiUrl() {
        return baseUrl() + "/q/swagger-ui";
    }

    public String openApiUrl() {
        return baseUrl() + "/q/openapi";
    }

    /** Readiness: 200 once the database, migrations and Kafka are usable. */
    public String healthUrl() {
        return baseUrl() + "/q/health/ready";
    }
}
