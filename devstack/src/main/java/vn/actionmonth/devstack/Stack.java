package vn.actionmonth.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The whole system on one machine: PostgreSQL, Kafka and the three services as child processes,
 * each service with its own database and the dev signing key. What {@code ./stack up} runs, and
 * what an end-to-end test starts the same way:
 *
 * <pre>{@code
 * try (Stack stack = Stack.start(StackOptions.defaults(projectDir).withStateDir(tmp))) {
 *     String plan = stack.service("plan-service").endpoint().apiUrl();
 *     String token = stack.token(unitId, "planner");
 * }
 * }</pre>
 *
 * <p>{@link #stop()} stops the services first (they flush their outbox and commit their offsets),
 * then Kafka, then PostgreSQL.
 */
public final class Stack implements AutoCloseable {

    private final StackOptions options;
    private final StackState state;
    private final DevKeys keys;
    private final Path publicKey;
    private final DevStack infra;
    private final List<RunningService> services;
    private final Map<String, String> databases;
    private final List<RunningService> replicas = new ArrayList<>();
    private final Instant startedAt;
    private final Duration startupTime;
    private StackInfo info;
    private boolean stopped;

    private Stack(StackOptions options, StackState state, DevKeys keys, Path publicKey, DevStack infra,
                  List<RunningService> services, Map<String, String> databases, Instant startedAt, Duration startupTime,
                  StackInfo info) {
        this.databases = databases;
        this.options = options;
        this.state = state;
        this.keys = keys;
        this.publicKey = publicKey;
        this.infra = infra;
        this.services = services;
        this.startedAt = startedAt;
        this.startupTime = startupTime;
        this.info = info;
    }

    public static Stack start(StackOptions options) throws IOException, InterruptedException {
        return start(options, line -> { });
    }

    /**
     * Starts everything and returns once every service answers 200 on {@code /q/health/ready}.
     * On any failure (or interruption) whatever was started is stopped again before this throws.
     *
     * @param progress told one line per step, for a console
     */
    public static Stack start(StackOptions options, Consumer<String> progress) throws IOException, InterruptedException {
        Instant startedAt = Instant.now();
        StackState state = new StackState(options.stateDir());
        preflight(options, state);
        Files.createDirectories(options.stateDir());
        removeStalePostgresData(options.stateDir().resolve("postgres"));
        // The PostgreSQL binaries are unpacked once per user: zonky's default /tmp/embedded-pg is
        // shared, and a normal user cannot use it once root has unpacked there.
        if (System.getProperty("ot.epg.working-dir") == null) {
            System.setProperty("ot.epg.working-dir", Path.of(System.getProperty("java.io.tmpdir"),
                    "embedded-pg-" + System.getProperty("user.name")).toString());
        }
        long launcher = ProcessHandle.current().pid();
        List<StackState.Child> children = new ArrayList<>();
        state.writePids(launcher, children);

        DevKeys keys = DevKeys.loadOrCreate(options.stateDir().resolve("keys"));
        Path publicKey = options.stateDir().resolve("keys/public.pem");

        DevStack infra = null;
        List<RunningService> services = new ArrayList<>();
        try {
            progress.accept("Starting PostgreSQL and Kafka...");
            infra = DevStack.start(options.stateDir(), options.postgresPort(), options.kafkaPort());
            // Chosen now, so that they cannot be the ports the broker and the database took.
            options = withFreePorts(options);
            PostgresNode pg = infra.postgres();
            if (pg.isEmbedded()) {
                children.add(new StackState.Child("postgres", pg.pid(), pg.port()));
            }
            if (infra.isKafkaEmbedded()) {
                children.add(new StackState.Child("kafka", infra.kafka().pid(), infra.kafka().port()));
            }
            state.writePids(launcher, children);
            progress.accept("  PostgreSQL " + pg.jdbcUrl("postgres").replace("/postgres", "")
                    + (pg.isEmbedded() ? " (embedded)" : " (external)") + ", Kafka " + infra.bootstrapServers()
                    + (infra.isKafkaEmbedded() ? " (embedded)" : " (external)") + " after "
                    + seconds(startedAt) + " s");

            Map<String, String> databases = new LinkedHashMap<>();
            for (ServiceSpec spec : options.services()) {
                databases.put(spec.database(), infra.createDatabase(spec.database()));
            }

            progress.accept("Starting " + String.join(", ", options.services().stream().map(ServiceSpec::name).toList())
                    + "...");
            for (ServiceSpec spec : options.services()) {
                RunningService service = RunningService.start(spec, options.projectDir(), options.serviceHeap(),
                        environment(spec, infra, databases.get(spec.database()), publicKey),
                        options.stateDir().resolve("logs").resolve(spec.name() + ".log"));
                services.add(service);
                children.add(new StackState.Child(spec.name(), service.pid(), spec.port()));
            }
            state.writePids(launcher, children);
            StackInfo info = info(StackInfo.STARTING, options, launcher, startedAt, null, infra, databases, publicKey,
                    services);
            state.writeInfo(info);

            awaitReady(services, options.readyTimeout(), startedAt, progress);

            Duration startup = Duration.between(startedAt, Instant.now());
            info = info(StackInfo.READY, options, launcher, startedAt, startup.toMillis() / 1000.0, infra, databases,
                    publicKey, services);
            state.writeInfo(info);
            return new Stack(options, state, keys, publicKey, infra, services, databases, startedAt, startup, info);
        } catch (IOException | InterruptedException | RuntimeException e) {
            boolean interrupted = Thread.interrupted();
            stopAll(services, infra, line -> { });
            state.clear();
            state.writeInfo(new StackInfo(StackInfo.FAILED, launcher, startedAt.toString(), null,
                    options.stateDir().toString(), null, DevKeys.ISSUER, null, null, List.of(), message(e)));
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            throw e;
        }
    }

    public List<RunningService> services() {
        return services;
    }

    public RunningService service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    /**
     * Kills a service at once (SIGKILL), as a crash or an evicted pod would: no graceful shutdown,
     * no flushing. {@link #restart} brings it back on the same port.
     */
    public void kill(String name) throws InterruptedException {
        service(name).kill();
    }

    /** Starts a killed service again with the same port, database and configuration; returns once it is ready. */
    public synchronized RunningService restart(String name, Duration timeout) throws IOException, InterruptedException {
        RunningService old = service(name);
        if (old.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        ServiceSpec spec = options.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        RunningService started = startService(spec, spec.name() + "-restarted-" + Instant.now().toEpochMilli());
        services.set(services.indexOf(old), started);
        awaitReady(List.of(started), timeout, Instant.now(), line -> { });
        return started;
    }

    /**
     * Starts one more replica of a service, on a port of its own, with the same database and
     * configuration (two pods of one Deployment); returns once it is ready.
     */
    public synchronized RunningService startReplica(String name, Duration timeout) throws IOException, InterruptedException {
        return startReplica(name, UnaryOperator.identity(), timeout);
    }

    /**
     * Starts one more replica of a service with its specification changed by {@code change} (say,
     * the production build beside drill builds), on a port of its own; returns once it is ready.
     */
    public synchronized RunningService startReplica(String name, UnaryOperator<ServiceSpec> change, Duration timeout)
            throws IOException, InterruptedException {
        ServiceSpec spec = change.apply(options.services().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow()).withPort(Ports.free());
        RunningService replica = startService(spec, spec.name() + "-replica-" + (replicas.size() + 1));
        replicas.add(replica);
        awaitReady(List.of(replica), timeout, Instant.now(), line -> { });
        return replica;
    }

    private RunningService startService(ServiceSpec spec, String logName) throws IOException {
        return RunningService.start(spec, options.projectDir(), options.serviceHeap(),
                environment(spec, infra, databases.get(spec.database()), publicKey),
                options.stateDir().resolve("logs").resolve(logName + ".log"));
    }

    /** PostgreSQL and Kafka, e.g. for {@code infrastructure().kafka().stop()} in a test. */
    public DevStack infrastructure() {
        return infra;
    }

    public DevKeys keys() {
        return keys;
    }

    public Path publicKeyFile() {
        return publicKey;
    }

    /** A bearer token the services accept, for a user of {@code unitId}. */
    public String token(UUID unitId, String... roles) {
        return DevTokens.mint(keys, "dev-" + String.join("-", roles) + "@" + unitId, unitId, List.of(roles),
                Duration.ofHours(8));
    }

    /** From the call to {@link #start} until every service was ready. */
    public Duration startupTime() {
        return startupTime;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public StackInfo info() {
        return info;
    }

    public StackOptions options() {
        return options;
    }

    /** Memory of every process of the stack, by name: the services, "postgres" (a tree) and "kafka". */
    public Map<String, ProcessMemory> memory() {
        Map<String, ProcessMemory> out = new LinkedHashMap<>();
        for (RunningService s : services) {
            out.put(s.name(), ProcessMemory.ofTree(s.pid()));
        }
        if (infra.postgres().isEmbedded()) {
            out.put("postgres", ProcessMemory.ofTree(infra.postgres().pid()));
        }
        if (infra.isKafkaEmbedded()) {
            out.put("kafka", ProcessMemory.ofTree(infra.kafka().pid()));
        }
        return out;
    }

    /** Stops the services, then Kafka, then PostgreSQL, and removes the pid and state files. Idempotent. */
    public void stop() {
        stop(line -> { });
    }

    /** {@link #stop()}, telling {@code progress} one line per step. */
    public synchronized void stop(Consumer<String> progress) {
        if (stopped) {
            return;
        }
        stopped = true;
        List<RunningService> all = new ArrayList<>(services);
        all.addAll(replicas);
        stopAll(all, infra, progress);
        state.clear();
    }

    @Override
    public void close() {
        stop();
    }

    private static void preflight(StackOptions options, StackState state) {
        state.readPids().ifPresent(pids -> {
            if (ProcessHandle.of(pids.launcher()).map(ProcessHandle::isAlive).orElse(false)
                    && pids.launcher() != ProcessHandle.current().pid()) {
                throw new StackException("a stack is already running from " + options.stateDir()
                        + " (launcher pid " + pids.launcher() + "); stop it first with ./stack stop");
            }
        });
        List<String> busy = new ArrayList<>();
        if (isBlank(System.getenv("DEVSTACK_POSTGRES_URL")) && options.postgresPort() > 0
                && Probes.isListening(options.postgresPort())) {
            busy.add(options.postgresPort() + " (PostgreSQL; choose another with --postgres-port or DEVSTACK_POSTGRES_PORT)");
        }
        if (isBlank(System.getenv("KAFKA_BOOTSTRAP_SERVERS")) && options.kafkaPort() > 0
                && Probes.isListening(options.kafkaPort())) {
            busy.add(options.kafkaPort() + " (Kafka; choose another with --kafka-port or DEVSTACK_KAFKA_PORT)");
        }
        for (ServiceSpec s : options.services()) {
            if (s.port() > 0 && Probes.isListening(s.port())) {
                busy.add(s.port() + " (" + s.name() + ")");
            }
        }
        if (!busy.isEmpty()) {
            throw new StackException("port " + String.join(", port ", busy) + " already in use on 127.0.0.1."
                    + " If it is a stack left behind, run ./stack stop.");
        }
        List<String> missing = options.services().stream()
                .map(s -> s.runJar(options.projectDir()))
                .filter(jar -> !Files.isRegularFile(jar))
                .map(Path::toString)
                .toList();
        if (!missing.isEmpty()) {
            throw new StackException("not built yet: " + String.join(", ", missing)
                    + ". Build with ./mvnw -DskipTests install (./stack up does it unless --no-build).");
        }
    }

    /**
     * Every start begins with empty databases (plan-service loads its sample data). A launcher that
     * was killed leaves its data directory behind, where initdb would refuse to run; it is removed,
     * unless the PostgreSQL that owns it still runs.
     */
    private static void removeStalePostgresData(Path dataDir) throws IOException {
        if (!Files.exists(dataDir)) {
            return;
        }
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            try {
                long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
                boolean running = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                        .flatMap(h -> h.info().command()).map(c -> c.endsWith("/postgres")).orElse(false);
                if (running) {
                    throw new StackException("a PostgreSQL left behind (pid " + pid + ") still runs on " + dataDir
                            + "; run ./stack stop first");
                }
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                // An unreadable pid file belongs to no running server.
            }
        }
        KafkaNode.deleteTree(dataDir);
    }

    /** Gives each service asking for port 0 a free port of its own. */
    private static StackOptions withFreePorts(StackOptions options) {
        List<ServiceSpec> services = options.services();
        int[] free = Ports.free((int) services.stream().filter(s -> s.port() == 0).count());
        List<ServiceSpec> out = new ArrayList<>();
        int next = 0;
        for (ServiceSpec s : services) {
            out.add(s.port() > 0 ? s : s.withPort(free[next++]));
        }
        return options.withServices(out);
    }

    private static Map<String, String> environment(ServiceSpec spec, DevStack infra, String jdbcUrl, Path publicKey) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DB_URL", jdbcUrl);
        env.put("DB_USER", infra.postgres().user());
        env.put("DB_PASSWORD", infra.postgres().password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", infra.bootstrapServers());
        env.put("JWT_PUBLIC_KEY_LOCATION", publicKey.toUri().toString());
        env.put("JWT_ISSUER", DevKeys.ISSUER);
        env.put("JWT_AUDIENCE", DevKeys.AUDIENCE);
        env.put("HTTP_HOST", ServiceEndpoint.HOST);
        env.put("HTTP_PORT", Integer.toString(spec.port()));
        env.putAll(spec.extraEnv());
        return env;
    }

    private static void awaitReady(List<RunningService> services, Duration timeout, Instant startedAt,
                                   Consumer<String> progress) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<RunningService> waiting = new ArrayList<>(services);
        while (!waiting.isEmpty()) {
            for (RunningService s : List.copyOf(waiting)) {
                if (!s.isAlive()) {
                    throw new StackException(s.name() + " exited before it was ready. Last lines of " + s.log()
                            + ":\n" + Probes.tail(s.log(), 40));
                }
                if (s.isReady()) {
                    waiting.remove(s);
                    progress.accept("  " + s.name() + " ready on " + s.endpoint().baseUrl() + " after "
                            + seconds(startedAt) + " s");
                }
            }
            if (!waiting.isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    RunningService late = waiting.get(0);
                    throw new StackException(late.name() + " was not ready after " + timeout.toSeconds()
                            + " s (" + late.endpoint().healthUrl() + "). Last lines of " + late.log() + ":\n"
                            + Probes.tail(late.log(), 40));
                }
                Thread.sleep(500);
            }
        }
    }

    /** Services in parallel (each gets 30 s to close gracefully), then Kafka, then PostgreSQL. */
    private static void stopAll(List<RunningService> services, DevStack infra, Consumer<String> progress) {
        Instant begin = Instant.now();
        services.forEach(RunningService::requestStop);
        for (RunningService s : services) {
            try {
                s.awaitStop(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!services.isEmpty()) {
            progress.accept("  services stopped after " + seconds(begin) + " s");
        }
        if (infra == null) {
            return;
        }
        try {
            if (infra.isKafkaEmbedded()) {
                infra.kafka().stop();
                progress.accept("  Kafka stopped after " + seconds(begin) + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            System.err.println("devstack: stopping Kafka: " + e);
        }
        try {
            infra.close();
            progress.accept("  PostgreSQL stopped after " + seconds(begin) + " s");
        } catch (Exception e) {
            System.err.println("devstack: stopping PostgreSQL/Kafka: " + e);
        }
    }

    private static StackInfo info(String state, StackOptions options, long launcher, Instant startedAt, Double ready,
                                  DevStack infra, Map<String, String> databases, Path publicKey,
                                  List<RunningService> services) {
        PostgresNode pg = infra.postgres();
        StackInfo.Postgres postgres = new StackInfo.Postgres(pg.isEmbedded(), pg.port(), pg.pid(), pg.user(),
                pg.password(), databases);
        StackInfo.Kafka kafka = new StackInfo.Kafka(infra.isKafkaEmbedded(), infra.bootstrapServers(),
                infra.isKafkaEmbedded() ? infra.kafka().port() : 0,
                infra.isKafkaEmbedded() ? infra.kafka().pid() : -1);
        List<StackInfo.Service> list = services.stream()
                .map(s -> StackInfo.Service.of(s.endpoint(), s.pid(), s.log().toString()))
                .toList();
        return new StackInfo(state, launcher, startedAt.toString(), ready, options.stateDir().toString(),
                publicKey.toString(), DevKeys.ISSUER, postgres, kafka, list, null);
    }

    private static String message(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    private static double seconds(Instant since) {
        return Math.round(Duration.between(since, Instant.now()).toMillis() / 100.0) / 10.0;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
