package vn.actionmonth.devstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * The run command: {@code up}, {@code stop}, {@code status}, {@code token}; see {@link LauncherArgs#USAGE}.
 * Run from the project root (the {@code ./stack} script does that). Exit codes: 0 done, 1 failed, 2 bad usage.
 */
public final class StackLauncher {

    private StackLauncher() {
    }

    public static void main(String[] args) {
        System.exit(run(args, Path.of("").toAbsolutePath(), System.out, System.err));
    }

    static int run(String[] args, Path projectDir, PrintStream out, PrintStream err) {
        LauncherArgs parsed;
        try {
            parsed = LauncherArgs.parse(args);
        } catch (LauncherArgs.UsageException e) {
            err.println("stack: " + e.getMessage());
            err.println();
            err.print(LauncherArgs.USAGE);
            return 2;
        }
        try {
            StackOptions options = parsed.applyTo(StackOptions.defaults(projectDir));
            StackControl control = new StackControl(projectDir, options.stateDir(), out);
            return switch (parsed.command()) {
                case HELP -> {
                    out.print(LauncherArgs.USAGE);
                    yield 0;
                }
                case UP -> parsed.detach()
                        ? control.detach(parsed.upOptions(), options.readyTimeout())
                        : up(options, out);
                case STOP -> control.stop(defaultPorts(options));
                case STATUS -> control.status();
                case TOKEN -> token(parsed, options, out);
            };
        } catch (StackException | IllegalArgumentException e) {
            err.println("stack: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("stack: interrupted");
            return 1;
        } catch (Exception e) {
            err.println("stack: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    /**
     * Runs the stack in this process until SIGINT/SIGTERM/SIGHUP. The signal handlers replace the
     * JVM's (which would run every shutdown hook at once, Kafka's and PostgreSQL's included), so
     * that the main thread stops the services first, then Kafka, then PostgreSQL.
     */
    private static int up(StackOptions options, PrintStream out) throws Exception {
        Thread main = Thread.currentThread();
        CountDownLatch stopRequested = new CountDownLatch(1);
        Runnable onSignal = () -> {
            if (stopRequested.getCount() > 0) {
                stopRequested.countDown();
                main.interrupt();
            }
        };
        for (String signal : List.of("INT", "TERM", "HUP")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(signal), s -> onSignal.run());
            } catch (IllegalArgumentException e) {
                // Signal not available here (another OS, or ignored as under nohup); the others still work.
            }
        }
        out.println("Starting the stack from " + options.projectDir() + " (state in " + options.stateDir() + ")");
        Stack stack;
        try {
            stack = Stack.start(options, out::println);
        } catch (InterruptedException e) {
            out.println("Interrupted; what had started is stopped.");
            return 1;
        }
        // A System.exit elsewhere still stops everything, if less orderly than a signal.
        // The launcher only waits from here on: give back the heap the start-up used (see ./stack's -Xms).
        System.gc();
        Thread hook = new Thread(stack::stop, "stack-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("All ready in " + stack.startupTime().toMillis() / 1000.0 + " s.");
        // Without a console this is the background launcher of up --detach: Ctrl-C cannot reach it.
        StackReport.print(out, stack.info(), options.projectDir(), false, System.console() != null);
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            // A signal: fall through to the orderly stop.
        }
        Thread.interrupted();
        out.println("Stopping: services, then Kafka, then PostgreSQL...");
        stack.stop(out::println);
        out.println("Stopped.");
        Runtime.getRuntime().removeShutdownHook(hook);
        return 0;
    }

    private static int token(LauncherArgs args, StackOptions options, PrintStream out) throws Exception {
        DevKeys keys = DevKeys.loadOrCreate(options.stateDir().resolve("keys"));
        String planUrl = new StackState(options.stateDir()).readInfo()
                .flatMap(i -> i.services().stream().filter(s -> s.name().equals("plan-service")).findFirst())
                .map(StackInfo.Service::baseUrl)
                .orElse(new ServiceEndpoint("plan-service", 8081).baseUrl());
        UUID unit = UnitResolver.resolve(args.unit(), planUrl, keys);
        String subject = args.subject() != null ? args.subject()
                : "dev-" + String.join("-", args.roles()) + "@" + unit;
        out.println(DevTokens.mint(keys, subject, unit, args.roles(), args.ttl()));
        return 0;
    }

    /** Ports {@code stop} checks when no stack is recorded. */
    private static List<Integer> defaultPorts(StackOptions options) {
        List<Integer> ports = new ArrayList<>(List.of(options.postgresPort(), options.kafkaPort()));
        options.services().forEach(s -> ports.add(s.port()));
        return ports;
    }
}
