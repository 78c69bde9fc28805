package vn.actionmonth.benchmark;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short version of {@code ./chaos}: a few hundred units and one fault of each kind (a service
 * killed, the broker killed, PostgreSQL crashed, a replica killed) while clients submit and retry.
 */
class FaultInjectionIT {

    @Test
    void nothingAcknowledgedIsLostWhenEachKindOfPartDiesUnderLoad() throws Exception {
        Path project = Path.of(System.getProperty("benchmark.projectDir", "..")).toAbsolutePath().normalize();
        List<FaultInjection.Fault> faults = List.of(FaultInjection.Fault.KILL_REPORT_SERVICE, FaultInjection.Fault.KILL_KAFKA,
                FaultInjection.Fault.CRASH_POSTGRESQL, FaultInjection.Fault.NOTIFICATION_SERVICE_REPLICA);
        FaultInjection.Options options = new FaultInjection.Options(project, 300, 6, faults, Duration.ofSeconds(2),
                project.resolve("benchmark/target/chaos-short.json"));

        FaultInjection.Result result = FaultInjection.run(options);

        assertThat(result.failures()).isEmpty();
        Map<String, Object> figures = result.figures();
        assertThat((List<?>) figures.get("faults")).hasSize(faults.size());
        Map<?, ?> submissions = (Map<?, ?>) figures.get("submissions");
        Map<?, ?> checks = (Map<?, ?>) figures.get("checks");
        assertThat((Integer) submissions.get("acknowledged")).as("acknowledged").isPositive()
                .isEqualTo((Integer) submissions.get("owed") - (Integer) submissions.get("neverSubmitted"));
        assertThat((Long) submissions.get("clientRetries")).as("the faults met requests in flight").isPositive();
        assertThat(checks.get("lost")).isEqualTo(0L);
        assertThat(checks.get("ministryTotalsEqualAcknowledged")).isEqualTo(true);
        assertThat((Integer) checks.get("unreportedReminded")).as("units that never reported were reminded").isPositive();
        assertThat(checks.get("reportedButReminded")).isEqualTo(0);
        assertThat(checks.get("deadLetters")).isEqualTo(0L);
    }
}
