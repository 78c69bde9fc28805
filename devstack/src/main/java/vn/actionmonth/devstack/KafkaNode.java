package vn.actionmonth.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * A real single-node Kafka broker in KRaft mode, in a child JVM, listening on loopback only.
 *
 * <p>It runs in its own process so that it can be stopped and started again on the same port
 * and log directory (the outbox tests take the broker away and bring it back), and so that the
 * run command can report its memory apart from the services.
 */
public final class KafkaNode implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final String clusterId;
    private Process process;

    private KafkaNode(Path dir, int port, int controllerPort) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.clusterId = base64Uuid();
    }

    /** Formats a fresh log directory under {@code dir} and starts the broker on {@code port} (0: a free one). */
    public static KafkaNode start(Path dir, int port) throws IOException, InterruptedException {
        int[] free = Ports.free(2);
        KafkaNode node = new KafkaNode(dir, port > 0 ? port : free[0], free[1] == port ? free[0] : free[1]);
        // Checked before formatting: formatting the log directory of a running broker breaks it.
        if (node.isListening()) {
            throw new IOException("port " + node.port + " is already taken; refusing to start a second broker");
        }
        node.format();
        node.startProcess();
        return node;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    /** Stops the broker and waits until its port is free. */
    public synchronized void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        process = null;
        waitUntil(() -> !isListening(), Duration.ofSeconds(30), "Kafka port " + port + " to close");
    }

    /** Kills the broker at once (SIGKILL): no controlled shutdown, its log is recovered at restart. */
    public synchronized void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroyForcibly().waitFor();
        process = null;
        waitUntil(() -> !isListening(), Duration.ofSeconds(30), "Kafka port " + port + " to close");
    }

    /** Starts the stopped broker again on the same port and log directory. */
    public synchronized void restart() throws IOException, InterruptedException {
        if (process != null) {
            throw new IllegalStateException("the broker is running");
        }
        startProcess();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void format() throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path logs = dir.resolve("data");
        if (Files.exists(logs)) {
            deleteTree(logs);
        }
        Files.writeString(dir.resolve("server.properties"), serverProperties(logs));
        try (var config = KafkaNode.class.getResourceAsStream("kafka-log4j2.properties")) {
            Files.copy(config, dir.resolve("log4j2.properties"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Process p = javaProcess("kafka.tools.StorageTool", "format", "--cluster-id=" + clusterId,
                "-c", dir.resolve("server.properties").toString(), "--standalone")
                .redirectOutput(dir.resolve("format.log").toFile())
                .redirectErrorStream(true)
                .start();
        if (p.waitFor() != 0) {
            throw new IOException("formatting the Kafka log directory failed: "
                    + Files.readString(dir.resolve("format.log")));
        }
    }

    private synchronized void startProcess() throws IOException, InterruptedException {
        if (isListening()) {
            throw new IOException("port " + port + " is already taken; refusing to start a second broker");
        }
        process = javaProcess("kafka.Kafka", dir.resolve("server.properties").toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile()))
                .redirectErrorStream(true)
                .start();
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
        waitUntil(this::isReady, Duration.ofSeconds(90), "Kafka on port " + port);
    }

    private boolean isReady() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("the Kafka broker exited; see " + dir.resolve("broker.log"));
        }
        if (!isListening()) {
            return false;
        }
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers());
        props.put("request.timeout.ms", "3000");
        props.put("default.api.timeout.ms", "3000");
        try (var admin = org.apache.kafka.clients.admin.Admin.create(props)) {
            return !admin.describeCluster().nodes().get().isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private boolean isListening() {
        return Probes.isListening(port);
    }

    private String serverProperties(Path logs) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + logs,
                "num.partitions=3",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.cleaner.dedupe.buffer.size=4194304",
                "") ;
    }

    private ProcessBuilder javaProcess(String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(Sessions.newSessionPrefix());
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xms64m");
        cmd.add("-Xmx" + System.getProperty("devstack.kafka.heap", "384m"));
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Djava.awt.headless=true");
        // Used only when log4j-core is on the class path (the run command's target/lib): the
        // broker then logs at INFO to its standard output, which goes to broker.log.
        cmd.add("-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties").toAbsolutePath());
        cmd.add("-cp");
        cmd.add(ClassPath.current());
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("KAFKA_OPTS");
        return pb;
    }

    static void waitUntil(java.util.function.BooleanSupplier condition, Duration timeout, String what)
            throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    private static String base64Uuid() {
        UUID u = UUID.randomUUID();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16);
        b.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
