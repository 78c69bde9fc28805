package vn.actionmonth.report;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.actionmonth.devstack.DevStackTestResource;
import vn.actionmonth.events.EventPayload;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated province of 20 districts and 2,000 wards; every unit submits at once from a pool
 * of HTTP clients. Afterwards the consolidation equals the sums of the generated figures and the
 * consistency check finds no difference.
 */
@QuarkusTest
class ConcurrentSubmissionTest extends ReportServiceTestBase {

    private static final int DISTRICTS = 20;
    private static final int WARDS_PER_DISTRICT = 100;
    private static final int CLIENTS = 16;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    @TestHTTPResource("/")
    URL base;

    record Owed(UUID unit, UUID obligation, long commEvents, long fund, boolean launched) {
    }

    @Test
    void thousandsOfParallelSubmissionsConsolidateExactly() throws Exception {
        UUID campaign = UUID.randomUUID();
        UUID province = UUID.randomUUID();
        UUID provincePlan = UUID.randomUUID();
        OffsetDateTime due = OffsetDateTime.now().plusDays(5);
        Random random = new Random(42);
        List<EventPayload> units = new ArrayList<>();
        List<EventPayload> plans = new ArrayList<>();
        List<EventPayload> obligations = new ArrayList<>();
        List<Owed> owed = new ArrayList<>();
        units.add(created(unit(province, "PROVINCE", "Tỉnh Gia Lai", null, List.of())));
        plans.add(plan(provincePlan, "120/KH-UBND", province, campaign, null, due));
        for (int d = 0; d < DISTRICTS; d++) {
            UUID district = UUID.randomUUID();
            UUID districtPlan = UUID.randomUUID();
            units.add(created(unit(district, "DISTRICT", "Huyện số " + d, province, List.of(province))));
            plans.add(plan(districtPlan, d + "/KH-UBND", district, campaign, provincePlan, due));
            owed.add(owe(obligations, random, district, provincePlan, campaign, province, due));
            for (int w = 0; w < WARDS_PER_DISTRICT; w++) {
                UUID ward = UUID.randomUUID();
                units.add(created(unit(ward, "COMMUNE", "Xã số " + d + "-" + w, district, List.of(province, district))));
                owed.add(owe(obligations, random, ward, districtPlan, campaign, district, due));
            }
        }
        publish(units);
        publish(plans);
        publish(obligations);
        awaitReplicated(owed.stream().map(Owed::unit).toList(), owed.stream().map(Owed::obligation).toList());

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (Owed o : owed) {
                results.add(pool.submit(() -> submit(http, o)));
            }
            for (Future<Integer> f : results) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }

        Map<String, Object> check = awaitConsistent();
        assertThat(check).containsEntry("differenceCount", 0).containsEntry("pending", 0);
        assertThat((Integer) check.get("reportsChecked")).isGreaterThanOrEqualTo(owed.size());

        long comm = owed.stream().mapToLong(Owed::commEvents).sum();
        long fund = owed.stream().mapToLong(Owed::fund).sum();
        long launched = owed.stream().filter(Owed::launched).count();
        for (String[] scope : List.of(new String[] {"plan", provincePlan.toString()}, new String[] {"campaign", campaign.toString()})) {
            assertThat(consolidated(province, scope[0], UUID.fromString(scope[1]), "SUBMITTED"))
                    .containsEntry("COMM_EVENTS", comm)
                    .containsEntry("FUND_RAISED_VND", fund)
                    .containsEntry("LAUNCH_CEREMONY_HELD", launched);
        }
        Map<String, Object> completeness = as(province, "viewer").queryParam("unit", province)
                .queryParam("plan", provincePlan).get("/api/v1/completeness").then().statusCode(200).extract().path("$");
        assertThat(completeness).containsEntry("owed", owed.size()).containsEntry("received", owed.size())
                .containsEntry("onTime", owed.size()).containsEntry("missing", 0)
                .containsEntry("childrenOwed", DISTRICTS).containsEntry("childrenReported", DISTRICTS);

