package vn.actionmonth.deploycheck;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service's Dockerfile builds from the Quarkus fast-jar tree that {@code package} leaves in
 * target/quarkus-app, on a Java 17 runtime image, and runs as a non-root user. Images cannot be
 * built on this machine, so this reads the Dockerfile and checks its COPY sources on disk.
 */
class DockerfilesTest {

    private static final Pattern JAVA_17_RUNTIME = Pattern.compile(
            "(eclipse-temurin:17[.0-9_]*-jre.*|registry\\.access\\.redhat\\.com/ubi9/openjdk-17-runtime.*)");
    private static final List<String> FAST_JAR = List.of(
            "target/quarkus-app/lib/", "target/quarkus-app/app/", "target/quarkus-app/quarkus/", "target/quarkus-app/quarkus-run.jar");

    static List<String> services() {
        return Repo.services();
    }

    @ParameterizedTest(name = "{0}/Dockerfile")
    @MethodSource("services")
    void dockerfileCopiesTheBuiltFastJarAndRunsAsNonRoot(String service) {
        Path dockerfile = Repo.path(service + "/Dockerfile");
        assertThat(dockerfile).as("%s/Dockerfile", service).isRegularFile();
        List<String> instructions = instructions(Repo.read(dockerfile));

        List<String> from = instructions.stream().filter(i -> i.startsWith("FROM ")).toList();
        assertThat(from).as("%s/Dockerfile: one stage", service).hasSize(1);
        assertThat(from.get(0).substring(5).trim()).as("%s/Dockerfile base image (a Java 17 runtime)", service)
                .matches(JAVA_17_RUNTIME);

        List<String> sources = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String copy : instructions.stream().filter(i -> i.startsWith("COPY ") || i.startsWith("ADD ")).toList()) {
            List<String> words = new ArrayList<>(List.of(copy.split("\\s+")));
            words.remove(0);
            words.removeIf(w -> w.startsWith("--"));
            assertThat(words).as("%s/Dockerfile: %s names a source and a destination", service, copy).hasSizeGreaterThanOrEqualTo(2);
            for (String source : words.subList(0, words.size() - 1)) {
                sources.add(source);
                if (!Files.exists(Repo.path(service).resolve(source))) {
                    missing.add(service + "/" + source);
                }
            }
        }
        assertThat(sources).as("%s/Dockerfile copies the whole Quarkus fast-jar layout", service).containsAll(FAST_JAR);
        assertThat(missing).as("%s/Dockerfile COPY sources missing from the built tree; build the service first "
                + "(./mvnw package; in the reactor deploy-check runs after the services)", service).isEmpty();

        int lastUser = -1;
        int entrypoint = -1;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).startsWith("USER ")) {
                lastUser = i;
            } else if (instructions.get(i).startsWith("ENTRYPOINT ")) {
                entrypoint = i;
            }
        }
        assertThat(lastUser).as("%s/Dockerfile has a USER instruction", service).isNotNegative();
        assertThat(entrypoint).as("%s/Dockerfile has an ENTRYPOINT after its last USER", service).isGreaterThan(lastUser);
        String user = instructions.get(lastUser).substring(5).trim();
        assertThat(user.split(":")[0]).as("%s/Dockerfile: the last USER must not be root", service).isNotIn("root", "0");

        Path ignore = Repo.path(service + "/.dockerignore");
        if (Files.isRegularFile(ignore)) {
            List<String> patterns = Repo.read(ignore).lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            if (patterns.contains("*")) {
                assertThat(patterns).as("%s/.dockerignore excludes everything; it must re-include target/quarkus-app", service)
                        .anyMatch(p -> p.equals("!target/quarkus-app") || p.equals("!target/quarkus-app/") || p.equals("!target/quarkus-app/**"));
            }
        }
        System.out.println("[deploy-check] " + service + "/Dockerfile: " + from.get(0) + ", user " + user
                + ", COPY sources present: " + sources);
    }

    /** Instructions with line continuations joined and comments dropped. */
    private static List<String> instructions(String dockerfile) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.lines().toList()) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String instruction = current.toString().trim();
            int space = instruction.indexOf(' ');
            // Instruction keywords are case-insensitive; compare them in upper case.
            out.add(space < 0 ? instruction.toUpperCase() : instruction.substring(0, space).toUpperCase() + instruction.substring(space));
            current.setLength(0);
        }
        return out;
    }
}
