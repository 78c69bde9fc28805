package vn.actionmonth.deploycheck;

import java.util.List;
import java.util.Map;

/**
 * docker-compose.yml as docker-compose itself resolves it ({@code docker-compose config}): anchors
 * merged, environment lists turned into maps, defaults interpolated.
 */
final class ComposeFile {

    static final String FILE = "docker-compose.yml";

    private static Map<String, Object> resolved;

    private ComposeFile() {
    }

    static synchronized Map<String, Object> resolved() {
        if (resolved == null) {
            Command result = Command.succeed(Repo.root(), List.of("docker-compose", "-f", FILE, "config"), 120);
            resolved = Yaml.load(result.stdout());
        }
        return resolved;
    }

    static Map<String, Object> services() {
        return Yaml.mapAt(resolved(), "services");
    }

    static Map<String, Object> service(String name) {
        Object service = services().get(name);
        if (service == null) {
            throw new AssertionError(FILE + " has no service named " + name + " (services: " + services().keySet() + ")");
        }
        return Yaml.map(service);
    }

    static Map<String, Object> environment(String service) {
        return Yaml.mapAt(service(service), "environment");
    }
}
