package vn.actionmonth.devstack;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A unit code is looked up through plan-service's {@code GET /api/v1/units?code=}; here a small
 * HTTP server answers in its place, as plan-service would.
 */
class UnitResolverTest {

    private static final UUID NGUYEN_TRAI = UUID.fromString("3f2a9c1e-5b7d-4e8f-a1c2-d3e4f5a6b7c8");

    private final DevKeys keys = DevKeys.generate();
    private final AtomicReference<String> query = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private HttpServer plan;
    private String body = "{\"items\":[{\"id\":\"" + NGUYEN_TRAI + "\",\"code\":\"23305\",\"name\":\"Phường Nguyễn Trãi\"}],"
            + "\"page\":0,\"size\":20,\"total\":1}";
    private int status = 200;

    @BeforeEach
    void planService() throws IOException {
        plan = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        plan.createContext("/api/v1/units", exchange -> {
            query.set(exchange.getRequestURI().getRawQuery());
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        plan.start();
    }

    @AfterEach
    void stop() {
        plan.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + plan.getAddress().getPort();
    }

    @Test
    void aUuidIsTakenAsItIsWithoutAskingPlanService() {
        UUID unit = UUID.randomUUID();

        assertThat(UnitResolver.resolve(unit.toString(), url(), keys)).isEqualTo(unit);
        assertThat(query.get()).isNull();
    }

    @Test
    void aCodeIsLookedUpWithASystemToken() throws Exception {
        UUID unit = UnitResolver.resolve("23305", url(), keys);

        assertThat(unit).isEqualTo(NGUYEN_TRAI);
        assertThat(query.get()).isEqualTo("code=23305");
        String token = authorization.get().substring("Bearer ".length());
        var claims = DevTokensTest.part(token, 1);
        assertThat(claims.path("groups")).extracting(com.fasterxml.jackson.databind.JsonNode::asText).containsExactly("system");
        assertThat(claims.path("unit_id").asText()).isEqualTo(UnitResolver.NIL.toString());
    }

    @Test
    void anUnknownCodeSaysToPassAUuid() {
        body = "{\"items\":[],\"page\":0,\"size\":20,\"total\":0}";

        assertThatThrownBy(() -> UnitResolver.resolve("99999", url(), keys))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("no unit with code 99999")
                .hasMessageContaining("--unit <uuid>");
    }

    @Test
    void aPlanServiceWithoutTheQuerySaysToPassAUuid() {
        status = 404;
        body = "{\"status\":404}";

        assertThatThrownBy(() -> UnitResolver.resolve("23305", url(), keys))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("--unit <uuid>");
    }

    @Test
    void noPlanServiceSaysToPassAUuid() {
        plan.stop(0);

        assertThatThrownBy(() -> UnitResolver.resolve("23305", url(), keys))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("does not answer")
                .hasMessageContaining("--unit <uuid>");
    }
}
