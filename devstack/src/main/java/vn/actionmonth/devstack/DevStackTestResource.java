package vn.actionmonth.devstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gives a {@code @QuarkusTest} a real PostgreSQL database of its own, the shared real Kafka
 * broker, and a signing key whose tokens the service accepts.
 *
 * <p>Use with {@code @QuarkusTestResource(value = DevStackTestResource.class, initArgs =
 * @ResourceArg(name = "database", value = "plan"))}.
 */
public class DevStackTestResource implements QuarkusTestResourceLifecycleManager {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static DevKeys keys;
    private static Path publicKey;

    private String database = "service";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        DevStack stack = DevStack.shared();
        String url = stack.createDatabase(database + "_test_" + DATABASES.incrementAndGet());
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", stack.postgres().user(),
                "quarkus.datasource.password", stack.postgres().password(),
                "events.kafka.bootstrap-servers", stack.bootstrapServers(),
                "mp.jwt.verify.publickey.location", publicKeyFile().toUri().toString(),
                "mp.jwt.verify.issuer", DevKeys.ISSUER,
                "mp.jwt.verify.audiences", DevKeys.AUDIENCE);
    }

    @Override
    public void stop() {
        // The stack is shared by every test of this JVM and stops when the JVM exits.
    }

    /** A token for a user of {@code unitId} with the given roles, valid for an hour. */
    public static String token(UUID unitId, String... roles) {
        return DevTokens.mint(keys(), "test-" + String.join("-", roles) + "@" + unitId, unitId, List.of(roles),
                Duration.ofHours(1));
    }

    /** The key pair the services under test trust: for tokens a test shapes itself. */
    public static synchronized DevKeys keys() {
        if (keys == null) {
            keys = DevKeys.generate();
        }
        return keys;
    }

    private static synchronized Path publicKeyFile() {
        if (publicKey == null) {
            try {
                Path file = java.nio.file.Files.createTempFile("devstack-jwt-", ".pem");
                file.toFile().deleteOnExit();
                publicKey = keys().writePublicKey(file);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return publicKey;
    }
}
