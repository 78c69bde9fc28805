package vn.actionmonth.events.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;
import vn.actionmonth.events.Correlation;
import vn.actionmonth.events.EventEnvelope;
import vn.actionmonth.events.EventsConfig;
import vn.actionmonth.events.kafka.CloudEventHeaders;
import vn.actionmonth.events.kafka.KafkaClients;

import java.nio.charset.StandardCharsets;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Reads the handlers' topics and applies each event once.
 *
 * <p>Per poll: the whole batch is applied in one database transaction together with its inbox
 * rows (events already in the inbox are skipped), then the Kafka offsets are committed. If the
 * batch fails, each event is tried on its own, a few times with back-off; one that still fails,
 * or cannot be parsed at all, goes to the dead-letter topic with the reason in its headers and is
 * recorded as dead-lettered. If the database itself is unreachable nothing is skipped: the loop
 * rewinds to the batch and tries again. Offsets are committed only once every record of the batch
 * is either applied or safely in the dead-letter topic.
 */
public final class EventConsumerLoop implements AutoCloseable {

    public static final String DLT_ERROR = "dlt_error";
    public static final String DLT_TOPIC = "dlt_original_topic";
    public static final String DLT_PARTITION = "dlt_original_partition";
    public static final String DLT_OFFSET = "dlt_original_offset";
    public static final String DLT_CONSUMER = "dlt_consumer";

    private static final Logger LOG = Logger.getLogger(EventConsumerLoop.class);

    private final KafkaClients clients;
    private final Inbox inbox;
    private final List<EventHandler> handlers;
    private final ObjectMapper mapper;
    private final EventsConfig.Consumer config;
    private final String groupId;
    private final String deadLetterTopic;
    private final Set<String> topics = new HashSet<>();
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> deadLetters;
    private Thread thread;

    public EventConsumerLoop(KafkaClients clients, Inbox inbox, List<EventHandler> handlers, ObjectMapper mapper,
                             EventsConfig.Consumer config, String groupId, String deadLetterTopic) {
        this.clients = clients;
        this.inbox = inbox;
        this.handlers = List.copyOf(handlers);
        this.mapper = mapper;
        this.config = config;
        this.groupId = groupId;
        this.deadLetterTopic = deadLetterTopic;
        handlers.forEach(h -> topics.addAll(h.topics()));
    }

    public Set<String> topics() {
        return Set.copyOf(topics);
    }

