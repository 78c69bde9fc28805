package vn.actionmonth.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event contract committed under {@code events/schemas/} is the one the payload records
 * define, and it changes within a topic's version only by added fields. After a compatible change
 * run {@code ./mvnw -pl events test -Dtest=EventSchemasTest -Devents.schemas.write=true} and commit
 * the diff; an incompatible one needs a new topic version (a new directory).
 */
class EventSchemasTest {

    private static final Path DIR = Path.of("schemas");
    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final boolean WRITE = Boolean.getBoolean("events.schemas.write");

    @Test
    void everyEventTypeHasItsCommittedSchemaAndNoCommittedFieldWasRemovedOrRetyped() throws IOException {
        Map<String, Map<String, ObjectNode>> schemas = EventSchemas.all(MAPPER);
        List<String> incompatible = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (var topic : schemas.entrySet()) {
            for (var type : topic.getValue().entrySet()) {
                Path file = DIR.resolve(topic.getKey()).resolve(type.getKey() + ".json");
                if (Files.exists(file)) {
                    JsonNode committed = MAPPER.readTree(file.toFile());
                    EventSchemas.incompatibilities(committed, type.getValue())
                            .forEach(i -> incompatible.add(topic.getKey() + " " + type.getKey() + " " + i));
                    if (!committed.equals(type.getValue())) {
                        stale.add(file.toString());
                    }
                } else {
                    stale.add(file + " (missing)");
                }
            }
        }
        // an event type that went away is incompatible too: consumers may still expect it
        try (Stream<Path> files = Files.exists(DIR) ? Files.walk(DIR) : Stream.empty()) {
            files.filter(f -> f.toString().endsWith(".json") && !f.getParent().equals(DIR)).forEach(f -> {
                String topic = f.getParent().getFileName().toString();
                String type = f.getFileName().toString().replace(".json", "");
                if (!schemas.getOrDefault(topic, Map.of()).containsKey(type)) {
                    incompatible.add(topic + " " + type + ": the event type is gone");
                }
            });
        }
        assertThat(incompatible).as("incompatible changes within a topic's version: raise the topic's version").isEmpty();
        if (WRITE) {
            write(schemas);
            stale.clear();
        }
        assertThat(stale).as("schemas differ from the records: rerun with -Devents.schemas.write=true and commit").isEmpty();
    }

    @Test
    void theAsyncApiDocumentListsEveryTopicAndMessage() throws IOException {
        ObjectNode doc = EventSchemas.asyncApi(EventSchemas.all(MAPPER));
        Path file = DIR.resolve("asyncapi.json");
        if (WRITE) {
            Files.writeString(file, MAPPER.writeValueAsString(doc) + "\n");
        }
        assertThat(Files.exists(file)).as(file + " is committed").isTrue();
        assertThat(MAPPER.readTree(file.toFile())).isEqualTo(doc);
        assertThat(doc.path("channels").path(Topics.OBLIGATIONS).path("messages").has("ObligationCreated")).isTrue();
        assertThat(doc.path("channels").size()).isEqualTo(6);
    }

    @Test
    void aRemovedOrRetypedFieldIsIncompatibleAndAnAddedOneIsNot() throws IOException {
        JsonNode before = MAPPER.readTree("""
                {"type": "object", "properties": {
                  "id": {"type": ["string", "null"], "format": "uuid"},
                  "version": {"type": "integer"},
                  "units": {"type": ["array", "null"], "items": {"type": ["string", "null"], "format": "uuid"}}}}""");
        JsonNode added = MAPPER.readTree("""
                {"type": "object", "properties": {
                  "id": {"type": ["string", "null"], "format": "uuid"},
                  "version": {"type": "integer"},
                  "units": {"type": ["array", "null"], "items": {"type": ["string", "null"], "format": "uuid"}},
                  "kind": {"type": ["string", "null"]}}}""");
        JsonNode changed = MAPPER.readTree("""
                {"type": "object", "properties": {
                  "version": {"type": ["string", "null"]},
                  "units": {"type": ["array", "null"], "items": {"type": ["string", "null"]}}}}""");

        assertThat(EventSchemas.incompatibilities(before, added)).isEmpty();
        assertThat(EventSchemas.incompatibilities(before, changed))
                .containsExactlyInAnyOrder("id: removed", "version: was \"integer\" , now [\"string\",\"null\"] ",
                        "units[]: was [\"string\",\"null\"] uuid, now [\"string\",\"null\"] ");
    }

    @Test
    void theSchemaNamesWhatJacksonWritesAndRequiresThePrimitives() {
        ObjectNode s = EventSchemas.schema(MAPPER, vn.actionmonth.events.plan.ObligationCreated.class, Topics.OBLIGATIONS);
        JsonNode obligation = s.path("properties").path("obligation");
        assertThat(obligation.path("properties").has("dueAt")).isTrue();
        assertThat(obligation.path("properties").path("dueAt").path("format").asText()).isEqualTo("date-time");
        assertThat(obligation.path("properties").path("copyToUnitIds").path("items").path("format").asText()).isEqualTo("uuid");
        assertThat(obligation.path("required")).extracting(JsonNode::asText).contains("version", "consolidates", "campaignYear");
    }

    private static void write(Map<String, Map<String, ObjectNode>> schemas) throws IOException {
        for (var topic : schemas.entrySet()) {
            Files.createDirectories(DIR.resolve(topic.getKey()));
            for (var type : topic.getValue().entrySet()) {
                Files.writeString(DIR.resolve(topic.getKey()).resolve(type.getKey() + ".json"),
                        MAPPER.writeValueAsString(type.getValue()) + "\n");
            }
        }
    }
}
