package vn.actionmonth.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import vn.actionmonth.devstack.DevStack;
import vn.actionmonth.events.kafka.CloudEventHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;

/** Reads a topic of the real broker from the beginning, the way an outside consumer would. */
final class TopicReader {

    private TopicReader() {
    }

    /**
     * Reads from the beginning until every record whose event id is in {@code through} was read, or the
     * timeout passes; returns the records matching {@code filter} read by then, in the order read.
     * <p>
     * The records named in {@code through} are the barrier: each is a later event of a key under test, so
     * it lies on that key's partition after every earlier record of the key (a relay publishes a key's
     * events in order). Once it was read, any duplicate of an earlier record of that key would have been
     * read as well; nothing depends on how long the reader waited.
     */
    static List<ConsumerRecord<String, byte[]>> readThrough(String topic, Predicate<ConsumerRecord<String, byte[]>> filter,
                                                            Set<String> through, Duration timeout) {
        Properties p = new Properties();
        p.put("bootstrap.servers", DevStack.shared().bootstrapServers());
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        p.put("enable.auto.commit", "false");
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        Set<String> waitingFor = new HashSet<>(through);
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Instant end = Instant.now().plus(timeout);
            while (!waitingFor.isEmpty() && Instant.now().isBefore(end)) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (filter.test(r)) {
                        out.add(r);
                    }
                    waitingFor.remove(id(r));
                }
            }
        }
        if (!waitingFor.isEmpty()) {
            throw new AssertionError("not on " + topic + " within " + timeout + ": " + waitingFor);
        }
        return out;
    }

    /** The record's event id (its {@code ce_id} header). */
    static String id(ConsumerRecord<String, byte[]> r) {
        var h = r.headers().lastHeader(CloudEventHeaders.ID);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
