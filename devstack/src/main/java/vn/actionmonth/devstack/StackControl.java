package vn.actionmonth.devstack;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The commands that act on a stack another process runs: {@code stop}, {@code status}, and the
 * parent side of {@code up --detach}. They find it through the files of {@link StackState}.
 */
final class StackControl {

    private final Path projectDir;
    private final StackState state;
    private final PrintStream out;

    StackControl(Path projectDir, Path stateDir, PrintStream out) {
        this.projectDir = projectDir;
        this.state = new StackState(stateDir);
        this.out = out;
    }

    /**
     * Asks the launcher to stop everything in order, then kills whatever it left behind (or what a
     * launcher that died left), and waits until the recorded ports are free.
     *
     * @return 0 when nothing of the stack is left running
     */
    int stop(List<Integer> defaultPorts) throws InterruptedException {
        Optional<StackState.Pids> recorded = state.readPids();
        if (recorded.isEmpty()) {
            List<Integer> busy = defaultPorts.stream().filter(Probes::isListening).toList();
            state.clear();
            if (busy.isEmpty()) {
                out.println("No stack is running (nothing recorded in " + state.dir().resolve(StackState.PID_FILE)
                        + ", ports " + join(defaultPorts) + " free).");
            } else {
                out.println("No stack is recorded in " + state.dir().resolve(StackState.PID_FILE)
                        + ", but port(s) " + join(busy) + " are in use by processes ./stack did not start"
                        + " (or started from another directory); left alone.");
            }
            return 0;
        }
        StackState.Pids pids = recorded.get();
        Optional<ProcessHandle> launcher = alive(pids.launcher(), "java");
        if (launcher.isPresent()) {
            out.println("Stopping the stack (launcher pid " + pids.launcher() + "): services, then Kafka, then PostgreSQL...");
            launcher.get().destroy();
            if (!await(launcher.get(), Duration.ofSeconds(120))) {
                out.println("The launcher did not stop within 120 s; killing it and what it started.");
                launcher.get().destroyForcibly();
            }
        } else {
            out.println("The launcher (pid " + pids.launcher() + ") is not running; stopping what it left behind.");
        }
        // Services first, then Kafka, then PostgreSQL: the reverse of the order they were recorded in.
        List<StackState.Child> children = new ArrayList<>(pids.children());
        java.util.Collections.reverse(children);
        for (StackState.Child child : children) {
            Optional<ProcessHandle> process = alive(child.pid(), child.name().equals("postgres") ? "postgres" : "java");
            if (process.isPresent()) {
                out.println("  stopping leftover " + child.name() + " (pid " + child.pid() + ")");
                process.get().destroy();
                if (!await(process.get(), Duration.ofSeconds(30))) {
                    process.get().descendants().forEach(ProcessHandle::destroyForcibly);
                    process.get().destroyForcibly();
                    await(process.get(), Duration.ofSeconds(10));
                }
            }
        }
        List<Integer> ports = pids.children().stream().map(StackState.Child::port).filter(p -> p > 0).toList();
        Instant deadline = Instant.now().plusSeconds(30);
        List<Integer> busy = ports.stream().filter(Probes::isListening).toList();
        while (!busy.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            busy = ports.stream().filter(Probes::isListening).toList();
        }
        if (!busy.isEmpty()) {
            out.println("Port(s) " + join(busy) + " are still in use; something else holds them.");
            return 1;
        }
        state.clear();
        out.println("Stopped; ports " + join(ports) + " are free.");
        return 0;
    }

