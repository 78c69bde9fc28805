package vn.actionmonth.deploycheck;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Plain-map access to parsed YAML: {@code at(object, "spec", "template", "spec")}. */
final class Yaml {

    private Yaml() {
    }

    static List<Map<String, Object>> loadAll(String text) {
        org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions()));
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : yaml.loadAll(text)) {
            if (document != null) {
                documents.add(map(document));
            }
        }
        return documents;
    }

    static Map<String, Object> load(String text) {
        return map(new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions())).load(text));
    }

    /** The value at the path of map keys, or null when any step is missing. */
    static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    static Map<String, Object> mapAt(Object node, String... path) {
        Object value = at(node, path);
        return value == null ? Map.of() : map(value);
    }

    static List<Object> listAt(Object node, String... path) {
        Object value = at(node, path);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new AssertionError(String.join(".", path) + " is not a list: " + value);
        }
        return List.copyOf(list);
    }

    static String stringAt(Object node, String... path) {
        Object value = at(node, path);
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (!(value instanceof Map<?, ?>)) {
            throw new AssertionError("expected a mapping, found: " + value);
        }
        return (Map<String, Object>) value;
    }
}
