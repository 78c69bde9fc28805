package vn.actionmonth.devstack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StackControlTest {

    @TempDir
    Path project;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Process leftover;

    @AfterEach
    void cleanUp() {
        if (leftover != null) {
            leftover.destroyForcibly();
        }
    }

    private StackControl control() {
        return new StackControl(project, project.resolve(".devstack"), new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void stopWithNothingRunningIsANoOpThatSaysSo() throws Exception {
        int free = Ports.free();

        assertThat(control().stop(List.of(free))).isZero();
        assertThat(printed()).contains("No stack is running");
    }

    @Test
    void statusWithNothingRunningFails() {
        assertThat(control().status()).isEqualTo(1);
        assertThat(printed()).contains("No stack is running");
    }

    @Test
    void stopCleansUpAfterALauncherThatDied() throws Exception {
        Process launcher = new ProcessBuilder("true").start();
        launcher.waitFor();
        int port = Ports.free();
        leftover = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", ClassPath.current(), PortHolder.class.getName(), Integer.toString(port)).start();
        await().atMost(Duration.ofSeconds(30)).until(() -> Probes.isListening(port));
        StackState state = new StackState(project.resolve(".devstack"));
        state.writePids(launcher.pid(), List.of(new StackState.Child("plan-service", leftover.pid(), port)));

        int code = control().stop(List.of());

        assertThat(code).isZero();
        assertThat(printed()).contains("is not running").contains("stopping leftover plan-service");
        assertThat(leftover.isAlive()).isFalse();
        assertThat(Probes.isListening(port)).isFalse();
        assertThat(state.readPids()).isEmpty();
    }

    @Test
    void stateFilesReadBackWhatWasWritten() {
        StackState state = new StackState(project.resolve(".devstack"));
        state.writePids(42, List.of(new StackState.Child("postgres", 43, 15432), new StackState.Child("kafka", 44, 19092)));
        StackInfo info = new StackInfo(StackInfo.READY, 42, "2026-11-23T10:00:00Z", 21.5, project.toString(), "k.pem",
                DevKeys.ISSUER, new StackInfo.Postgres(true, 15432, 43, "postgres", "postgres",
                Map.of("plan", "jdbc:postgresql://127.0.0.1:15432/plan")),
                new StackInfo.Kafka(true, "127.0.0.1:19092", 19092, 44),
                List.of(StackInfo.Service.of(new ServiceEndpoint("plan-service", 8081), 45, "plan.log")), null);

        state.writeInfo(info);

        assertThat(state.readPids()).contains(new StackState.Pids(42, List.of(
                new StackState.Child("postgres", 43, 15432), new StackState.Child("kafka", 44, 19092))));
        assertThat(state.readInfo()).contains(info);
        assertThat(state.readInfo().get().services().get(0).swaggerUi()).isEqualTo("http://127.0.0.1:8081/q/swagger-ui");
        state.clear();
        assertThat(state.readPids()).isEmpty();
        assertThat(state.readInfo()).isEmpty();
    }
}