    /** Prints readiness, URLs and memory; 0 only when every service answers ready. */
    int status() {
        Optional<StackInfo> info = state.readInfo();
        if (info.isEmpty() || StackInfo.FAILED.equals(info.get().state())) {
            out.println("No stack is running." + info.map(i -> " The last start failed: " + i.error()).orElse(""));
            return 1;
        }
        StackInfo i = info.get();
        if (alive(i.launcherPid(), "java").isEmpty()) {
            out.println("The launcher (pid " + i.launcherPid() + ") is not running; run ./stack stop to clean up"
                    + " what it may have left, then ./stack up.");
            return 1;
        }
        out.println("Stack " + i.state() + (i.readySeconds() != null ? " (all ready " + i.readySeconds()
                + " s after start)" : "") + ", launcher pid " + i.launcherPid() + ":");
        boolean ready = StackReport.print(out, i, projectDir, true, false);
        out.println(ready ? "All services are ready." : "Not every service is ready.");
        return ready && StackInfo.READY.equals(i.state()) ? 0 : 1;
    }

    /**
     * {@code up --detach}: starts {@code up} again as a launcher in a session of its own, output
     * to {@code logs/launcher.log}, and returns once the state file says ready (0) or the launcher
     * died or gave up (1, with the end of its log).
     */
    int detach(List<String> upOptions, Duration readyTimeout) throws IOException, InterruptedException {
        Path log = state.dir().resolve("logs/launcher.log");
        Files.createDirectories(log.getParent());
        List<String> cmd = new ArrayList<>(Sessions.newSessionPrefix());
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("-cp");
        cmd.add(ClassPath.current());
        cmd.add(StackLauncher.class.getName());
        cmd.add("up");
        cmd.addAll(upOptions);
        Process child = new ProcessBuilder(cmd)
                .directory(projectDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectErrorStream(true)
                .start();
        out.println("Starting the stack in the background (launcher pid " + child.pid() + ", log "
                + projectDir.relativize(log) + ")...");
        // Ctrl-C while waiting abandons the start: the background launcher stops what it started.
        Thread abandon = new Thread(() -> {
            if (child.isAlive() && state.readInfo().filter(i -> StackInfo.READY.equals(i.state())
                    && i.launcherPid() == child.pid()).isEmpty()) {
                child.destroy();
                try {
                    child.waitFor(150, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "abandon-start");
        Runtime.getRuntime().addShutdownHook(abandon);
        try {
            return awaitDetached(child, log, readyTimeout);
        } finally {
            Runtime.getRuntime().removeShutdownHook(abandon);
        }
    }

    private int awaitDetached(Process child, Path log, Duration readyTimeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(readyTimeout).plusSeconds(120);
        while (true) {
            Optional<StackInfo> info = state.readInfo().filter(i -> i.launcherPid() == child.pid());
            if (info.isPresent() && StackInfo.READY.equals(info.get().state())) {
                out.println("All ready in " + info.get().readySeconds() + " s.");
                StackReport.print(out, info.get(), projectDir, false, false);
                return 0;
            }
            if (!child.isAlive() || info.isPresent() && StackInfo.FAILED.equals(info.get().state())) {
                child.waitFor(60, TimeUnit.SECONDS);
                out.println("The stack did not start. Last lines of " + log + ":");
                out.println(Probes.tail(log, 60));
                return 1;
            }
            if (Instant.now().isAfter(deadline)) {
                out.println("The stack was not ready in time; stopping it. Last lines of " + log + ":");
                out.println(Probes.tail(log, 60));
                child.destroy();
                child.waitFor(150, TimeUnit.SECONDS);
                return 1;
            }
            Thread.sleep(300);
        }
    }

    /** The live process {@code pid} if its command is {@code expected} (a recorded pid may have been reused). */
    private static Optional<ProcessHandle> alive(long pid, String expected) {
        if (pid <= 0 || pid == ProcessHandle.current().pid()) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(h -> h.info().command().map(c -> Path.of(c).getFileName().toString().equals(expected))
                        .orElse(true));
    }

    private static boolean await(ProcessHandle process, Duration timeout) throws InterruptedException {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        }
    }

    private static String join(List<Integer> ports) {
        return String.join(", ", ports.stream().map(String::valueOf).toList());
    }
}
