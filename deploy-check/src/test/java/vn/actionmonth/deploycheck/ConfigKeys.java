package vn.actionmonth.deploycheck;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment variables a service reads: every {@code ${ENV_VAR...}} reference in the
 * configuration files it runs with, read from the files at test time.
 */
final class ConfigKeys {

    static final String SHARED = "service-common/src/main/resources/META-INF/microprofile-config.properties";

    /** {@code ${NAME} or ${NAME:default}}, where NAME is an environment variable (upper case), also nested in defaults. */
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?=[:}])");

    /** One environment variable, where it is read and by which property. */
    record EnvKey(String name, String file, String property) {
        String origin() {
            return file + " (" + property + ")";
        }
    }

    private ConfigKeys() {
    }

    /** What {@code service} reads: its own application.properties, plus the shared defaults if it uses service-common. */
    static Map<String, EnvKey> of(String service) {
        Map<String, EnvKey> keys = new LinkedHashMap<>();
        Path pom = Repo.path(service + "/pom.xml");
        if (Repo.read(pom).contains("<artifactId>service-common</artifactId>")) {
            referencesIn(SHARED).forEach(k -> keys.putIfAbsent(k.name(), k));
        }
        referencesIn(service + "/src/main/resources/application.properties").forEach(k -> keys.putIfAbsent(k.name(), k));
        return keys;
    }

    /**
     * The environment variables referenced by the properties a production run reads: profile-less
     * keys and {@code %prod.} keys; {@code %dev.} and {@code %test.} ones never run in a container.
     */
    static List<EnvKey> referencesIn(String relativeFile) {
        Path file = Repo.path(relativeFile);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(relativeFile + " does not exist");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<EnvKey> found = new ArrayList<>();
        properties.stringPropertyNames().stream().sorted(Comparator.naturalOrder()).forEach(property -> {
            if (property.startsWith("%") && !property.startsWith("%prod.")) {
                return;
            }
            Matcher m = ENV_REFERENCE.matcher(properties.getProperty(property));
            while (m.find()) {
                found.add(new EnvKey(m.group(1), relativeFile, property));
            }
        });
        return found;
    }
}
