package vn.actionmonth.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import vn.actionmonth.devstack.DevStackTestResource;
import vn.actionmonth.events.EventEnvelope;
import vn.actionmonth.events.EventPayload;
import vn.actionmonth.events.kafka.CloudEventHeaders;
import vn.actionmonth.events.plan.ObligationCreated;
import vn.actionmonth.events.plan.ObligationSnapshot;
import vn.actionmonth.events.plan.UnitCreated;
import vn.actionmonth.events.plan.UnitSnapshot;
import vn.actionmonth.events.report.ReportSubmitted;
import vn.actionmonth.notification.service.NotificationScheduler;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * What every test of the service shares: a real database and broker, a real SMTP server, a clock
 * the test moves, and helpers that feed plan-service's and report-service's events into the broker
 * exactly as those services would. Each test starts from empty deadlines and notifications on
 * 1 July 2024 (Vietnam time).
 */
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(SmtpTestResource.class)
public abstract class NotificationTestBase {

    protected static final ZoneOffset VN = ZoneOffset.ofHours(7);
    /** "trước ngày 20/7/2024". */
    protected static final OffsetDateTime DUE = at(2024, 7, 20);
    protected static final String PLAN_NUMBER = "75/KH-UBND";
    protected static final String PLAN_TITLE = "Tổ chức Tháng hành động vì trẻ em năm 2024";
    protected static final String LINK_BASE = "https://thangvihanhdong.gov.vn";

    private static KafkaProducer<String, byte[]> producer;

    @Inject
    protected TestClock clock;
    @Inject
    protected ObjectMapper mapper;
    @Inject
    protected NotificationScheduler scheduler;
    @Inject
    protected AgroalDataSource dataSource;
    @ConfigProperty(name = "events.kafka.bootstrap-servers")
    String bootstrapServers;

    protected final UUID planId = UUID.randomUUID();
    protected final UUID campaignId = UUID.randomUUID();

    @BeforeEach
    void startFromACleanSlate() {
        execute("TRUNCATE deadline, reminder_policy, channel, notification, delivery_attempt");
        clock.set(at(2024, 7, 1));
    }

    protected static OffsetDateTime at(int year, int month, int day) {
        return OffsetDateTime.of(year, month, day, 0, 0, 0, 0, VN);
    }

    // ---- the reporting tree -------------------------------------------------------------

    /** A province, one of its cities and wards under the city, all published as UnitCreated. */
    protected record Tree(UnitSnapshot province, UnitSnapshot city, List<UnitSnapshot> wards) {

        public UnitSnapshot ward(int i) {
            return wards.get(i);
        }
    }

    protected Tree tree(String... wardNames) {
        UnitSnapshot province = unit("PROVINCE", "Tỉnh Kon Tum", null);
        UnitSnapshot city = unit("DISTRICT", "Thành phố Kon Tum", province);
        List<UnitSnapshot> wards = new ArrayList<>();
        for (String name : wardNames) {
            wards.add(unit("COMMUNE", name, city));
        }
        List<String> ids = new ArrayList<>();
        ids.add(publish(new UnitCreated(province)));
        ids.add(publish(new UnitCreated(city)));
        wards.forEach(w -> ids.add(publish(new UnitCreated(w))));
        awaitConsumed(ids.toArray(String[]::new));
        return new Tree(province, city, wards);
    }

    protected static UnitSnapshot unit(String kind, String name, UnitSnapshot parent) {
        List<UUID> ancestors = new ArrayList<>();
        if (parent != null) {
            ancestors.addAll(parent.ancestorIds());
            ancestors.add(parent.id());
        }
        UUID parentId = parent == null ? null : parent.id();
        LocalDate from = LocalDate.of(2020, 1, 1);
        return new UnitSnapshot(UUID.randomUUID(), kind, name, name, null, null, parentId, ancestors,
                parentId == null ? List.of() : List.of(new UnitSnapshot.ParentPeriod(parentId, from, null)), from, null,
                false, 1);
    }

    // ---- events -----------------------------------------------------------------------

    protected ObligationSnapshot obligation(UnitSnapshot unit, UnitSnapshot recipient, OffsetDateTime due) {
        return new ObligationSnapshot(UUID.randomUUID(), planId, PLAN_NUMBER, PLAN_TITLE, campaignId, 2024, unit.id(),
                recipient.id(), null, "CAM-2024", due, "OPEN", 1, unit.id(), null, null, "FINAL", java.util.List.of(), false);
    }

