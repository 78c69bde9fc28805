package vn.actionmonth.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.actionmonth.devstack.DevStackTestResource;
import vn.actionmonth.events.inbox.EventConsumerLoop;
import vn.actionmonth.events.kafka.CloudEventHeaders;
import vn.actionmonth.events.kafka.KafkaClients;
import vn.actionmonth.events.notification.NotificationFailed;
import vn.actionmonth.events.notification.NotificationSent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "events"))
class ConsumerLoopTest {

    @Inject
    ObjectMapper mapper;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    KafkaClients clients;

    KafkaProducer<String, byte[]> producer;
    private final Map<String, Integer> partitions = new HashMap<>();

    @BeforeEach
    void open() {
        producer = clients.producer("test");
    }

    @AfterEach
    void close() {
        producer.close();
    }

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() throws Exception {
        NotificationSent sent = sent(UUID.randomUUID());
        String eventId = UUID.randomUUID().toString();

        send(eventId, sent);
        send(eventId, sent);
        // A later event of the same key lands on the same partition, after the redelivery: once it is
        // applied, the consumer has passed the redelivered record too.
        String marker = UUID.randomUUID().toString();
        send(marker, sent(sent.notificationId()));

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(marker) == 1);
        assertThat(partitionOf(marker)).isEqualTo(partitionOf(eventId));
        assertThat(applied(eventId)).isEqualTo(1);
        assertThat(inboxOutcome(eventId)).isEqualTo("APPLIED");
    }

    @Test
    void aHandlerLogsWithTheEventIdAndTheIdOfTheRequestThatCausedTheEvent() throws Exception {
        String traced = UUID.randomUUID().toString();
        String untraced = UUID.randomUUID().toString();

        send(traced, sent(UUID.randomUUID()), "nop-bao-cao-42");
        send(untraced, sent(UUID.randomUUID()));

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(untraced) == 1);
        assertThat(applied(traced)).isEqualTo(1);
        assertThat(logged(traced)).containsExactly("nop-bao-cao-42", traced);
        assertThat(logged(untraced)).as("no request id leaks from the event before").containsExactly(null, untraced);
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndTheLoopGoesOn() throws Exception {
        UUID poisonKey = UUID.randomUUID();
        String poisonId = UUID.randomUUID().toString();
        String nextId = UUID.randomUUID().toString();

        send(poisonId, poison(poisonKey));
        send(nextId, sent(UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(nextId) == 1);
        // Once the poison is recorded as dead-lettered it is never sent there again; a second poison event of
        // the same key follows it into the dead-letter topic on the same partition, after any copy of it.
        await().atMost(Duration.ofSeconds(30)).until(() -> "DEAD_LETTERED".equals(inboxOutcome(poisonId)));
        String laterPoisonId = UUID.randomUUID().toString();
        send(laterPoisonId, poison(poisonKey));

        List<ConsumerRecord<String, byte[]>> dead = TopicReader.readThrough(Topics.deadLetterOf("events-test"),
                r -> poisonId.equals(OutboxTest.header(r, CloudEventHeaders.ID)), Set.of(laterPoisonId),
                Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        ConsumerRecord<String, byte[]> r = dead.get(0);
        assertThat(r.key()).isEqualTo(poisonKey.toString());
        assertThat(OutboxTest.header(r, EventConsumerLoop.DLT_TOPIC)).isEqualTo(Topics.DELIVERIES);
        assertThat(OutboxTest.header(r, EventConsumerLoop.DLT_ERROR)).contains("cannot be applied");
        assertThat(OutboxTest.header(r, CloudEventHeaders.TYPE)).isEqualTo("NotificationFailed");
        // Its partial effect rolled back with it; it is recorded so that a redelivery skips it.
        assertThat(applied(poisonId)).isZero();
        assertThat(inboxOutcome(poisonId)).isEqualTo("DEAD_LETTERED");
    }

    @Test
    void aRecordThatIsNotAnEventGoesToTheDeadLetterTopic() throws Exception {
        UUID key = UUID.randomUUID();
        RecordMetadata sent = producer.send(new ProducerRecord<>(Topics.DELIVERIES, key.toString(), "not an event".getBytes()))
                .get();
        // Once the consumer's committed offset is past the record it is not read again; a poison event of the same
        // key then follows it into the dead-letter topic on the same partition, after any copy of it.
        awaitCommittedPast(sent);
        String laterPoisonId = UUID.randomUUID().toString();
        send(laterPoisonId, poison(key));

        List<ConsumerRecord<String, byte[]>> dead = TopicReader.readThrough(Topics.deadLetterOf("events-test"),
                r -> key.toString().equals(r.key()) && !laterPoisonId.equals(OutboxTest.header(r, CloudEventHeaders.ID)),
                Set.of(laterPoisonId), Duration.ofSeconds(30));

        assertThat(dead).hasSize(1);
        assertThat(OutboxTest.header(dead.get(0), EventConsumerLoop.DLT_ERROR)).contains("ce_id");
        assertThat(new String(dead.get(0).value())).isEqualTo("not an event");
    }

    /** Waits until the service's consumer group has committed an offset past the record. */
    private void awaitCommittedPast(RecordMetadata record) {
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = clients.admin()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets("events-test").partitionsToOffsetAndMetadata()
                        .get().get(tp);
                return committed != null && committed.offset() > record.offset();
            });
        }
    }

    /** An event the test handler refuses, keyed by {@code notificationId}. */
    private static NotificationFailed poison(UUID notificationId) {
        return new NotificationFailed(notificationId, UUID.randomUUID(), "WEBHOOK", "REMINDER", "k", null, null, 5,
                "POISON", OffsetDateTime.now());
    }

    private NotificationSent sent(UUID id) {
        return new NotificationSent(id, UUID.randomUUID(), "INBOX", "REMINDER", "dedupe", null, null, 1,
                OffsetDateTime.now());
    }

    private void send(String eventId, vn.actionmonth.events.EventPayload payload) throws Exception {
        send(eventId, payload, null);
    }

    private void send(String eventId, vn.actionmonth.events.EventPayload payload, String requestId) throws Exception {
        EventEnvelope e = new EventEnvelope(eventId, "/test", payload.type(), OffsetDateTime.now(), payload.subject(),
                payload.topic(), payload.key(), null);
        partitions.put(eventId, producer.send(CloudEventHeaders.toRecord(e, mapper.writeValueAsBytes(payload), requestId))
                .get().partition());
    }

    /** The partition the event was last sent to. */
    private int partitionOf(String eventId) {
        return partitions.get(eventId);
    }

    /** The request id and event id the handler's logging context held. */
    private List<String> logged(String eventId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT logged_request_id, logged_event_id FROM applied_event WHERE event_id = ?")) {
            ps.setString(1, eventId);
            ResultSet rs = ps.executeQuery();
            rs.next();
            return java.util.Arrays.asList(rs.getString("logged_request_id"), rs.getString("logged_event_id"));
        }
    }

    private long applied(String eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM applied_event WHERE event_id = ?")) {
            ps.setString(1, eventId);
            ResultSet rs = ps.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    private String inboxOutcome(String eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT outcome FROM inbox_event WHERE event_id = ?")) {
            ps.setString(1, eventId);
            ResultSet rs = ps.executeQuery();
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
