package vn.actionmonth.devstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LauncherArgsTest {

    @Test
    void upRunsInTheForegroundOnTheDefaultPortsUnlessTold() {
        LauncherArgs args = LauncherArgs.parse("up");
        StackOptions options = args.applyTo(StackOptions.defaults(Path.of("/p"), Map.of()));

        assertThat(args.command()).isEqualTo(LauncherArgs.Command.UP);
        assertThat(args.detach()).isFalse();
        assertThat(options.postgresPort()).isEqualTo(15432);
        assertThat(options.kafkaPort()).isEqualTo(19092);
        assertThat(options.stateDir()).isEqualTo(Path.of("/p/.devstack"));
        assertThat(options.readyTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(options.services()).extracting(ServiceSpec::name, ServiceSpec::port, ServiceSpec::database)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("plan-service", 8081, "plan"),
                        org.assertj.core.groups.Tuple.tuple("report-service", 8082, "report"),
                        org.assertj.core.groups.Tuple.tuple("notification-service", 8083, "notification"));
        assertThat(options.services().get(0).extraEnv()).containsEntry("PLAN_SAMPLE_DATA", "true");
    }

    @Test
    void upTakesDetachPortsAndTimeoutInBothSpellings() {
        LauncherArgs args = LauncherArgs.parse("up", "--detach", "--no-build", "--postgres-port", "25432",
                "--kafka-port=29092", "--timeout", "60");
        StackOptions options = args.applyTo(StackOptions.defaults(Path.of("/p"), Map.of()));

        assertThat(args.detach()).isTrue();
        assertThat(options.postgresPort()).isEqualTo(25432);
        assertThat(options.kafkaPort()).isEqualTo(29092);
        assertThat(options.readyTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(args.upOptions()).containsExactly("--postgres-port=25432", "--kafka-port=29092", "--timeout=60");
    }

    @Test
    void environmentMovesTheDefaultPortsAndOptionsWin() {
        Map<String, String> env = Map.of("DEVSTACK_POSTGRES_PORT", "35432", "DEVSTACK_KAFKA_PORT", "39092");

        StackOptions fromEnv = LauncherArgs.parse("up").applyTo(StackOptions.defaults(Path.of("/p"), env));
        StackOptions fromOption = LauncherArgs.parse("up", "--kafka-port", "49092")
                .applyTo(StackOptions.defaults(Path.of("/p"), env));

        assertThat(fromEnv.postgresPort()).isEqualTo(35432);
        assertThat(fromEnv.kafkaPort()).isEqualTo(39092);
        assertThat(fromOption.kafkaPort()).isEqualTo(49092);
        assertThatThrownBy(() -> StackOptions.defaults(Path.of("/p"), Map.of("DEVSTACK_KAFKA_PORT", "x")))
                .hasMessageContaining("DEVSTACK_KAFKA_PORT");
    }

    @Test
    void tokenCollectsRolesAndReadsTheTtlAsAnIsoDuration() {
        LauncherArgs args = LauncherArgs.parse("token", "--unit", "23305", "--role", "reporter",
                "--role=viewer,approver", "--ttl", "pt30m", "--subject", "lan@kontum");

        assertThat(args.command()).isEqualTo(LauncherArgs.Command.TOKEN);
        assertThat(args.unit()).isEqualTo("23305");
        assertThat(args.roles()).containsExactly("reporter", "viewer", "approver");
        assertThat(args.ttl()).isEqualTo(Duration.ofMinutes(30));
        assertThat(args.subject()).isEqualTo("lan@kontum");
        assertThat(LauncherArgs.parse("token", "--unit", "u", "--role", "viewer").ttl()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void tokenNeedsAUnitAndARole() {
        assertThatThrownBy(() -> LauncherArgs.parse("token", "--role", "viewer"))
                .isInstanceOf(LauncherArgs.UsageException.class).hasMessageContaining("--unit");
        assertThatThrownBy(() -> LauncherArgs.parse("token", "--unit", "23305"))
                .isInstanceOf(LauncherArgs.UsageException.class).hasMessageContaining("--role");
        assertThatThrownBy(() -> LauncherArgs.parse("token", "--unit"))
                .isInstanceOf(LauncherArgs.UsageException.class).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> LauncherArgs.parse("token", "--unit", "u", "--role", "viewer", "--ttl", "8h"))
                .isInstanceOf(LauncherArgs.UsageException.class).hasMessageContaining("PT8H");
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThatThrownBy(() -> LauncherArgs.parse("start"))
                .isInstanceOf(LauncherArgs.UsageException.class).hasMessageContaining("unknown command: start");
        assertThatThrownBy(() -> LauncherArgs.parse("up", "--port", "1"))
                .isInstanceOf(LauncherArgs.UsageException.class).hasMessageContaining("--port");
        assertThatThrownBy(() -> LauncherArgs.parse("up", "--postgres-port", "70000"))
                .isInstanceOf(LauncherArgs.UsageException.class).hasMessageContaining("70000");
        assertThatThrownBy(() -> LauncherArgs.parse("stop", "--detach"))
                .isInstanceOf(LauncherArgs.UsageException.class);
        assertThatThrownBy(() -> LauncherArgs.parse("up", "--unit", "x"))
                .isInstanceOf(LauncherArgs.UsageException.class).hasMessageContaining("option of token");
    }

    @Test
    void noArgumentsOrHelpMeanHelp() {
        assertThat(LauncherArgs.parse().command()).isEqualTo(LauncherArgs.Command.HELP);
        assertThat(LauncherArgs.parse("--help").command()).isEqualTo(LauncherArgs.Command.HELP);
        assertThat(LauncherArgs.parse("up", "-h").command()).isEqualTo(LauncherArgs.Command.HELP);
    }

    @Test
    void theLauncherExitsWithTwoAndTheUsageOnABadCommandLine() {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();

        int code = StackLauncher.run(new String[] {"token", "--unit", "x"}, Path.of("/nonexistent"),
                new java.io.PrintStream(out), new java.io.PrintStream(err));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("token needs at least one --role").contains("Usage: ./stack");
    }
}
