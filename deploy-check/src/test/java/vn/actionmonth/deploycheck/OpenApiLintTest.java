package vn.actionmonth.deploycheck;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service's committed OpenAPI document passes Redocly's recommended rules (redocly.yaml of
 * this module) with no error and no warning: what an integrator's pipeline would run before
 * generating a client from it.
 */
class OpenApiLintTest {

    @TestFactory
    Stream<DynamicTest> everyServiceDocumentPassesTheRecommendedRulesWithoutAWarning() {
        return Repo.services().stream().map(service -> DynamicTest.dynamicTest(service, () -> {
            Path document = Repo.path(service + "/openapi/openapi.json");
            assertThat(document).as("the committed OpenAPI document of " + service).isRegularFile();
            Command lint = Command.run(Repo.module(), List.of("node", NodeModules.script("@redocly/cli/bin/cli.js"), "lint",
                    "--config", Repo.module().resolve("redocly.yaml").toString(), "--format", "json",
                    document.toString()), 300);
            String json = lint.stdout().substring(Math.max(0, lint.stdout().indexOf('{')));
            assertThat(json).as("redocly's report (stderr: %s)", lint.stderr()).startsWith("{");
            Map<String, Object> report = Yaml.load(json);
            @SuppressWarnings("unchecked")
            Map<String, Object> totals = (Map<String, Object>) report.get("totals");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> problems = (List<Map<String, Object>>) report.get("problems");
            assertThat(problems.stream().map(p -> p.get("severity") + " " + p.get("ruleId") + ": " + p.get("message")
                    + " at " + location(p)).toList())
                    .as("what redocly lint says about %s", Repo.show(document)).isEmpty();
            assertThat(((Number) totals.get("errors")).intValue() + ((Number) totals.get("warnings")).intValue())
                    .as("errors and warnings").isZero();
            assertThat(lint.exitCode()).as("redocly's exit code").isZero();
        }));
    }

    @SuppressWarnings("unchecked")
    private static Object location(Map<String, Object> problem) {
        List<Map<String, Object>> location = (List<Map<String, Object>>) problem.get("location");
        return location == null || location.isEmpty() ? "" : location.get(0).get("pointer");
    }
}
