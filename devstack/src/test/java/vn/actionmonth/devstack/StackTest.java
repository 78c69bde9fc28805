package vn.actionmonth.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The run command's core with real PostgreSQL and Kafka, and {@link FakeService} in the place of a
 * service jar (the services are other modules, built after this one).
 */
class StackTest {

    @TempDir
    Path project;

    @Test
    void startsAServiceWithItsDatabaseAndKeysThenStopsEverything() throws Exception {
        fakeServiceJar("alpha-service");
        StackOptions options = options(new ServiceSpec("alpha-service", "alpha", 0, Map.of("ALPHA_SAMPLE_DATA", "true")));

        List<Integer> ports = new ArrayList<>();
        RunningService service;
        try (Stack stack = Stack.start(options)) {
            service = stack.service("alpha-service");
            ports.add(service.endpoint().port());
            ports.add(stack.infrastructure().postgres().port());
            ports.add(stack.infrastructure().kafka().port());

            JsonNode env = get(service.endpoint().baseUrl() + "/env");
            assertThat(env.path("DB_URL").asText()).endsWith(":" + stack.infrastructure().postgres().port() + "/alpha");
            assertThat(env.path("KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo(stack.infrastructure().bootstrapServers());
            assertThat(env.path("JWT_ISSUER").asText()).isEqualTo(DevKeys.ISSUER);
            assertThat(env.path("HTTP_HOST").asText()).isEqualTo("127.0.0.1");
            assertThat(env.path("HTTP_PORT").asInt()).isEqualTo(service.endpoint().port());
            assertThat(env.path("ALPHA_SAMPLE_DATA").asText()).isEqualTo("true");
            Path publicKey = Path.of(URI.create(env.path("JWT_PUBLIC_KEY_LOCATION").asText()));
            assertThat(publicKey).isEqualTo(project.resolve(".devstack/keys/public.pem"));
            assertThat(DevTokensTest.verifies(stack.token(UnitResolver.NIL, "viewer"), publicKey)).isTrue();

            StackInfo info = new StackState(options.stateDir()).readInfo().orElseThrow();
            assertThat(info.state()).isEqualTo(StackInfo.READY);
            assertThat(info.launcherPid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(info.services()).singleElement().satisfies(s -> {
                assertThat(s.pid()).isEqualTo(service.pid());
                assertThat(s.swaggerUi()).isEqualTo(service.endpoint().baseUrl() + "/q/swagger-ui");
            });
            assertThat(stack.memory()).containsOnlyKeys("alpha-service", "postgres", "kafka")
                    .allSatisfy((name, memory) -> assertThat(memory.rssKb()).as(name).isPositive());
            assertThat(Files.readString(service.log())).contains("fake service listening");
        }

        assertThat(service.isAlive()).isFalse();
        assertThat(ports).allSatisfy(port -> assertThat(Probes.isListening(port)).as("port %d", port).isFalse());
        assertThat(project.resolve(".devstack/stack.json")).doesNotExist();
        assertThat(project.resolve(".devstack/stack.pid")).doesNotExist();
    }

    @Test
    void aServiceThatDiesAtStartFailsTheStartWithItsLogAndLeavesNothingRunning() throws Exception {
        fakeServiceJar("broken-service");
        StackOptions options = options(new ServiceSpec("broken-service", "broken", 0, Map.of("FAKE_FAIL", "no config")));

        assertThatThrownBy(() -> Stack.start(options))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("broken-service exited before it was ready")
                .hasMessageContaining("fake service failing on purpose: no config");

        StackInfo info = new StackState(options.stateDir()).readInfo().orElseThrow();
        assertThat(info.state()).isEqualTo(StackInfo.FAILED);
        assertThat(info.error()).contains("fake service failing on purpose");
        assertThat(project.resolve(".devstack/stack.pid")).doesNotExist();
        assertThat(project.resolve(".devstack/postgres")).as("PostgreSQL stopped and its data removed").doesNotExist();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(new StackControl(project, options.stateDir(), new PrintStream(out)).status()).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("The last start failed");
    }

    @Test
    void refusesToStartWhatIsNotBuilt() {
        StackOptions options = options(new ServiceSpec("missing-service", "missing", 0, Map.of()));

        assertThatThrownBy(() -> Stack.start(options))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("not built yet")
                .hasMessageContaining("missing-service/target/quarkus-app/quarkus-run.jar");
    }

    private StackOptions options(ServiceSpec service) {
        return StackOptions.defaults(project, Map.of())
                .withPostgresPort(0)
                .withKafkaPort(0)
                .withServices(List.of(service))
                .withReadyTimeout(Duration.ofSeconds(120))
                .withServiceHeap("64m");
    }

    /** A jar where the service's quarkus-run.jar would be, running FakeService on this test's class path. */
    private void fakeServiceJar(String name) throws IOException {
        Path jar = project.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        List<String> entries = new ArrayList<>();
        for (String entry : ClassPath.current().split(File.pathSeparator)) {
            entries.add(Path.of(entry).toAbsolutePath().toUri().toString());
        }
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", entries));
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // The manifest is the whole jar.
        }
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = Probes.http().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }
}
