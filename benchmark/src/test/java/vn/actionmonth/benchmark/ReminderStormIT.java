package vn.actionmonth.benchmark;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short version of {@code ./bench --reminder-storm}: a few hundred units, every one reminded and
 * then told its report is due, by inbox, webhook and (one in ten) email.
 */
class ReminderStormIT {

    @Test
    void everyNoticeReachesEveryChannelOnceAtEachMoment() throws Exception {
        Path project = Path.of(System.getProperty("benchmark.projectDir", "..")).toAbsolutePath().normalize();
        ReminderStorm.Options options = new ReminderStorm.Options(project, "synthetic:300", 0, 10,
                project.resolve("benchmark/target/reminder-storm-short.json"));

        ReminderStorm.Result result = ReminderStorm.run(options);

        assertThat(result.failures()).isEmpty();
        Map<?, ?> moments = (Map<?, ?>) result.figures().get("moments");
        assertThat(moments.keySet().stream().map(String::valueOf).toList()).containsExactly("REMINDER", "DUE");
        for (Object m : moments.values()) {
            Map<?, ?> moment = (Map<?, ?>) m;
            int notices = (Integer) moment.get("notices");
            assertThat(notices).as("units owing a report").isGreaterThan(200);
            assertThat(((Map<?, ?>) moment.get("webhook")).get("delivered")).isEqualTo(notices);
            assertThat((Integer) ((Map<?, ?>) moment.get("email")).get("delivered")).isPositive()
                    .isEqualTo(((Map<?, ?>) moment.get("email")).get("owed"));
            assertThat(moment.get("everyInboxSeconds")).isNotNull();
        }
        assertThat(result.figures().get("notSentAtFirstAttempt")).isEqualTo(0L);
    }
}
