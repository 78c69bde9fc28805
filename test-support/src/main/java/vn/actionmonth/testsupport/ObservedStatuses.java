package vn.actionmonth.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statuses a service's own tests saw it answer, per documented operation, and the check that
 * each of them is in the committed OpenAPI document: a generated client then knows every answer
 * the service really gives. {@link StatusRecorder} writes one line per answer into
 * {@code target/observed-statuses/<run>.tsv}; the build names the run, so a check reads only the
 * answers of the suite that ran just before it.
 */
public final class ObservedStatuses {

    /** System property naming the run; the build sets it to the build's timestamp. */
    public static final String RUN_PROPERTY = "observed.statuses.run";

    private static final Path DIRECTORY = Path.of("target", "observed-statuses");

    private ObservedStatuses() {
    }

    static synchronized void append(String run, String method, String path, int status) {
        try {
            Files.createDirectories(DIRECTORY);
            Files.writeString(DIRECTORY.resolve(run + ".tsv"), method + "\t" + path + "\t" + status + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails naming every operation and status the run observed that {@code openApiJson} does not
     * document, and fails when the run observed nothing at all (the recorder would be broken).
     * Answers to paths or methods the document does not have (health, metrics, a wrong method) are
     * not operations of the API and are left out.
     */
    public static void requireDocumented(Path openApiJson) {
        String run = System.getProperty(RUN_PROPERTY);
        assertThat(run).as("system property " + RUN_PROPERTY + " (set by the build)").isNotBlank();
        Path observed = DIRECTORY.resolve(run + ".tsv");
        assertThat(observed).as("answers recorded by this run's tests").isRegularFile();
        try {
            JsonNode paths = new ObjectMapper().readTree(openApiJson.toFile()).path("paths");
            List<Template> templates = new ArrayList<>();
            paths.fieldNames().forEachRemaining(p -> templates.add(Template.of(p, paths.get(p))));
            // A literal segment wins over a parameter: /units/import before /units/{id}.
            templates.sort(Comparator.comparingInt(Template::parameters));
            Map<String, Set<String>> undocumented = new TreeMap<>();
            int matched = 0;
            for (String line : Files.readAllLines(observed, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                String method = f[0].toLowerCase(java.util.Locale.ROOT);
                Template t = templates.stream().filter(x -> x.matches(f[1]) && x.operations().has(method))
                        .findFirst().orElse(null);
                if (t == null) {
                    continue;
                }
                matched++;
                JsonNode responses = t.operations().get(method).path("responses");
                if (!responses.has(f[2]) && !responses.has("default")) {
                    undocumented.computeIfAbsent(method.toUpperCase(java.util.Locale.ROOT) + " " + t.path(),
                            k -> new TreeSet<>()).add(f[2]);
                }
            }
            assertThat(matched).as("answers of documented operations recorded in " + observed).isPositive();
            assertThat(undocumented).as("statuses the tests observed that %s does not document "
                    + "(add an @APIResponse, regenerate with -Dopenapi.write=true)", openApiJson).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Template(String path, Pattern pattern, int parameters, JsonNode operations) {

        static Template of(String path, JsonNode operations) {
            StringBuilder regex = new StringBuilder("^");
            int parameters = 0;
            for (Iterator<String> it = List.of(path.substring(1).split("/")).iterator(); it.hasNext(); ) {
                String segment = it.next();
                regex.append('/');
                if (segment.startsWith("{")) {
                    regex.append("[^/]+");
                    parameters++;
                } else {
                    regex.append(Pattern.quote(segment));
                }
            }
            return new Template(path, Pattern.compile(regex.append("/?$").toString()), parameters, operations);
        }

        boolean matches(String requestPath) {
            return pattern.matcher(requestPath).matches();
        }
    }
}
