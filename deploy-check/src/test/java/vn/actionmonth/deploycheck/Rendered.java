package vn.actionmonth.deploycheck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** A kustomization rendered by {@code kubectl kustomize}: the objects an operator would apply. */
record Rendered(String dir, List<Map<String, Object>> objects) {

    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

    /** k8s/base and every k8s/overlays/NAME that holds a kustomization. */
    static List<String> kustomizations() {
        try (Stream<Path> overlays = Files.list(Repo.path("k8s/overlays"))) {
            return Stream.concat(Stream.of("k8s/base"), overlays
                            .filter(dir -> Files.isRegularFile(dir.resolve("kustomization.yaml")))
                            .map(Repo::show)
                            .sorted())
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> overlays() {
        return kustomizations().stream().filter(dir -> dir.startsWith("k8s/overlays/")).toList();
    }

    /** Renders once per test run: kubectl takes about a second per kustomization. */
    static Rendered of(String dir) {
        return CACHE.computeIfAbsent(dir, d -> {
            Command result = Command.succeed(Repo.root(), List.of("kubectl", "kustomize", d), 120);
            return new Rendered(d, Yaml.loadAll(result.stdout()));
        });
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(Yaml.stringAt(o, "metadata", "name"))).findFirst();
    }

    Map<String, Object> get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(dir + " renders no " + kind + " named " + name));
    }

    static String describe(Map<String, Object> object) {
        return object.get("kind") + "/" + Yaml.stringAt(object, "metadata", "name");
    }
}