    public synchronized void start() {
        if (running || topics.isEmpty()) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "event-consumer-" + groupId);
        thread.setDaemon(true);
        thread.start();
    }

    public boolean isRunning() {
        return running && thread != null && thread.isAlive();
    }

    private void loop() {
        consumer = clients.consumer(groupId);
        deadLetters = clients.producer("dead-letters");
        try {
            consumer.subscribe(topics);
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                try {
                    process(records);
                    consumer.commitSync(nextOffsets(records));
                } catch (RetryLaterException e) {
                    LOG.warnf("consumer %s: %s; rewinding and retrying", groupId, e.getMessage());
                    rewind(records);
                    pause(config.retryBackoff().toMillis() * 10);
                }
            }
        } catch (WakeupException e) {
            // close() woke the poll up: leave the loop.
        } catch (RuntimeException e) {
            LOG.errorf(e, "consumer %s stopped", groupId);
        } finally {
            running = false;
            consumer.close(Duration.ofSeconds(5));
            deadLetters.close(Duration.ofSeconds(5));
        }
    }

    private void process(ConsumerRecords<String, byte[]> records) {
        List<Parsed> parsed = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> r : records) {
            try {
                parsed.add(new Parsed(r, CloudEventHeaders.fromRecord(r, mapper)));
            } catch (RuntimeException e) {
                deadLetter(r, e);
            }
        }
        try {
            inTransaction(() -> apply(parsed));
            return;
        } catch (RetryLaterException e) {
            throw e;
        } catch (Exception e) {
            LOG.debugf(e, "consumer %s: batch of %d failed; applying one by one", groupId, parsed.size());
        }
        for (Parsed p : parsed) {
            applyAlone(p);
        }
    }

    private void apply(List<Parsed> batch) throws Exception {
        List<EventEnvelope> events = batch.stream().map(Parsed::event).toList();
        Set<String> fresh = inbox.claim(groupId, events);
        Set<String> appliedNow = new HashSet<>();
        ConsumerBatch context = new ConsumerBatch();
        for (Parsed p : batch) {
            EventEnvelope e = p.event();
            if (fresh.contains(e.id()) && appliedNow.add(e.id())) {
                Correlation.during(e.id(), CloudEventHeaders.value(p.record().headers(), Correlation.HEADER), () -> {
                    for (EventHandler h : handlers) {
                        if (h.topics().contains(e.topic())) {
                            h.handle(e, context);
                        }
                    }
                });
            }
        }
        context.runBeforeCommit();
    }

    private void applyAlone(Parsed p) {
        long backoff = config.retryBackoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                inTransaction(() -> apply(List.of(p)));
                return;
            } catch (RetryLaterException e) {
                throw e;
            } catch (Exception e) {
                if (attempt >= config.maxAttempts()) {
                    deadLetter(p.record(), e);
                    try {
                        inTransaction(() -> inbox.recordDeadLettered(groupId, p.event()));
                    } catch (Exception recordFailure) {
                        // The event is safe in the dead-letter topic; a redelivery would send it there again.
                        LOG.warnf("consumer %s: could not record %s as dead-lettered: %s", groupId, p.event().id(),
                                recordFailure.toString());
                    }
                    return;
                }
                pause(backoff);
                backoff *= 2;
            }
        }
    }

    /** Sends the record, as it came, to the dead-letter topic and waits for the broker to have it. */
    private void deadLetter(ConsumerRecord<String, byte[]> r, Exception reason) {
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(deadLetterTopic, r.key(), r.value());
        r.headers().forEach(h -> out.headers().add(h));
        put(out, DLT_ERROR, String.valueOf(rootMessage(reason)));
        put(out, DLT_TOPIC, r.topic());
        put(out, DLT_PARTITION, Integer.toString(r.partition()));
        put(out, DLT_OFFSET, Long.toString(r.offset()));
        put(out, DLT_CONSUMER, groupId);
        try {
            deadLetters.send(out).get(30, TimeUnit.SECONDS);
            LOG.warnf("consumer %s: %s@%d/%d sent to %s: %s", groupId, r.topic(), r.partition(), r.offset(),
                    deadLetterTopic, rootMessage(reason));
        } catch (Exception e) {
            throw new RetryLaterException("dead-letter topic unavailable: " + e, e);
        }
    }

    private void inTransaction(Work work) throws Exception {
        try {
            QuarkusTransaction.requiringNew().timeout(120).call(() -> {
                work.run();
                return null;
            });
        } catch (Exception e) {
            if (isTransient(e)) {
                throw new RetryLaterException("database unavailable: " + rootMessage(e), e);
            }
            throw e;
        }
    }

    private static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || (t instanceof java.sql.SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> rs = records.records(tp);
            offsets.put(tp, new OffsetAndMetadata(rs.get(rs.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private void rewind(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, Long> first = new LinkedHashMap<>();
        for (TopicPartition tp : records.partitions()) {
            first.put(tp, records.records(tp).get(0).offset());
        }
        first.forEach(consumer::seek);
    }

    private static void put(ProducerRecord<String, byte[]> r, String name, String value) {
        r.headers().remove(name);
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private record Parsed(ConsumerRecord<String, byte[]> record, EventEnvelope event) {
    }

    /** Nothing is wrong with the events; something they need is away. */
    static final class RetryLaterException extends RuntimeException {
        RetryLaterException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
