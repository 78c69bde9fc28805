package vn.actionmonth.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One service of the stack: its Maven module (also its name), its database, its HTTP port, any
 * extra environment it needs, and whether it runs the drill build (the one whose clock a system
 * account may move) rather than the production build.
 */
public record ServiceSpec(String name, String database, int port, Map<String, String> extraEnv, boolean drill) {

    public ServiceSpec {
        extraEnv = Map.copyOf(extraEnv);
    }

    /** A service that runs the production build. */
    public ServiceSpec(String name, String database, int port, Map<String, String> extraEnv) {
        this(name, database, port, extraEnv, false);
    }

    /**
     * The three services with their fixed ports; plan-service loads its sample data, and
     * notification-service may call webhooks over plain http (public addresses only, as always;
     * export WEBHOOK_ALLOWED_HOSTS=127.0.0.1 before ./stack up to try a receiver of your own).
     */
    public static List<ServiceSpec> defaults() {
        return List.of(
                new ServiceSpec("plan-service", "plan", 8081, Map.of("PLAN_SAMPLE_DATA", "true")),
                new ServiceSpec("report-service", "report", 8082, Map.of()),
                new ServiceSpec("notification-service", "notification", 8083, Map.of("WEBHOOK_ALLOW_HTTP", "true")));
    }

    /**
     * This service as the end-to-end walk and the fault-injection run start it: the drill build on
     * a free port, without sample data (they build their own campaign), with a clock a system
     * account may move and notification-service's scheduler running every second.
     */
    public ServiceSpec forDrill() {
        Map<String, String> env = new java.util.HashMap<>(extraEnv);
        env.put("PLAN_SAMPLE_DATA", "false");
        env.put("CLOCK_ADJUSTABLE", "true");
        env.put("NOTIFICATION_SCHEDULER_EVERY", "1s");
        return new ServiceSpec(name, database, 0, env, true);
    }

    /** This service with {@code more} added to its environment (a name given twice takes the new value). */
    public ServiceSpec withEnv(Map<String, String> more) {
        Map<String, String> env = new java.util.HashMap<>(extraEnv);
        env.putAll(more);
        return new ServiceSpec(name, database, port, env, drill);
    }

    public ServiceSpec withPort(int newPort) {
        return new ServiceSpec(name, database, newPort, extraEnv, drill);
    }

    /** The fast-jar launcher Quarkus builds at package time: the drill build's or the production build's. */
    public Path runJar(Path projectDir) {
        return projectDir.resolve(name).resolve(drill ? "target/drill/quarkus-run.jar"
                : "target/quarkus-app/quarkus-run.jar");
    }
}
