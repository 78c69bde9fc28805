package vn.actionmonth.benchmark;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * What this machine can do with no service in the way, measured in the same run: the ceiling the
 * services' figures are read against.
 */
public final class MachineLimits {

    private MachineLimits() {
    }

    /**
     * Rows per second that plain JDBC batch inserts (batches of 500, one commit per batch) write
     * into a table shaped like a submitted report: ids, status, revision, timestamps and the
     * figures as JSON.
     */
    public static double jdbcInsertRowsPerSecond(String jdbcUrl, String user, String password, String figuresJson,
                                                 int rows) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS bench_report_rows");
                s.execute("CREATE TABLE bench_report_rows (id UUID PRIMARY KEY, obligation_id UUID NOT NULL, "
                        + "unit_id UUID NOT NULL, status VARCHAR(20) NOT NULL, revision INT NOT NULL, "
                        + "submitted_at TIMESTAMPTZ NOT NULL, figures JSONB NOT NULL)");
            }
            c.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_report_rows VALUES (?, ?, ?, 'SUBMITTED', 1, now(), ?::jsonb)")) {
                for (int i = 0; i < rows; i++) {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setObject(2, UUID.randomUUID());
                    ps.setObject(3, UUID.randomUUID());
                    ps.setString(4, figuresJson);
                    ps.addBatch();
                    if ((i + 1) % 500 == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE bench_report_rows");
            }
            c.commit();
            return rows / seconds;
        }
    }

    /**
     * Transactions per second of the one durable transaction a submission cannot avoid, from
     * {@code clients} connections at once: insert the report row with its figures and one outbox
     * row, commit (with the server's durable settings, so each commit waits for the disk, shared
     * by group commit). A fair floor for one submission: no HTTP, no token, no history, no checks.
     */
    public static double jdbcSubmissionTransactionsPerSecond(String jdbcUrl, String user, String password,
                                                             String figuresJson, int clients, int perClient)
            throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_submission, bench_outbox");
            s.execute("CREATE TABLE bench_submission (id UUID PRIMARY KEY, obligation_id UUID NOT NULL UNIQUE, "
                    + "unit_id UUID NOT NULL, status VARCHAR(20) NOT NULL, revision INT NOT NULL, "
                    + "submitted_at TIMESTAMPTZ NOT NULL, figures JSONB NOT NULL)");
            s.execute("CREATE TABLE bench_outbox (seq BIGSERIAL PRIMARY KEY, id UUID NOT NULL, topic VARCHAR(100) NOT NULL, "
                    + "record_key VARCHAR(100) NOT NULL, payload TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now())");
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        List<java.util.concurrent.Future<Void>> done = new java.util.ArrayList<>();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        for (int t = 0; t < clients; t++) {
            done.add(pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                     PreparedStatement report = c.prepareStatement("INSERT INTO bench_submission "
                             + "VALUES (?, ?, ?, 'SUBMITTED', 1, now(), ?::jsonb)");
                     PreparedStatement outbox = c.prepareStatement("INSERT INTO bench_outbox (id, topic, record_key, "
                             + "payload) VALUES (?, 'report.reports.v1', ?, ?)")) {
                    c.setAutoCommit(false);
                    start.await();
                    for (int i = 0; i < perClient; i++) {
                        UUID obligation = UUID.randomUUID();
                        report.setObject(1, UUID.randomUUID());
                        report.setObject(2, obligation);
                        report.setObject(3, UUID.randomUUID());
                        report.setString(4, figuresJson);
                        report.executeUpdate();
                        outbox.setObject(1, UUID.randomUUID());
                        outbox.setString(2, obligation.toString());
                        outbox.setString(3, figuresJson);
                        outbox.executeUpdate();
                        c.commit();
                    }
                }
                return null;
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        for (java.util.concurrent.Future<Void> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        pool.shutdown();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement s = c.createStatement()) {
            s.execute("DROP TABLE bench_submission, bench_outbox");
        }
        return clients * (double) perClient / seconds;
    }

    /** Produce→consume round trips, one record at a time (acks=all), after a warm-up. */
    public static Latencies kafkaRoundTrips(String bootstrapServers, int count) throws Exception {
        String topic = "bench.roundtrip." + UUID.randomUUID();
        Properties common = new Properties();
        common.put("bootstrap.servers", bootstrapServers);
        try (Admin admin = Admin.create(common)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        Properties pp = new Properties();
        pp.putAll(common);
        pp.put("acks", "all");
        pp.put("enable.idempotence", "true");
        pp.put("linger.ms", "0");
        pp.put("key.serializer", StringSerializer.class.getName());
        pp.put("value.serializer", StringSerializer.class.getName());
        Properties cp = new Properties();
        cp.putAll(common);
        cp.put("key.deserializer", StringDeserializer.class.getName());
        cp.put("value.deserializer", StringDeserializer.class.getName());
        cp.put("fetch.max.wait.ms", "1");
        Latencies out = new Latencies();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(pp);
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cp)) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToEnd(List.of(tp));
            consumer.position(tp);
            int warmUp = Math.min(100, count / 10);
            for (int i = 0; i < count + warmUp; i++) {
                String id = Integer.toString(i);
                long start = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, id, id)).get();
                boolean seen = false;
                while (!seen) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                        seen |= r.key().equals(id);
                    }
                }
                if (i >= warmUp) {
                    out.record((System.nanoTime() - start) / 1000);
                }
            }
        } finally {
            try (Admin admin = Admin.create(common)) {
                admin.deleteTopics(List.of(topic)).all().get();
            }
        }
        return out;
    }

    public static Map<String, Object> describe(double jdbcRowsPerSecond, double submissionTransactionsPerSecond,
                                               Latencies kafka) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("jdbcBatchInsertRowsPerSecond", Math.round(jdbcRowsPerSecond));
        out.put("jdbcSubmissionTransactionsPerSecond", Math.round(submissionTransactionsPerSecond));
        out.put("kafkaRoundTripP50Ms", kafka.percentileMillis(50));
        out.put("kafkaRoundTripP99Ms", kafka.percentileMillis(99));
        return out;
    }
}
