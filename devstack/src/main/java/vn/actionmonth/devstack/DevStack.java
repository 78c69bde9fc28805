package vn.actionmonth.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * PostgreSQL and Kafka for local runs and tests: embedded on loopback, or external ones named
 * by the environment ({@code DEVSTACK_POSTGRES_URL}, {@code KAFKA_BOOTSTRAP_SERVERS}).
 */
public final class DevStack implements AutoCloseable {

    private static DevStack shared;

    private final Path workDir;
    private final PostgresNode postgres;
    private final KafkaNode kafka;
    private final String bootstrapServers;

    private DevStack(Path workDir, PostgresNode postgres, KafkaNode kafka, String bootstrapServers) {
        this.workDir = workDir;
        this.postgres = postgres;
        this.kafka = kafka;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts whatever the environment does not provide. Ports of 0 pick free ones. */
    public static DevStack start(Path workDir, int postgresPort, int kafkaPort) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        PostgresNode pg = PostgresNode.external();
        if (pg == null) {
            pg = PostgresNode.embedded(workDir.resolve("postgres"), postgresPort);
        }
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            return new DevStack(workDir, pg, null, external);
        }
        try {
            KafkaNode kafka = KafkaNode.start(workDir.resolve("kafka"), kafkaPort);
            return new DevStack(workDir, pg, kafka, kafka.bootstrapServers());
        } catch (IOException | InterruptedException | RuntimeException e) {
            pg.close();
            throw e;
        }
    }

    /** One stack per JVM, started on first use and stopped when the JVM exits: what tests share. */
    public static synchronized DevStack shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("devstack-");
                shared = start(dir, 0, 0);
                DevStack started = shared;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                        KafkaNode.deleteTree(dir);
                    } catch (Exception e) {
                        // The JVM is going away; nothing is left to tell.
                    }
                }));
            } catch (IOException e) {
                throw new IllegalStateException("could not start the dev stack", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the dev stack", e);
            }
        }
        return shared;
    }

    public PostgresNode postgres() {
        return postgres;
    }

    public String createDatabase(String name) {
        try {
            return postgres.createDatabase(name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** False when {@code KAFKA_BOOTSTRAP_SERVERS} named an external broker. */
    public boolean isKafkaEmbedded() {
        return kafka != null;
    }

    /** The embedded broker, for tests that stop and restart it. */
    public KafkaNode kafka() {
        if (kafka == null) {
            throw new IllegalStateException("Kafka is external (KAFKA_BOOTSTRAP_SERVERS); it cannot be controlled here");
        }
        return kafka;
    }

    public Path workDir() {
        return workDir;
    }

    @Override
    public void close() throws Exception {
        try {
            if (kafka != null) {
                kafka.close();
            }
        } finally {
            postgres.close();
        }
    }
}
