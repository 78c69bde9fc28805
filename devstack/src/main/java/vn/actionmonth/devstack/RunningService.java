package vn.actionmonth.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service JVM the stack started: {@code java -jar quarkus-run.jar}, logging to its own file. */
public final class RunningService {

    private final ServiceEndpoint endpoint;
    private final Process process;
    private final Path log;

    private RunningService(ServiceEndpoint endpoint, Process process, Path log) {
        this.endpoint = endpoint;
        this.process = process;
        this.log = log;
    }

    static RunningService start(ServiceSpec spec, Path projectDir, String heap, Map<String, String> env, Path log)
            throws IOException {
        List<String> cmd = new ArrayList<>(Sessions.newSessionPrefix());
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ServiceJvm.options(heap));
        // Extra options last, so that they win (e.g. -Xmx, a profiler agent, -XX:TieredStopAtLevel=1).
        String extra = System.getenv("DEVSTACK_SERVICE_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            cmd.addAll(List.of(extra.trim().split("\\s+")));
        }
        cmd.add("-jar");
        cmd.add(spec.runJar(projectDir).toString());
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(projectDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true);
        // glibc gives each thread its own malloc arena; a few dozen threads would hold hundreds of MB.
        pb.environment().put("MALLOC_ARENA_MAX", "2");
        pb.environment().putAll(env);
        return new RunningService(new ServiceEndpoint(spec.name(), spec.port()), pb.start(), log);
    }

    public String name() {
        return endpoint.name();
    }

    public ServiceEndpoint endpoint() {
        return endpoint;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public boolean isReady() {
        return process.isAlive() && Probes.status(endpoint.healthUrl()) == 200;
    }

    /** Kills the JVM at once (SIGKILL), as a crash or an evicted pod would, and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Asks the JVM to shut down (SIGTERM: Quarkus closes gracefully); kills it after {@code seconds}. */
    void requestStop() {
        process.destroy();
    }

    void awaitStop(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
