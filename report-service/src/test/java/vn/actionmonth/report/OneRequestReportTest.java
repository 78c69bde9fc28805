package vn.actionmonth.report;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A ward reports on its obligation in one request, and a retry on a flaky network counts once. */
@QuarkusTest
class OneRequestReportTest extends ReportServiceTestBase {

    @Test
    void oneRequestCreatesAndSubmitsAndItsRetryChangesNothing() {
        UUID city = UUID.randomUUID();
        UUID ward = UUID.randomUUID();
        UUID otherWard = UUID.randomUUID();
        UUID campaign = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        UUID owed = UUID.randomUUID();
        UUID owedToo = UUID.randomUUID();
        OffsetDateTime due = OffsetDateTime.now().plusDays(10);
        publish(List.of(created(unit(city, "DISTRICT", "Thành phố Kon Tum", null, List.of())),
                created(unit(ward, "COMMUNE", "Phường Nguyễn Trãi", city, List.of(city))),
                created(unit(otherWard, "COMMUNE", "Phường Quyết Thắng", city, List.of(city)))));
        publish(List.of(plan(plan, "124/KH-UBND", city, campaign, null, due)));
        publish(List.of(obligation(owed, plan, campaign, ward, city, due), obligation(owedToo, plan, campaign, otherWard, city, due)));
        awaitReplicated(List.of(city, ward, otherWard), List.of(owed, owedToo));
        Map<String, Object> body = Map.of("figures", Map.of("COMM_EVENTS", 6, "FUND_RAISED_VND", 2_000_000),
                "results", "Tổ chức 6 hoạt động truyền thông");

        io.restassured.response.Response first = as(ward, "reporter").queryParam("submit", true).body(body)
                .put("/api/v1/obligations/" + owed + "/report");
        String id = first.then().statusCode(201).body("status", equalTo("SUBMITTED")).body("revision", equalTo(1))
                .extract().path("id");
        // Created and submitted: two versions, each with its history row.
        assertThat(first.header("ETag")).isEqualTo("\"1\"");
        io.restassured.response.Response history = as(ward, "viewer").get("/api/v1/reports/" + id + "/revisions");
        assertThat(history.then().statusCode(200).extract().<List<Integer>>path("seq")).containsExactly(0, 1);
        assertThat(history.then().extract().<List<String>>path("action")).containsExactly("CREATED", "SUBMITTED");
        assertThat(history.then().extract().<List<String>>path("status")).containsExactly("DRAFT", "SUBMITTED");
        // The same request again (the answer was lost on the way back): the same report, not submitted twice.
        as(ward, "reporter").queryParam("submit", true).body(body).put("/api/v1/obligations/" + owed + "/report")
                .then().statusCode(200).body("id", equalTo(id)).body("revision", equalTo(1));
        assertThat(count("SELECT count(*) FROM report_revision WHERE report_id = ? AND action = 'SUBMITTED'", UUID.fromString(id)))
                .isEqualTo(1);
        // Other content once submitted is refused: the report must be returned first.
        as(ward, "reporter").queryParam("submit", true).body(Map.of("figures", Map.of("COMM_EVENTS", 7)))
                .put("/api/v1/obligations/" + owed + "/report").then().statusCode(409);

        // Another unit's reporter may not; a bad figure is refused by name and creates nothing.
        as(otherWard, "reporter").body(body).put("/api/v1/obligations/" + owed + "/report").then().statusCode(403);
        as(otherWard, "reporter").body(Map.of("figures", Map.of("COMM_EVENTS", -1)))
                .put("/api/v1/obligations/" + owedToo + "/report").then().statusCode(400)
                .body("violations[0].field", equalTo("figures.COMM_EVENTS"));
        assertThat(count("SELECT count(*) FROM report WHERE obligation_id = ?", owedToo)).isZero();

        // A draft first, then the draft replaced and submitted in one more request, guarded by its ETag.
        String etag = as(otherWard, "reporter").body(body).put("/api/v1/obligations/" + owedToo + "/report").then()
                .statusCode(201).body("status", equalTo("DRAFT")).extract().header("ETag");
        as(otherWard, "reporter").header("If-Match", "\"999\"").queryParam("submit", true).body(body)
                .put("/api/v1/obligations/" + owedToo + "/report").then().statusCode(412);
        io.restassured.response.Response submitted = as(otherWard, "reporter").header("If-Match", etag)
                .queryParam("submit", true).body(Map.of("figures", Map.of("COMM_EVENTS", 9)))
                .put("/api/v1/obligations/" + owedToo + "/report");
        submitted.then().statusCode(200).body("status", equalTo("SUBMITTED")).body("figures.COMM_EVENTS", equalTo(9));
        // Two changes in that request, two versions: each history row names the version it made, the last the ETag's.
        List<Integer> seqs = as(otherWard, "viewer").get("/api/v1/reports/" + submitted.path("id") + "/revisions").then()
                .statusCode(200).extract().path("seq");
        List<String> actions = as(otherWard, "viewer").get("/api/v1/reports/" + submitted.path("id") + "/revisions").then()
                .extract().path("action");
        assertThat(actions).containsExactly("CREATED", "UPDATED", "SUBMITTED");
        assertThat(seqs).containsExactly(0, 1, 2);
        assertThat(submitted.header("ETag")).isEqualTo("\"2\"");
    }
}
