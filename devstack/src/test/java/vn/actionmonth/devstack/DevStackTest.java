package vn.actionmonth.devstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The real servers the run command and the service tests stand on. */
class DevStackTest {

    private static Path dir;
    private static DevStack stack;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("devstack-test-");
        stack = DevStack.start(dir, 0, 0);
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
        KafkaNode.deleteTree(dir);
    }

    @Test
    void aCreatedDatabaseTakesVietnameseTextOverJdbc() throws Exception {
        String url = stack.createDatabase("devstack_check");

        assertThat(stack.createDatabase("devstack_check")).as("creating twice is harmless").isEqualTo(url);
        try (Connection c = DriverManager.getConnection(url, stack.postgres().user(), stack.postgres().password());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE unit (code text PRIMARY KEY, name text NOT NULL)");
            s.execute("INSERT INTO unit VALUES ('23305', 'Phường Nguyễn Trãi')");
            ResultSet rs = s.executeQuery("SELECT name, current_database() FROM unit WHERE code = '23305'");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("Phường Nguyễn Trãi");
            assertThat(rs.getString(2)).isEqualTo("devstack_check");
        }
    }

    @Test
    void postgresIsOneProcessTreeWhoseMemoryCanBeRead() {
        long pid = stack.postgres().pid();

        assertThat(pid).isPositive();
        assertThat(ProcessHandle.of(pid)).hasValueSatisfying(p -> assertThat(p.info().command()).hasValueSatisfying(
                command -> assertThat(command).endsWith("/postgres")));
        ProcessMemory memory = ProcessMemory.ofTree(pid);
        assertThat(memory.processes()).isGreaterThan(1);
        assertThat(memory.rssKb()).isGreaterThan(memory.pssKb()).isPositive();
    }

    @Test
    void theBrokerKeepsItsRecordsAcrossAStopAndARestart() throws Exception {
        String topic = "devstack.check";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        send(topic, "before", "Kế hoạch 87/KH-UBND");
        assertThat(readAll(topic)).containsExactly("Kế hoạch 87/KH-UBND");

        KafkaNode kafka = stack.kafka();
        kafka.stop();
        assertThat(kafka.pid()).isEqualTo(-1);
        assertThat(Probes.isListening(kafka.port())).isFalse();
        kafka.restart();

        assertThat(kafka.pid()).isPositive();
        send(topic, "after", "Báo cáo kết quả");
        assertThat(readAll(topic)).containsExactly("Kế hoạch 87/KH-UBND", "Báo cáo kết quả");
    }

    @Test
    void theBrokerLogsAtInfoToItsOwnFile() {
        Path log = stack.workDir().resolve("kafka/broker.log");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Files.readString(log)).contains(" INFO ").contains("(kafka.server."));
    }

    private static void send(String topic, String key, String value) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", stack.bootstrapServers());
        props.put("acks", "all");
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** Every value of the topic, read from the beginning by a new consumer group. */
    private static List<String> readAll(String topic) {
        Properties props = new Properties();
        props.put("bootstrap.servers", stack.bootstrapServers());
        props.put("group.id", "devstack-test-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            // In the test's thread: a consumer must not be shared between threads.
            await().pollInSameThread().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
                return !consumer.assignment().isEmpty()
                        && consumer.assignment().stream().allMatch(tp ->
                        consumer.position(tp) >= consumer.endOffsets(List.of(tp)).get(tp))
                        && !values.isEmpty();
            });
        }
        return values;
    }
}
