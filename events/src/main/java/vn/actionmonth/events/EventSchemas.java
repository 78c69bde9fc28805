package vn.actionmonth.events;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The event contract as JSON Schema (draft 2020-12), one document per event type, generated from
 * the payload records through Jackson's own view of them, so that the schema names exactly the
 * properties the services write. Primitive fields are required; every other field may be null.
 * Also the AsyncAPI document of the topics and their messages, and the rule by which a schema may
 * change within a topic's version: fields may be added, never removed or given another type.
 */
public final class EventSchemas {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";

    private EventSchemas() {
    }

    /** Every event type's schema, by topic and then type, in the catalogue's order. */
    public static Map<String, Map<String, ObjectNode>> all(ObjectMapper mapper) {
        Map<String, Map<String, ObjectNode>> out = new TreeMap<>();
        for (Class<? extends EventPayload> c : EventTypes.all()) {
            String topic = topicOf(c);
            out.computeIfAbsent(topic, t -> new LinkedHashMap<>()).put(c.getSimpleName(), schema(mapper, c, topic));
        }
        return out;
    }

    /** The topic a payload record goes to, read from an instance made of default values. */
    public static String topicOf(Class<? extends EventPayload> c) {
        try {
            RecordComponent[] components = c.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = defaultOf(types[i]);
            }
            Constructor<? extends EventPayload> ctor = c.getDeclaredConstructor(types);
            return ctor.newInstance(values).topic();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot tell the topic of " + c.getName(), e);
        }
    }

    public static ObjectNode schema(ObjectMapper mapper, Class<?> type, String topic) {
        ObjectNode s = JSON.objectNode();
        s.put("$schema", DRAFT);
        s.put("$id", "urn:actionmonth:events:" + topic + ":" + type.getSimpleName());
        s.put("title", type.getSimpleName());
        ObjectNode body = object(mapper, mapper.constructType(type), new ArrayList<>());
        s.setAll(body);
        return s;
    }

    private static ObjectNode object(ObjectMapper mapper, JavaType type, List<Class<?>> path) {
        if (path.contains(type.getRawClass())) {
            throw new IllegalStateException("recursive event type " + type);
        }
        path.add(type.getRawClass());
        SerializationConfig config = mapper.getSerializationConfig();
        ObjectNode s = JSON.objectNode();
        s.put("type", "object");
        ObjectNode properties = s.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        for (BeanPropertyDefinition p : config.introspect(type).findProperties()) {
            if (!p.couldSerialize()) {
                continue;
            }
            JavaType t = p.getPrimaryType();
            properties.set(p.getName(), property(mapper, t, path));
            if (t.isPrimitive()) {
                required.add(p.getName());
            }
        }
        if (!required.isEmpty()) {
            s.set("required", required);
        }
        path.remove(path.size() - 1);
        return s;
    }

    private static ObjectNode property(ObjectMapper mapper, JavaType t, List<Class<?>> path) {
        Class<?> raw = t.getRawClass();
        ObjectNode s = JSON.objectNode();
        if (raw == boolean.class) {
            return s.put("type", "boolean");
        }
        if (raw == int.class || raw == long.class || raw == short.class) {
            return s.put("type", "integer");
        }
        if (raw == double.class || raw == float.class) {
            return s.put("type", "number");
        }
        if (raw == String.class) {
            return nullable(s, "string");
        }
        if (raw == UUID.class) {
            return nullable(s, "string").put("format", "uuid");
        }
        if (raw == LocalDate.class) {
            return nullable(s, "string").put("format", "date");
        }
        if (raw == OffsetDateTime.class || raw == Instant.class) {
            return nullable(s, "string").put("format", "date-time");
        }
        if (raw == Integer.class || raw == Long.class || raw == Short.class) {
            return nullable(s, "integer");
        }
        if (raw == Boolean.class) {
            return nullable(s, "boolean");
        }
        if (raw == Double.class || raw == Float.class || raw == BigDecimal.class) {
            return nullable(s, "number");
        }
        if (raw.isEnum()) {
            nullable(s, "string");
            ArrayNode values = s.putArray("enum");
            for (Object v : raw.getEnumConstants()) {
                values.add(((Enum<?>) v).name());
            }
            values.addNull();
            return s;
        }
        if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            nullable(s, "array");
            s.set("items", property(mapper, t.getContentType(), path));
            return s;
        }
        if (Map.class.isAssignableFrom(raw)) {
            nullable(s, "object");
            JavaType value = t.getContentType();
            if (value.getRawClass() != Object.class) {
                s.set("additionalProperties", property(mapper, value, path));
            }
            return s;
        }
        if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
            return s; // any JSON value
        }
        ObjectNode o = object(mapper, t, path);
        o.set("type", JSON.arrayNode().add("object").add("null"));
        return o;
    }

    private static ObjectNode nullable(ObjectNode s, String type) {
        s.set("type", JSON.arrayNode().add(type).add("null"));
        return s;
    }

    private static Object defaultOf(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == short.class) {
            return (short) 0;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        if (type == char.class) {
            return (char) 0;
        }
        return 0;
    }

    /**
     * What makes {@code now} incompatible with {@code before} for a consumer built against
     * {@code before}: a property removed, or one whose type (or format, items, enum) changed, at
     * any depth. Added properties are compatible. Empty when compatible.
     */
    public static List<String> incompatibilities(JsonNode before, JsonNode now) {
        List<String> out = new ArrayList<>();
        compare("", before, now, out);
        return out;
    }

    private static void compare(String at, JsonNode before, JsonNode now, List<String> out) {
        if (!before.path("type").equals(now.path("type")) || !before.path("format").equals(now.path("format"))) {
            out.add((at.isEmpty() ? "the event" : at) + ": was " + before.path("type") + " " + before.path("format").asText("")
                    + ", now " + now.path("type") + " " + now.path("format").asText(""));
            return;
        }
        if (before.has("enum")) {
            for (JsonNode v : before.get("enum")) {
                boolean kept = false;
                for (JsonNode w : now.path("enum")) {
                    kept |= w.equals(v);
                }
                if (!kept) {
                    out.add(at + ": value " + v + " removed");
                }
            }
        }
        if (before.has("items")) {
            compare(at + "[]", before.get("items"), now.path("items"), out);
        }
        if (before.has("additionalProperties")) {
            compare(at + "{}", before.get("additionalProperties"), now.path("additionalProperties"), out);
        }
        JsonNode was = before.path("properties");
        for (Iterator<String> names = was.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            String field = at.isEmpty() ? name : at + "." + name;
            if (!now.path("properties").has(name)) {
                out.add(field + ": removed");
            } else {
                compare(field, was.get(name), now.path("properties").get(name), out);
            }
        }
    }

    /** The AsyncAPI 3.0 document of every topic, its messages referring to the committed schemas. */
    public static ObjectNode asyncApi(Map<String, Map<String, ObjectNode>> schemas) {
        ObjectNode doc = JSON.objectNode();
        doc.put("asyncapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Children's Action Month events");
        info.put("version", "1");
        info.put("description", "The events the plan, report and notification services publish on Kafka. Each record "
                + "carries CloudEvents headers (ce_type is the message name, ce_source the service, ce_subject the "
                + "thing it is about) and its payload as JSON; the key is the id the topic names, so one thing's events "
                + "stay in order. Within a topic's version, fields are only ever added.");
        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        schemas.forEach((topic, types) -> {
            ObjectNode channel = channels.putObject(topic);
            channel.put("address", topic);
            ObjectNode messages = channel.putObject("messages");
            ArrayNode refs = JSON.arrayNode();
            types.keySet().forEach(type -> {
                messages.putObject(type).put("name", type).putObject("payload")
                        .put("schemaFormat", "application/schema+json;version=draft-2020-12")
                        .putObject("schema").put("$ref", "./" + topic + "/" + type + ".json");
                refs.addObject().put("$ref", "#/channels/" + topic + "/messages/" + type);
            });
            ObjectNode op = operations.putObject("publish-" + topic);
            op.put("action", "send");
            op.putObject("channel").put("$ref", "#/channels/" + topic);
            op.set("messages", refs);
        });
        return doc;
    }
}
