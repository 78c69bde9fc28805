package vn.actionmonth.deploycheck;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment a Deployment's first container gets, resolved against the rendered objects:
 * literal values, keys of the ConfigMaps it imports (envFrom), and Secret key references.
 */
final class ContainerEnv {

    /** Where one variable's value comes from; {@code value} is null unless it is a literal or a ConfigMap entry. */
    record Source(String description, String value, boolean secret) {
    }

    private ContainerEnv() {
    }

    static Map<String, Object> container(Map<String, Object> deployment) {
        List<Object> containers = Yaml.listAt(deployment, "spec", "template", "spec", "containers");
        if (containers.isEmpty()) {
            throw new AssertionError(Rendered.describe(deployment) + " has no container");
        }
        return Yaml.map(containers.get(0));
    }

    static Map<String, Source> of(Rendered rendered, Map<String, Object> deployment) {
        Map<String, Object> container = container(deployment);
        Map<String, Source> env = new LinkedHashMap<>();
        for (Object item : Yaml.listAt(container, "envFrom")) {
            String configMap = Yaml.stringAt(item, "configMapRef", "name");
            if (configMap != null) {
                Map<String, Object> cm = rendered.find("ConfigMap", configMap).orElseThrow(() -> new AssertionError(
                        rendered.dir() + ": " + Rendered.describe(deployment) + " imports ConfigMap " + configMap
                                + " (envFrom) that the kustomization does not render"));
                Yaml.mapAt(cm, "data").forEach((key, value) ->
                        env.put(key, new Source("ConfigMap " + configMap, String.valueOf(value), false)));
            }
            String secret = Yaml.stringAt(item, "secretRef", "name");
            if (secret != null) {
                throw new AssertionError(rendered.dir() + ": " + Rendered.describe(deployment) + " imports the whole Secret "
                        + secret + " (envFrom); name each key with secretKeyRef so the keys can be checked");
            }
        }
        for (Object item : Yaml.listAt(container, "env")) {
            String name = Yaml.stringAt(item, "name");
            if (Yaml.at(item, "value") != null) {
                env.put(name, new Source("literal", Yaml.stringAt(item, "value"), false));
            } else if (Yaml.at(item, "valueFrom", "secretKeyRef") != null) {
                env.put(name, new Source("Secret " + Yaml.stringAt(item, "valueFrom", "secretKeyRef", "name") + " key "
                        + Yaml.stringAt(item, "valueFrom", "secretKeyRef", "key"), null, true));
            } else if (Yaml.at(item, "valueFrom", "configMapKeyRef") != null) {
                String cmName = Yaml.stringAt(item, "valueFrom", "configMapKeyRef", "name");
                String key = Yaml.stringAt(item, "valueFrom", "configMapKeyRef", "key");
                String value = rendered.find("ConfigMap", cmName).map(cm -> Yaml.stringAt(cm, "data", key)).orElse(null);
                env.put(name, new Source("ConfigMap " + cmName + " key " + key, value, false));
            } else {
                env.put(name, new Source("valueFrom", null, false));
            }
        }
        return env;
    }
}
