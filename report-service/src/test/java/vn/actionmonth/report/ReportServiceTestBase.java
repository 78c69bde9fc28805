package vn.actionmonth.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import vn.actionmonth.devstack.DevStackTestResource;
import vn.actionmonth.events.EventEnvelope;
import vn.actionmonth.events.EventPayload;
import vn.actionmonth.events.kafka.CloudEventHeaders;
import vn.actionmonth.events.plan.ObligationCreated;
import vn.actionmonth.events.plan.ObligationSnapshot;
import vn.actionmonth.events.plan.PlanPublished;
import vn.actionmonth.events.plan.PlanSummary;
import vn.actionmonth.events.plan.UnitCreated;
import vn.actionmonth.events.plan.UnitSnapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * What every report-service test shares: the real database and broker, and plan-service's side
 * played by a plain Kafka producer that publishes units, plans and obligations as plan-service
 * would. One Quarkus profile for the whole module.
 */
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "report"))
public abstract class ReportServiceTestBase {

    private static KafkaProducer<String, byte[]> producer;

    @Inject
    protected ObjectMapper mapper;

    @Inject
    protected AgroalDataSource dataSource;

    protected static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    ConfigProvider.getConfig().getValue("events.kafka.bootstrap-servers", String.class));
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }

    @AfterAll
    static synchronized void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    /** Publishes plan-service's events as plan-service would, and waits until the broker has them. */
    protected void publish(Collection<? extends EventPayload> payloads) {
        try {
            List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
            for (EventPayload p : payloads) {
                EventEnvelope e = new EventEnvelope(UUID.randomUUID().toString(), "/plan-service", p.type(),
                        OffsetDateTime.now(), p.subject(), p.topic(), p.key(), mapper.valueToTree(p));
                acks.add(producer().send(CloudEventHeaders.toRecord(e, mapper.writeValueAsBytes(p))));
            }
            for (var ack : acks) {
                ack.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- plan-service's facts ----

    protected static UnitSnapshot unit(UUID id, String kind, String name, UUID parent, List<UUID> ancestors) {
        return new UnitSnapshot(id, kind, name, null, null, null, parent, ancestors,
                parent == null ? List.of() : List.of(new UnitSnapshot.ParentPeriod(parent, LocalDate.of(2020, 1, 1), null)),
                LocalDate.of(2020, 1, 1), null, false, 1);
    }

    protected static UnitCreated created(UnitSnapshot u) {
        return new UnitCreated(u);
    }

    protected static PlanPublished plan(UUID id, String number, UUID issuer, UUID campaign, UUID basis, OffsetDateTime due) {
        return new PlanPublished(new PlanSummary(id, number, "Kế hoạch tổ chức Tháng hành động vì trẻ em năm 2024", issuer,
                campaign, 2024, basis, LocalDate.of(2024, 5, 10), LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30),
                "PUBLISHED", 1, List.of(), List.of(), issuer, null, "CAM", due));
    }

    protected static ObligationCreated obligation(UUID id, UUID plan, UUID campaign, UUID unit, UUID recipient,
                                                  OffsetDateTime due) {
        return new ObligationCreated(new ObligationSnapshot(id, plan, "75/KH-UBND", "Kế hoạch Tháng hành động vì trẻ em",
                campaign, 2024, unit, recipient, null, "CAM", due, "OPEN", 1, unit, null, null, "FINAL", java.util.List.of(), false));
    }

    // ---- waiting for the replicas ----

    protected long count(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof Object[] arr) {
                    ps.setArray(i + 1, c.createArrayOf(arr instanceof UUID[] ? "uuid" : "varchar", arr));
                } else {
                    ps.setObject(i + 1, params[i]);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    protected void awaitReplicated(Collection<UUID> units, Collection<UUID> obligations) {
        UUID[] u = units.toArray(UUID[]::new);
        UUID[] o = obligations.toArray(UUID[]::new);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                count("SELECT count(*) FROM unit_replica WHERE id = ANY (?)", (Object) u) == u.length
                        && count("SELECT count(*) FROM obligation_replica WHERE id = ANY (?)", (Object) o) == o.length);
    }

    // ---- the API ----

    protected static RequestSpecification as(UUID unit, String... roles) {
        return given().auth().oauth2(DevStackTestResource.token(unit, roles)).contentType(ContentType.JSON);
    }

    protected static Response createDraft(UUID unit, UUID obligation, Map<String, ?> figures) {
        return as(unit, "reporter").body(Map.of("obligationId", obligation, "figures", figures,
                        "results", "Tổ chức Lễ phát động Tháng hành động vì trẻ em"))
                .post("/api/v1/reports");
    }

    /** Creates and submits; returns the report id. */
    protected static String submitNew(UUID unit, UUID obligation, Map<String, ?> figures) {
        String id = createDraft(unit, obligation, figures).then().statusCode(201).extract().path("id");
        as(unit, "reporter").post("/api/v1/reports/" + id + "/submit").then().statusCode(200);
        return id;
    }

    protected static String etag(UUID unit, String reportId) {
        return as(unit, "viewer").get("/api/v1/reports/" + reportId).then().statusCode(200).extract().header("ETag");
    }

    protected static Map<String, Object> consolidated(UUID unit, String scopeParam, UUID scope, String basis) {
        List<Map<String, Object>> rows = as(unit, "viewer").queryParam("unit", unit).queryParam(scopeParam, scope)
                .queryParam("basis", basis).get("/api/v1/consolidations").then().statusCode(200).extract().path("figures");
        Map<String, Object> out = new java.util.TreeMap<>();
        rows.forEach(r -> out.put((String) r.get("code"), ((Number) r.get("total")).longValue()));
        return out;
    }

    /**
     * Awaits until every report event has reached the consolidation, then checks it against the
     * reports: a country-wide operation, run as a system account.
     */
    protected static Map<String, Object> awaitConsistent() {
        UUID platform = UUID.randomUUID();
        await().atMost(Duration.ofSeconds(120)).until(() ->
                as(platform, "system").post("/api/v1/consistency-checks").then().statusCode(200)
                        .extract().<Integer>path("pending") == 0);
        return as(platform, "system").post("/api/v1/consistency-checks").then().statusCode(200).extract().path("$");
    }
}
