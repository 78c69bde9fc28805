package vn.actionmonth.devstack;

import java.util.ArrayList;
import java.util.List;

/**
 * How a service JVM is sized: the same in the run command, the tests' stacks, the benchmark and the
 * containers (the Dockerfiles, docker-compose.yml and k8s/ set {@link #containerOptions()} in
 * JAVA_TOOL_OPTIONS; deploy-check holds them equal to this list).
 *
 * <p>Measured with native memory tracking under the national benchmark, a service's footprint is
 * mostly not its heap: metaspace and class space (90 to 115 MB with Hibernate, Kafka and Jackson),
 * compiled code (35 to 50 MB), symbols (about 22 MB) and the compiler's arenas, against a heap of
 * 55 to 115 MB in use. So: a bounded heap that gives memory back after a collection, a code cache
 * with a ceiling, the C library's heap trimmed so that the compiler's transient arenas do not stay
 * resident, metaspace returned in small chunks, and direct memory bounded for the HTTP server's
 * buffers. The serial collector has no threads of its own competing with requests on two cores and
 * needs far less native memory than G1.
 *
 * <p>Only the first-tier compiler (C1) runs. Under the national benchmark the optimising compiler
 * (C2) was still compiling a minute into the submissions, taking up to a quarter of a core in
 * notification-service, whose own work took a twentieth; its arenas and larger code were 60 to
 * 70 MB of each service's peak RSS. C1's code is slower where a loop is hot (the consistency
 * check takes about twice as long) but a request here spends its time in many short framework
 * methods and in the database.
 */
public final class ServiceJvm {

    /**
     * The heap ceiling. A smaller one (160 MB) was tried: plan-service then ran out of heap parsing a
     * plan body of 20,001 activities, which its bounds must refuse with a 400, and the 100,000-unit
     * import must fit too (plan-service's tests run with this heap).
     */
    public static final String HEAP = "256m";

    private static final List<String> SIZING = List.of(
            "-XX:+UseSerialGC",
            "-Xms32m",
            "-XX:MinHeapFreeRatio=15",
            "-XX:MaxHeapFreeRatio=40",
            "-XX:ReservedCodeCacheSize=64m",
            "-XX:MetaspaceReclaimPolicy=aggressive",
            "-XX:TrimNativeHeapInterval=5000",
            "-XX:MaxDirectMemorySize=32m",
            "-Xss512k",
            "-XX:TieredStopAtLevel=1");

    private ServiceJvm() {
    }

    /** The options a stack starts a service JVM with, for a heap ceiling of {@code heap}. */
    public static List<String> options(String heap) {
        List<String> out = new ArrayList<>(SIZING);
        out.add("-Xmx" + heap);
        return out;
    }

    /** The same in a container, where a JVM out of memory must stop (and be restarted) rather than limp on. */
    public static String containerOptions() {
        List<String> out = options(HEAP);
        out.add("-XX:+ExitOnOutOfMemoryError");
        return String.join(" ", out);
    }
}
