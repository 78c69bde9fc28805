package vn.actionmonth.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.actionmonth.devstack.DevStackTestResource;
import vn.actionmonth.plan.service.SampleData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/** Tokens for the sample's units and a plain Kafka reader of whole topics, for the tests. */
final class TestSupport {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private TestSupport() {
    }

    static String system() {
        return DevStackTestResource.token(SampleData.ministryId(), "system");
    }

    static String as(UUID unit, String... roles) {
        return DevStackTestResource.token(unit, roles);
    }

    static UUID unit(String sampleKey) {
        return SampleData.id("unit:" + sampleKey);
    }

    static UUID admin(String code) {
        return SampleData.adminUnitId(code);
    }

    static UUID plan(String sampleKey) {
        return SampleData.id("plan:" + sampleKey);
    }

    /** Every record on the topic so far, read by a fresh consumer with no group, as a new service would. */
    static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        return read(topic, key -> true);
    }

    /**
     * The records of some keys only: the units topic holds every test's trees (a national import is
     * 100,000 records), more than the service's heap the tests run in.
     */
    static List<ConsumerRecord<String, byte[]>> readKeys(String topic, java.util.Set<String> keys) {
        return read(topic, keys::contains);
    }

    private static List<ConsumerRecord<String, byte[]>> read(String topic, java.util.function.Predicate<String> keep) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("events.kafka.bootstrap-servers", String.class));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (keep.test(r.key())) {
                        out.add(r);
                    }
                });
            }
            return out;
        }
    }

    static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static JsonNode body(ConsumerRecord<String, byte[]> r) {
        try {
            return JSON.readTree(r.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
