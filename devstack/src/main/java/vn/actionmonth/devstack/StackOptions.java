package vn.actionmonth.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * How to start the stack. The defaults are what {@code ./stack up} uses: PostgreSQL on 15432 and
 * Kafka on 19092 (off the usual 5432/9092 so a developer's own servers do not clash; overridable by
 * {@code DEVSTACK_POSTGRES_PORT} / {@code DEVSTACK_KAFKA_PORT}), the services on 8081 to 8083, state
 * under {@code <project>/.devstack}.
 *
 * @param projectDir   the Maven reactor root, where {@code <service>/target/quarkus-app} lives
 * @param stateDir     keys, logs, PostgreSQL and Kafka data, pid and state files
 * @param postgresPort port of the embedded PostgreSQL (0: a free one); unused when external
 * @param kafkaPort    port of the embedded broker (0: a free one); unused when external
 * @param services     the services to start (port 0: a free one)
 * @param readyTimeout how long each service may take to answer 200 on /q/health/ready
 * @param serviceHeap  the {@code -Xmx} of each service JVM
 */
public record StackOptions(Path projectDir, Path stateDir, int postgresPort, int kafkaPort,
                           List<ServiceSpec> services, Duration readyTimeout, String serviceHeap) {

    public static final int DEFAULT_POSTGRES_PORT = 15432;
    public static final int DEFAULT_KAFKA_PORT = 19092;

    public StackOptions {
        projectDir = projectDir.toAbsolutePath().normalize();
        stateDir = stateDir.toAbsolutePath().normalize();
        services = List.copyOf(services);
    }

    public static StackOptions defaults(Path projectDir) {
        return defaults(projectDir, System.getenv());
    }

    static StackOptions defaults(Path projectDir, Map<String, String> env) {
        return new StackOptions(projectDir, projectDir.resolve(".devstack"),
                port(env, "DEVSTACK_POSTGRES_PORT", DEFAULT_POSTGRES_PORT),
                port(env, "DEVSTACK_KAFKA_PORT", DEFAULT_KAFKA_PORT),
                ServiceSpec.defaults(), Duration.ofSeconds(180), ServiceJvm.HEAP);
    }

    public StackOptions withStateDir(Path dir) {
        return new StackOptions(projectDir, dir, postgresPort, kafkaPort, services, readyTimeout, serviceHeap);
    }

    public StackOptions withPostgresPort(int port) {
        return new StackOptions(projectDir, stateDir, port, kafkaPort, services, readyTimeout, serviceHeap);
    }

    public StackOptions withKafkaPort(int port) {
        return new StackOptions(projectDir, stateDir, postgresPort, port, services, readyTimeout, serviceHeap);
    }

    public StackOptions withServices(List<ServiceSpec> list) {
        return new StackOptions(projectDir, stateDir, postgresPort, kafkaPort, list, readyTimeout, serviceHeap);
    }

    /** Changes every service, e.g. {@code s -> s.withPort(0)} for free ports in a test. */
    public StackOptions mapServices(UnaryOperator<ServiceSpec> change) {
        return withServices(services.stream().map(change).toList());
    }

    public StackOptions withReadyTimeout(Duration timeout) {
        return new StackOptions(projectDir, stateDir, postgresPort, kafkaPort, services, timeout, serviceHeap);
    }

    public StackOptions withServiceHeap(String heap) {
        return new StackOptions(projectDir, stateDir, postgresPort, kafkaPort, services, readyTimeout, heap);
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LauncherArgs.parsePort(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage());
        }
    }
}
