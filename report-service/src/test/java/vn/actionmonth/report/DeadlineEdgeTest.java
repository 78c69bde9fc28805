package vn.actionmonth.report;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.actionmonth.report.domain.ObligationReplica;
import vn.actionmonth.report.repository.ObligationRepository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The edge of a deadline. "Trước ngày 20/7/2024" is due at 2024-07-20T00:00:00+07:00, which plan-service may
 * just as well send in UTC (2024-07-19T17:00:00Z): the 19th is the last day to report, to its last second, and
 * midnight ending it is already late. The service's clock is set through its API, as an operator would.
 */
@QuarkusTest
@TestProfile(DeadlineEdgeTest.AdjustableClock.class)
class DeadlineEdgeTest extends ReportServiceTestBase {

    /** The service with its clock adjustable (PUT /api/v1/clock). */
    public static class AdjustableClock implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clock.adjustable", "true");
        }
    }

    /** The due instant, given in UTC: midnight starting 20 July 2024 in Vietnam. */
    private static final OffsetDateTime DUE_IN_UTC = OffsetDateTime.parse("2024-07-19T17:00:00Z");

    private static final UUID PLATFORM = UUID.randomUUID();

    @Inject
    ObligationRepository obligations;

    @AfterEach
    void clockBackToNow() {
        setClock(OffsetDateTime.now());
    }

    @Test
    void submissionAtTheLastSecondOfTheDueDayIsOnTime() {
        Owed owed = owedByAWard("Phường Thống Nhất");

        OffsetDateTime lastSecond = OffsetDateTime.parse("2024-07-19T23:59:59+07:00");
        setClock(lastSecond);
        JsonPath report = submit(owed);

        assertThat(report.getBoolean("onTime")).isTrue();
        assertThat(instant(report, "submittedAt").truncatedTo(ChronoUnit.SECONDS)).isEqualTo(lastSecond.toInstant());
        assertThat(instant(report, "dueAt")).isEqualTo(OffsetDateTime.parse("2024-07-20T00:00:00+07:00").toInstant());
    }

    @Test
    void submissionAtMidnightEndingTheDueDayIsLate() {
        Owed owed = owedByAWard("Phường Lê Lợi");

        OffsetDateTime midnight = OffsetDateTime.parse("2024-07-20T00:00:00+07:00");
        setClock(midnight);
        JsonPath report = submit(owed);

        assertThat(report.getBoolean("onTime")).isFalse();
        assertThat(instant(report, "submittedAt").truncatedTo(ChronoUnit.SECONDS)).isEqualTo(midnight.toInstant());
        assertThat(instant(report, "dueAt")).isEqualTo(midnight.toInstant());
    }

    /**
     * The requests above are made a few milliseconds after the clock was set; the edge itself, to the nanosecond,
     * is judged on the obligation as report-service holds it, replicated from the event that gave the due instant
     * in UTC.
     */
    @Test
    void theDueInstantItselfIsLateAndTheNanosecondBeforeItOnTime() {
        Owed owed = owedByAWard("Phường Trường Chinh");
        ObligationReplica replicated = QuarkusTransaction.requiringNew().call(() -> obligations.findById(owed.obligation()));
        OffsetDateTime midnight = OffsetDateTime.parse("2024-07-20T00:00:00+07:00");

        assertThat(replicated.dueAfter(midnight.minusNanos(1))).as("23:59:59.999999999 on the 19th").isTrue();
        assertThat(replicated.dueAfter(midnight)).as("00:00:00 on the 20th").isFalse();
        assertThat(replicated.dueAfter(OffsetDateTime.parse("2024-07-19T17:00:00Z"))).as("the same instant in UTC").isFalse();
    }

    private record Owed(UUID ward, UUID obligation, String etag) {
    }

    /** A city, one of its wards and the ward's obligation, due at {@link #DUE_IN_UTC}; its draft report written. */
    private Owed owedByAWard(String wardName) {
        UUID city = UUID.randomUUID();
        UUID ward = UUID.randomUUID();
        UUID campaign = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        UUID obligation = UUID.randomUUID();
        publish(List.of(created(unit(city, "DISTRICT", "Thành phố Kon Tum", null, List.of())),
                created(unit(ward, "COMMUNE", wardName, city, List.of(city)))));
        publish(List.of(plan(plan, "75/KH-UBND", city, campaign, null, DUE_IN_UTC)));
        publish(List.of(obligation(obligation, plan, campaign, ward, city, DUE_IN_UTC)));
        awaitReplicated(List.of(city, ward), List.of(obligation));
        String etag = as(ward, "reporter")
                .body(Map.of("figures", Map.of("COMM_EVENTS", 4), "results", "Tổ chức 4 hoạt động truyền thông"))
                .put("/api/v1/obligations/" + obligation + "/report").then().statusCode(201).extract().header("ETag");
        return new Owed(ward, obligation, etag);
    }

    /** Submits the ward's draft in one request, within the second the clock was set to (the draft is written). */
    private static JsonPath submit(Owed owed) {
        return as(owed.ward(), "reporter").header("If-Match", owed.etag()).queryParam("submit", true)
                .body(Map.of("figures", Map.of("COMM_EVENTS", 4))).put("/api/v1/obligations/" + owed.obligation() + "/report")
                .then().statusCode(200).body("status", equalTo("SUBMITTED")).extract().jsonPath();
    }

    private static Instant instant(JsonPath report, String field) {
        return OffsetDateTime.parse(report.getString(field)).toInstant();
    }

    private static void setClock(OffsetDateTime now) {
        as(PLATFORM, "system").body(Map.of("now", now.toString())).put("/api/v1/clock").then().statusCode(200);
    }
}
