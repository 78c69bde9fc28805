package vn.actionmonth.deploycheck;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.actionmonth.events.Topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The KafkaTopic resources are exactly the topics of the event contract, with its settings. */
class KafkaTopicsTest {

    static List<String> kustomizations() {
        return Rendered.kustomizations();
    }

    @ParameterizedTest(name = "{0}: KafkaTopics equal Topics.ALL")
    @MethodSource("kustomizations")
    void kafkaTopicsAreTheContractsTopics(String kustomization) {
        Rendered rendered = Rendered.of(kustomization);
        Map<String, Map<String, Object>> declared = new TreeMap<>();
        for (Map<String, Object> topic : rendered.ofKind("KafkaTopic")) {
            String name = Yaml.stringAt(topic, "spec", "topicName");
            declared.put(name != null ? name : Yaml.stringAt(topic, "metadata", "name"), topic);
        }
        TreeSet<String> contract = new TreeSet<>();
        Topics.ALL.forEach(spec -> contract.add(spec.name()));
        assertThat(declared.keySet()).as("%s: KafkaTopic names (k8s/base/kafka-topics.yaml) against Topics.ALL "
                + "(events/src/main/java/vn/actionmonth/events/Topics.java)", kustomization).isEqualTo(contract);

        List<String> problems = new ArrayList<>();
        for (Topics.TopicSpec spec : Topics.ALL) {
            Map<String, Object> topic = declared.get(spec.name());
            Object partitions = Yaml.at(topic, "spec", "partitions");
            if (!(partitions instanceof Number n) || n.intValue() != spec.partitions()) {
                problems.add(spec.name() + ": partitions " + partitions + ", the contract says " + spec.partitions());
            }
            Map<String, Object> config = Yaml.mapAt(topic, "spec", "config");
            Object replicas = Yaml.at(topic, "spec", "replicas");
            Object minInSync = config.get("min.insync.replicas");
            if (replicas instanceof Number r && minInSync != null && Integer.parseInt(minInSync.toString()) > r.intValue()) {
                problems.add(spec.name() + ": min.insync.replicas " + minInSync + " above replicas " + r
                        + ": every acks=all write would fail");
            }
            spec.configs().forEach((key, expected) -> {
                Object actual = config.get(key);
                if (actual == null || !expected.equals(actual.toString())) {
                    problems.add(spec.name() + ": config " + key + " is " + actual + ", the contract says " + expected);
                }
            });
        }
        System.out.println("[deploy-check] " + kustomization + ": " + declared.size()
                + " KafkaTopics match Topics.ALL (names, partitions, cleanup.policy, retention/compaction)");
        assertThat(problems).as("%s: KafkaTopic settings (k8s/base/kafka-topics.yaml, overlay patches) against Topics.ALL", kustomization).isEmpty();
    }
}
