package vn.actionmonth.events.outbox;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;
import vn.actionmonth.events.EventEnvelope;
import vn.actionmonth.events.EventsConfig;
import vn.actionmonth.events.kafka.CloudEventHeaders;
import vn.actionmonth.events.kafka.KafkaClients;
import vn.actionmonth.events.sql.NamedSql;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static vn.actionmonth.events.sql.NamedSql.params;

/**
 * Publishes outbox rows to Kafka in sequence order.
 *
 * <p>Each batch runs in one database transaction that first takes a transaction-scoped advisory
 * lock: whichever relay holds it publishes, the others wait their turn. So two replicas never
 * publish the same row, and rows of one key leave in the order they were written. Rows are
 * marked published only after the broker acknowledged every record of the batch (acks=all); if
 * anything fails the transaction rolls back and the same rows are sent again later.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final NamedSql LOCK = NamedSql.of("""
            SELECT pg_try_advisory_xact_lock(hashtext('outbox-relay')) AS held
            """);
    private static final NamedSql WAITING = NamedSql.of("""
            SELECT seq, id, topic, record_key, type, source, subject, occurred_at, payload, request_id
              FROM outbox_event
             WHERE published_at IS NULL
             ORDER BY seq
             LIMIT :batchSize
            """);
    private static final NamedSql MARK = NamedSql.of("""
            UPDATE outbox_event SET published_at = now() WHERE seq = ANY (:seqs)
            """);
    private static final NamedSql PURGE = NamedSql.of("""
            DELETE FROM outbox_event WHERE published_at < :before
            """);

    private final DataSource dataSource;
    private final KafkaClients clients;
    private final EventsConfig.Outbox config;
    private final String name;
    private KafkaProducer<String, byte[]> producer;
    private volatile boolean running;
    private Thread thread;
    private Instant nextPurge = Instant.EPOCH;

    public OutboxRelay(DataSource dataSource, KafkaClients clients, EventsConfig config, String name) {
        this.dataSource = dataSource;
        this.clients = clients;
        this.config = config.outbox();
        this.name = name;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    public boolean isRunning() {
        return running && thread != null && thread.isAlive();
    }

    private void loop() {
        while (running) {
            try {
                int published = publishBatch();
                if (published <= 0) {
                    purgeIfDue();
                    sleep(config.pollInterval().toMillis());
                }
            } catch (Exception e) {
                LOG.warnf("outbox relay %s: publish failed, retrying in %s: %s", name, config.retryBackoff(), e.toString());
                resetProducer();
                sleep(config.retryBackoff().toMillis());
            }
        }
    }

    /**
     * Publishes one batch. Returns the number of rows published, 0 when none were waiting, -1 when
     * another relay holds the lock.
     */
    public int publishBatch() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int n = publishBatch(c);
                c.commit();
                return n;
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }

    private int publishBatch(Connection c) throws Exception {
        try (PreparedStatement ps = LOCK.prepare(c, params()); ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (!rs.getBoolean("held")) {
                return -1;
            }
        }
        List<Long> seqs = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        KafkaProducer<String, byte[]> p = producer();
        try (PreparedStatement ps = WAITING.prepare(c, params().integer("batchSize", config.batchSize()));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                seqs.add(rs.getLong("seq"));
                EventEnvelope e = new EventEnvelope(
                        rs.getObject("id", UUID.class).toString(),
                        rs.getString("source"),
                        rs.getString("type"),
                        rs.getObject("occurred_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                        rs.getString("subject"),
                        rs.getString("topic"),
                        rs.getString("record_key"),
                        null);
                acks.add(p.send(CloudEventHeaders.toRecord(e, rs.getString("payload").getBytes(StandardCharsets.UTF_8),
                        rs.getString("request_id"))));
            }
        }
        if (seqs.isEmpty()) {
            return 0;
        }
        p.flush();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(60, TimeUnit.SECONDS);
        }
        try (PreparedStatement ps = MARK.prepare(c, params().bigints("seqs", seqs))) {
            ps.executeUpdate();
        }
        return seqs.size();
    }

    private void purgeIfDue() {
        Instant now = Instant.now();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plusSeconds(3600);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = PURGE.prepare(c, params().instant("before", now.minus(config.retention())))) {
            int n = ps.executeUpdate();
            if (n > 0) {
                LOG.debugf("outbox relay %s: deleted %d published rows past retention", name, n);
            }
        } catch (SQLException e) {
            LOG.warnf("outbox relay %s: purge failed: %s", name, e.toString());
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = clients.producer("outbox-" + name);
        }
        return producer;
    }

    /** After a failure the producer may hold records that will never be acknowledged: start clean. */
    private synchronized void resetProducer() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(1));
            producer = null;
        }
    }

    private void sleep(long ms) {
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
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        resetProducer();
    }
}
