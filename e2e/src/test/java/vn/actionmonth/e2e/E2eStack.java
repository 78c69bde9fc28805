package vn.actionmonth.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import vn.actionmonth.devstack.ServiceSpec;
import vn.actionmonth.devstack.Stack;
import vn.actionmonth.devstack.StackOptions;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The whole system for the end-to-end tests, started the way {@code ./stack up} starts it: a real
 * PostgreSQL and Kafka, and the three services' packaged jars as separate processes. Ports are
 * free ones, the sample data is off (the tests build their own campaign through the APIs), the
 * clocks are adjustable so that a 2024 campaign can be walked, and the notification scheduler
 * runs every second. Test classes share one stack ({@code @ExtendWith(E2eStack.class)}); it stops
 * after the last of them, services first, then Kafka, then PostgreSQL.
 */
final class E2eStack implements BeforeAllCallback {

    private static Stack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(E2eStack.class, k -> (ExtensionContext.Store.CloseableResource) () -> stack.close());
        get();
    }

    static synchronized Stack get() {
        if (stack == null) {
            Path project = Path.of(System.getProperty("e2e.projectDir", "..")).toAbsolutePath().normalize();
            Path state = Path.of(System.getProperty("e2e.stateDir", "target/e2e-stack")).toAbsolutePath();
            StackOptions options = StackOptions.defaults(project)
                    .withStateDir(state)
                    .withPostgresPort(0)
                    .withKafkaPort(0)
                    .withReadyTimeout(Duration.ofMinutes(4))
                    .mapServices(ServiceSpec::forDrill);
            try {
                stack = Stack.start(options, line -> System.out.println("[e2e] " + line));
            } catch (Exception e) {
                throw new IllegalStateException("the stack did not start; see " + state.resolve("logs"), e);
            }
        }
        return stack;
    }
}
