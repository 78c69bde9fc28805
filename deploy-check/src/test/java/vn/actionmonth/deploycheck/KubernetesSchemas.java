package vn.actionmonth.deploycheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates objects against the Kubernetes schemas with the npm package kubernetes-models
 * (installed by {@link NodeModules}).
 */
final class KubernetesSchemas {

    record Result(int index, String kind, String name, String status, String message) {
    }

    private KubernetesSchemas() {
    }

    static List<Result> validate(List<Map<String, Object>> objects) {
        NodeModules.install();
        try {
            Path input = Files.createTempFile("deploy-check-objects-", ".json");
            try {
                Files.writeString(input, Json.write(objects));
                Command result = Command.succeed(Repo.module(),
                        List.of("node", Repo.module().resolve("src/test/node/validate.mjs").toString(), input.toString()), 300);
                List<Result> results = new ArrayList<>();
                for (String line : result.stdout().split("\n")) {
                    if (line.isBlank()) {
                        continue;
                    }
                    Map<String, Object> r = Yaml.load(line);
                    results.add(new Result(((Number) r.get("index")).intValue(), (String) r.get("kind"),
                            (String) r.get("name"), (String) r.get("status"), (String) r.get("message")));
                }
                if (results.size() != objects.size()) {
                    throw new AssertionError("validate.mjs answered for " + results.size() + " of " + objects.size()
                            + " objects:\n" + result.stdout() + result.stderr());
                }
                return results;
            } finally {
                Files.deleteIfExists(input);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