    /** Publishes ObligationCreated and waits until the service applied it. */
    protected ObligationSnapshot oblige(UnitSnapshot unit, UnitSnapshot recipient) {
        ObligationSnapshot o = obligation(unit, recipient, DUE);
        awaitConsumed(publish(new ObligationCreated(o)));
        return o;
    }

    protected ReportSubmitted submitted(ObligationSnapshot o, int revision) {
        return new ReportSubmitted(UUID.nameUUIDFromBytes(o.id().toString().getBytes()), o.id(), o.planId(), o.campaignId(),
                o.unitId(), o.recipientId(), revision, "CAM-2024", 1, Map.of("CHILDREN_REACHED", 1200),
                clock.instant().atOffset(VN), o.dueAt(), clock.instant().isBefore(o.dueAt().toInstant()));
    }

    /** Publishes an event with a new id; returns the id. */
    protected String publish(EventPayload payload) {
        return publish(payload, UUID.randomUUID().toString());
    }

    /** Publishes an event with the given id, as the owning service's relay would (CloudEvents headers, JSON body). */
    protected String publish(EventPayload payload, String id) {
        return publish(payload, id, null);
    }

    /** Publishes an event caused by the request {@code requestId} (its {@code ce_requestid} header); returns its id. */
    protected String publishCausedBy(String requestId, EventPayload payload) {
        return publish(payload, UUID.randomUUID().toString(), requestId);
    }

    private String publish(EventPayload payload, String id, String requestId) {
        String source = payload.topic().startsWith("plan.") ? "/plan-service" : "/report-service";
        EventEnvelope e = new EventEnvelope(id, source, payload.type(), clock.instant().atOffset(ZoneOffset.UTC),
                payload.subject(), payload.topic(), payload.key(), null);
        try {
            producer().send(CloudEventHeaders.toRecord(e, mapper.writeValueAsBytes(payload), requestId)).get();
        } catch (Exception ex) {
            throw new IllegalStateException("could not publish " + payload.type(), ex);
        }
        return id;
    }

    /** Waits until the service's consumer has recorded every one of these events in its inbox table. */
    protected void awaitConsumed(String... eventIds) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> queryLong(
                "SELECT count(*) FROM inbox_event WHERE consumer = 'notification-service' AND event_id = ANY (?)",
                (Object) eventIds) == eventIds.length);
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }

    // ---- time and the scheduler -------------------------------------------------------

    /** Moves the clock to {@code t} and runs the scheduler once, as its timers would. */
    protected void runAt(OffsetDateTime t) {
        clock.set(t);
        runScheduler();
    }

    /** One run of each of the scheduler's timers: plan what has come due, then send what waits. */
    protected void runScheduler() {
        scheduler.plan();
        scheduler.dispatch();
    }

    // ---- the API ----------------------------------------------------------------------

    protected static String token(UnitSnapshot unit, String... roles) {
        return DevStackTestResource.token(unit.id(), roles);
    }

    /** The unit's inbox, oldest first. */
    protected List<Map<String, Object>> inbox(UnitSnapshot unit) {
        JsonPath page = given().auth().oauth2(token(unit, "viewer")).queryParam("size", 200)
                .when().get("/api/v1/inbox").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = new ArrayList<>(page.getList("items"));
        Collections.reverse(items);
        return items;
    }

    protected List<String> inboxKinds(UnitSnapshot unit) {
        return inbox(unit).stream().map(i -> (String) i.get("kind")).toList();
    }

    /** Subscribes a channel as the unit's admin; returns the answer (with the webhook secret). */
    protected JsonPath subscribe(UnitSnapshot unit, String type, String address) {
        return given().auth().oauth2(token(unit, "admin")).contentType(ContentType.JSON)
                .body(Map.of("type", type, "address", address))
                .when().post("/api/v1/units/{id}/channels", unit.id()).then().statusCode(201).extract().jsonPath();
    }

    // ---- the database -----------------------------------------------------------------

    protected long queryLong(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    protected void execute(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, params);
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(Connection c, PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            if (params[i] instanceof String[] arr) {
                ps.setArray(i + 1, c.createArrayOf("varchar", arr));
            } else {
                ps.setObject(i + 1, params[i]);
            }
        }
    }
}
