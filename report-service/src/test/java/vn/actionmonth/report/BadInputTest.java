package vn.actionmonth.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.actionmonth.devstack.DevStackTestResource;
import vn.actionmonth.events.EventPayload;
import vn.actionmonth.testsupport.BadInputs;
import vn.actionmonth.testsupport.BadInputs.Bad;
import vn.actionmonth.testsupport.BadInputs.Operation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hundreds of malformed requests, generated from valid ones, against every write operation and
 * every list of report-service, each sent by a caller allowed to make it: each is answered with a
 * 4xx problem+json, never a 5xx, and nothing is written (reports, their history, idempotency
 * keys, the outbox keep their rows).
 */
@QuarkusTest
class BadInputTest extends ReportServiceTestBase {

    private static final long DEFAULT_BODY = vn.actionmonth.common.rest.MaxBody.DEFAULT;
    private static final long REPORT_BODY = 512 * 1024;

    @Test
    void malformedRequestsAreRefusedWithProblemJsonAndChangeNothing() throws Exception {
        UUID province = UUID.randomUUID();
        UUID city = UUID.randomUUID();
        UUID ward = UUID.randomUUID();
        UUID campaign = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        UUID drafted = UUID.randomUUID();
        UUID owed = UUID.randomUUID();
        OffsetDateTime due = OffsetDateTime.parse("2099-07-10T00:00:00+07:00");
        List<EventPayload> events = new ArrayList<>();
        events.add(created(unit(province, "PROVINCE", "Tỉnh Kon Tum", null, List.of())));
        events.add(created(unit(city, "DISTRICT", "Thành phố Kon Tum", province, List.of(province))));
        events.add(created(unit(ward, "COMMUNE", "Phường Nguyễn Trãi", city, List.of(province, city))));
        events.add(plan(plan, "124/KH-UBND", city, campaign, null, due));
        events.add(obligation(drafted, plan, campaign, ward, city, due));
        events.add(obligation(owed, plan, campaign, ward, city, due));
        publish(events);
        awaitReplicated(List.of(province, city, ward), List.of(drafted, owed));

        ObjectNode figures = mapper.createObjectNode();
        JsonNode set = mapper.readTree(given().auth().oauth2(DevStackTestResource.token(ward, "viewer"))
                .get("/api/v1/indicator-sets/CAM").asString());
        for (JsonNode i : set.get("indicators")) {
            switch (i.get("type").asText()) {
                case "boolean" -> figures.put(i.get("code").asText(), true);
                case "money" -> figures.put(i.get("code").asText(), 15_500_000L);
                case "text" -> figures.put(i.get("code").asText(), "Tổ chức tại Nhà văn hóa phường");
                default -> figures.put(i.get("code").asText(), 12);
            }
        }
        ObjectNode create = mapper.createObjectNode().put("obligationId", owed.toString())
                .put("results", "Tổ chức Lễ phát động Tháng hành động vì trẻ em ngày 01/6")
                .put("difficulties", "Kinh phí còn hạn chế").put("proposals", "Đề nghị bổ sung kinh phí dạy bơi");
        create.set("figures", figures);
        String report = createDraft(ward, drafted, Map.of("COMM_EVENTS", 3)).then().statusCode(201).extract().path("id");
        String etag = etag(ward, report);
        ObjectNode update = create.deepCopy();
        update.remove("obligationId");
        JsonNode openApi = mapper.readTree(given().accept("application/json").get("/q/openapi").asString());
        Map<String, Long> before = rowCounts();

        List<Bad> asReporter = new ArrayList<>();
        Operation createReport = Operation.body("POST", "/api/v1/reports", "/api/v1/reports", create, REPORT_BODY);
        asReporter.addAll(BadInputs.forBody(createReport, openApi));
        asReporter.addAll(BadInputs.forHeaders(createReport, List.of("Idempotency-Key")));
        Operation updateReport = Operation.body("PUT", "/api/v1/reports/{id}", "/api/v1/reports/" + report, update,
                REPORT_BODY).withHeaders(Map.of("If-Match", etag));
        asReporter.addAll(BadInputs.forBody(updateReport, openApi));
        asReporter.addAll(BadInputs.forHeaders(updateReport, List.of("If-Match")));
        asReporter.addAll(BadInputs.forHeaders(Operation.noBody("POST", "/api/v1/reports/{id}/submit", "/api/v1/reports/"
                + report + "/submit"), List.of("If-Match", "Idempotency-Key")));
        asReporter.addAll(BadInputs.forList("/api/v1/reports", "/api/v1/reports", Map.of(), Map.of(
                "plan", List.of("khong-phai-uuid"), "unit", List.of("12345"), "status", List.of("DA_NOP", "submitted"))));
        Map<String, Object> scope = new LinkedHashMap<>(Map.of("unit", city.toString(), "campaign", campaign.toString()));
        asReporter.addAll(reads("/api/v1/consolidations", scope, Map.of("basis", List.of("DA_DUYET"))));
        asReporter.addAll(reads("/api/v1/consolidations/table", scope, Map.of()));
        asReporter.addAll(reads("/api/v1/completeness", scope, Map.of("level", List.of("TOAN_BO"))));
        asReporter.add(new Bad("GET /api/v1/reports/{id} with an id that is no UUID", "GET", "/api/v1/reports/bao-cao-1",
                Map.of(), Map.of(), null, (byte[]) null));

        List<Bad> asApprover = new ArrayList<>();
        Operation returnReport = Operation.body("POST", "/api/v1/reports/{id}/return", "/api/v1/reports/" + report
                + "/return", mapper.createObjectNode().put("reason", "Số liệu chưa khớp với danh sách kèm theo"), DEFAULT_BODY);
        asApprover.addAll(BadInputs.forBody(returnReport, openApi));
        asApprover.addAll(BadInputs.forHeaders(returnReport, List.of("If-Match")));
        asApprover.addAll(BadInputs.forHeaders(Operation.noBody("POST", "/api/v1/reports/{id}/approve", "/api/v1/reports/"
                + report + "/approve"), List.of("If-Match")));

        int sent = BadInputs.send(asReporter, DevStackTestResource.token(ward, "reporter", "viewer"))
                + BadInputs.send(asApprover, DevStackTestResource.token(city, "approver"));
        System.out.printf("bad input: %d malformed requests to report-service, every one a 4xx problem+json%n", sent);
        assertThat(sent).isGreaterThan(300);
        assertThat(rowCounts()).as("rows of every table the API writes").isEqualTo(before);
    }

    /** Reads of a unit's figures with a parameter made impossible, one at a time. */
    private static List<Bad> reads(String path, Map<String, Object> valid, Map<String, List<Object>> more) {
        Map<String, List<Object>> bad = new LinkedHashMap<>();
        bad.put("unit", List.of("khong-phai-uuid", ""));
        bad.put("campaign", List.of("2024"));
        bad.putAll(more);
        List<Bad> out = new ArrayList<>();
        bad.forEach((name, values) -> values.forEach(value -> {
            Map<String, Object> q = new LinkedHashMap<>(valid);
            q.put(name, value);
            out.add(new Bad("GET " + path + " ?" + name + "=" + value, "GET", path, q, Map.of(), null, (byte[]) null));
        }));
        return out;
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("report", "report_revision", "idempotency_key", "outbox_event")) {
            counts.put(table, count("SELECT count(*) FROM " + table));
        }
        return counts;
    }
}