        theCheckFindsATamperedFigure(province, provincePlan);
    }

    /** With this many reports the check runs in several passes (test profile); a wrong figure is still found. */
    @SuppressWarnings("unchecked")
    private void theCheckFindsATamperedFigure(UUID province, UUID provincePlan) {
        assertThat(tamper(province, provincePlan, +1)).isOne();
        try {
            Map<String, Object> check = as(UUID.randomUUID(), "system").post("/api/v1/consistency-checks").then()
                    .statusCode(200).extract().path("$");
            assertThat(check).containsEntry("differenceCount", 1);
            assertThat((List<Map<String, Object>>) check.get("differences")).singleElement().satisfies(d -> assertThat(d)
                    .containsEntry("unitId", province.toString()).containsEntry("scopeId", provincePlan.toString())
                    .containsEntry("indicatorCode", "COMM_EVENTS"));
        } finally {
            tamper(province, provincePlan, -1);
        }
        // A stored row no report accounts for is found too.
        UUID stray = UUID.randomUUID();
        assertThat(count("WITH t AS (INSERT INTO consolidated_figures (unit_id, scope_id, own_submitted, total_submitted, "
                + "own_approved, total_approved, version, updated_at) SELECT ?, ?, '{}', "
                + "array_fill(0::bigint, ARRAY[s.slot - 1]) || 3::bigint, '{}', '{}', 1, now() FROM indicator_slot s "
                + "WHERE s.indicator_code = 'COMM_EVENTS' RETURNING 1) SELECT count(*) FROM t", stray, provincePlan)).isOne();
        try {
            Map<String, Object> check = as(UUID.randomUUID(), "system").post("/api/v1/consistency-checks").then()
                    .statusCode(200).extract().path("$");
            assertThat(check).containsEntry("differenceCount", 1);
            assertThat((List<Map<String, Object>>) check.get("differences")).singleElement().satisfies(d -> assertThat(d)
                    .containsEntry("unitId", stray.toString()).containsEntry("indicatorCode", "COMM_EVENTS"));
        } finally {
            count("WITH t AS (DELETE FROM consolidated_figures WHERE unit_id = ? RETURNING 1) SELECT count(*) FROM t", stray);
        }
        assertThat(awaitConsistent()).containsEntry("differenceCount", 0);
    }

    /** Moves the stored COMM_EVENTS total of (unit, scope) by {@code by}, behind the consumer's back. */
    private long tamper(UUID unit, UUID scope, int by) {
        return count("WITH t AS (UPDATE consolidated_figures f SET total_submitted[s.slot] = f.total_submitted[s.slot] + "
                + by + " FROM indicator_slot s WHERE s.indicator_code = 'COMM_EVENTS' AND f.unit_id = ? AND f.scope_id = ? "
                + "RETURNING 1) SELECT count(*) FROM t", unit, scope);
    }

    private static Owed owe(List<EventPayload> obligations, Random random, UUID unit, UUID plan, UUID campaign,
                            UUID recipient, OffsetDateTime due) {
        UUID id = UUID.randomUUID();
        obligations.add(obligation(id, plan, campaign, unit, recipient, due));
        return new Owed(unit, id, random.nextInt(50), random.nextInt(50_000) * 1000L, random.nextBoolean());
    }

    /** Create the draft, then submit it: two requests, as the mobile client does. */
    private int submit(HttpClient http, Owed o) throws Exception {
        String token = DevStackTestResource.token(o.unit(), "reporter");
        String body = "{\"obligationId\":\"" + o.obligation() + "\",\"figures\":{\"COMM_EVENTS\":" + o.commEvents()
                + ",\"FUND_RAISED_VND\":" + o.fund() + ",\"LAUNCH_CEREMONY_HELD\":" + o.launched()
                + "},\"results\":\"Hoàn thành kế hoạch\"}";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "api/v1/reports"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            return created.statusCode();
        }
        Matcher m = ID.matcher(created.body());
        if (!m.find()) {
            return -1;
        }
        HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(URI.create(base + "api/v1/reports/" + m.group(1) + "/submit"))
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        return submitted.statusCode();
    }
}
