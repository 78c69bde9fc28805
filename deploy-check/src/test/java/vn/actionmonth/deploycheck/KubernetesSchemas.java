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
 * (package.json and package-lock.json of this module; {@code npm ci} installs it on first use).
 */
final class KubernetesSchemas {

    record Result(int index, String kind, String name, String status, String message) {
    }

    private static boolean installed;

    private KubernetesSchemas() {
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        Path module = Repo.module();
        Path marker = module.resolve("node_modules/.package-lock.json");
        Path lock = module.resolve("package-lock.json");
        try {
            boolean upToDate = Files.isRegularFile(module.resolve("node_modules/kubernetes-models/package.json"))
                    && Files.isRegularFile(marker)
                    && Files.getLastModifiedTime(marker).compareTo(Files.getLastModifiedTime(lock)) >= 0;
            if (!upToDate) {
                System.out.println("[deploy-check] npm ci (kubernetes-models, from deploy-check/package-lock.json)");
                Command.succeed(module, List.of("npm", "ci", "--no-audit", "--no-fund"), 600);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        installed = true;
    }

    static List<Result> validate(List<Map<String, Object>> objects) {
        install();
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
