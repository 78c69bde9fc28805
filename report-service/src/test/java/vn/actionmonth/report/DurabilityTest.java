package vn.actionmonth.report;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.actionmonth.devstack.DevStack;
import vn.actionmonth.devstack.PostgresNode;
import vn.actionmonth.events.EventPayload;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * An answer of 2xx means durable: PostgreSQL crashes (an immediate shutdown, as a power cut)
 * right after a batch of acknowledged submissions, and every one of them is there after the
 * restart. While it is down, requests answer 503 problem+json with Retry-After and readiness is
 * DOWN; it comes back UP by itself, and the first requests after the restart succeed at once
 * (the pool checks a connection that has been idle before handing it out).
 */
@QuarkusTest
class DurabilityTest extends ReportServiceTestBase {

    private static final int WARDS = 40;

    @Test
    void everyAcknowledgedSubmissionSurvivesACrashOfTheDatabase() throws Exception {
        UUID province = UUID.randomUUID();
        UUID city = UUID.randomUUID();
        UUID campaign = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        OffsetDateTime due = OffsetDateTime.parse("2099-07-10T00:00:00+07:00");
        List<EventPayload> events = new ArrayList<>();
        events.add(created(unit(province, "PROVINCE", "Tỉnh Kon Tum", null, List.of())));
        events.add(created(unit(city, "DISTRICT", "Thành phố Kon Tum", province, List.of(province))));
        events.add(plan(plan, "124/KH-UBND", city, campaign, null, due));
        List<UUID> wards = new ArrayList<>();
        List<UUID> obligations = new ArrayList<>();
        for (int i = 0; i < WARDS; i++) {
            UUID ward = UUID.randomUUID();
            UUID obligation = UUID.randomUUID();
            wards.add(ward);
            obligations.add(obligation);
            events.add(created(unit(ward, "COMMUNE", "Phường số " + (i + 1), city, List.of(province, city))));
            events.add(obligation(obligation, plan, campaign, ward, city, due));
        }
        publish(events);
        List<UUID> units = new ArrayList<>(wards);
        units.add(city);
        awaitReplicated(units, obligations);

        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < WARDS; i++) {
            acknowledged.add(submitNew(wards.get(i), obligations.get(i), Map.of("COMM_EVENTS", i + 1)));
        }

        PostgresNode postgres = DevStack.shared().postgres();
        postgres.crash();
        try {
            Response down = as(city, "viewer").get("/api/v1/reports/" + acknowledged.get(0));
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.contentType()).startsWith("application/problem+json");
            assertThat(down.header("Retry-After")).isEqualTo("5");
            assertThat(given().get("/q/health/ready").statusCode()).isEqualTo(503);
        } finally {
            postgres.restart();
        }

        await("readiness comes back by itself").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
        for (int i = 0; i < WARDS; i++) {
            as(city, "viewer").get("/api/v1/reports/" + acknowledged.get(i)).then().statusCode(200)
                    .body("status", equalTo("SUBMITTED")).body("figures.COMM_EVENTS", equalTo(i + 1));
        }
        Map<String, Object> check = awaitConsistent();
        assertThat(check.get("differenceCount")).isEqualTo(0);
    }
}
