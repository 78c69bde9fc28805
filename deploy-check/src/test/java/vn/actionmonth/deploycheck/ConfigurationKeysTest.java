package vn.actionmonth.deploycheck;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every environment variable a service's configuration reads has a value in docker-compose.yml
 * and in every kustomization, so a key another developer adds cannot be forgotten in deployment.
 */
class ConfigurationKeysTest {

    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|PRIVATE|CREDENTIAL).*");

    static List<String> services() {
        return Repo.services();
    }

    static List<String> kustomizations() {
        return Rendered.kustomizations();
    }

    @Test
    void theServicesReadTheirSettingsFromTheEnvironment() {
        for (String service : Repo.services()) {
            Map<String, ConfigKeys.EnvKey> keys = ConfigKeys.of(service);
            System.out.println("[deploy-check] " + service + " reads " + keys.size() + " environment variables: " + keys.keySet());
            assertThat(keys).as("environment variables read by %s", service)
                    .containsKeys("DB_URL", "DB_USER", "DB_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS", "JWT_PUBLIC_KEY_LOCATION");
        }
    }

    @ParameterizedTest(name = "docker-compose.yml gives {0} every variable it reads")
    @MethodSource("services")
    void composeProvidesEveryVariable(String service) {
        Map<String, Object> environment = ComposeFile.environment(service);
        List<String> missing = new ArrayList<>();
        ConfigKeys.of(service).values().forEach(key -> {
            if (!environment.containsKey(key.name())) {
                missing.add(key.name() + " (read by " + key.origin() + ")");
            }
        });
        System.out.println("[deploy-check] " + ComposeFile.FILE + " service " + service + ": checked "
                + ConfigKeys.of(service).size() + " variables");
        assertThat(missing).as("%s: service %s sets no value for these environment variables", ComposeFile.FILE, service)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0} gives every service every variable it reads")
    @MethodSource("kustomizations")
    void kubernetesProvidesEveryVariable(String kustomization) {
        Rendered rendered = Rendered.of(kustomization);
        List<String> missing = new ArrayList<>();
        for (String service : Repo.services()) {
            Map<String, ContainerEnv.Source> env = ContainerEnv.of(rendered, rendered.get("Deployment", service));
            ConfigKeys.of(service).values().forEach(key -> {
                if (!env.containsKey(key.name())) {
                    missing.add("Deployment " + service + ": " + key.name() + " (read by " + key.origin() + ")");
                }
            });
            System.out.println("[deploy-check] " + kustomization + " Deployment " + service + ": checked "
                    + ConfigKeys.of(service).size() + " variables against its ConfigMaps and Secret references");
        }
        assertThat(missing).as("%s: no ConfigMap entry, env value or secretKeyRef for", kustomization).isEmpty();
    }

    @ParameterizedTest(name = "{0} leaves topic creation to Strimzi")
    @MethodSource("kustomizations")
    void kubernetesDoesNotLetServicesCreateTopics(String kustomization) {
        Rendered rendered = Rendered.of(kustomization);
        for (String service : Repo.services()) {
            ContainerEnv.Source source = ContainerEnv.of(rendered, rendered.get("Deployment", service)).get("KAFKA_PROVISION_TOPICS");
            assertThat(source).as("%s: Deployment %s must set KAFKA_PROVISION_TOPICS", kustomization, service).isNotNull();
            assertThat(source.value()).as("%s: Deployment %s KAFKA_PROVISION_TOPICS (from %s)", kustomization, service,
                    source.description()).isEqualTo("false");
        }
    }

    @ParameterizedTest(name = "{0} holds no secret values")
    @MethodSource("kustomizations")
    void kubernetesHoldsNoSecretValues(String kustomization) {
        Rendered rendered = Rendered.of(kustomization);
        assertThat(rendered.ofKind("Secret")).as("%s renders Secrets; the operator provides them", kustomization)
                .extracting(Rendered::describe).isEmpty();
        List<String> leaks = new ArrayList<>();
        for (Map<String, Object> configMap : rendered.ofKind("ConfigMap")) {
            Yaml.mapAt(configMap, "data").keySet().stream().filter(k -> SECRET_NAME.matcher(k).matches())
                    .forEach(k -> leaks.add(Rendered.describe(configMap) + " key " + k));
        }
        for (Map<String, Object> deployment : rendered.ofKind("Deployment")) {
            ContainerEnv.of(rendered, deployment).forEach((name, source) -> {
                if (SECRET_NAME.matcher(name).matches() && !source.secret()) {
                    leaks.add(Rendered.describe(deployment) + " " + name + " from " + source.description());
                }
            });
        }
        System.out.println("[deploy-check] " + kustomization + ": no Secret objects; secret-looking variables come from secretKeyRef");
        assertThat(leaks).as("%s: secret-looking values must come from Secrets (secretKeyRef)", kustomization).isEmpty();
    }

    /** Read by the JVM or mapped by Quarkus itself, not through a ${VAR} reference. */
    private static boolean readOutsideTheProperties(String variable) {
        return variable.equals("JAVA_TOOL_OPTIONS") || variable.startsWith("QUARKUS_");
    }

    @ParameterizedTest(name = "docker-compose.yml gives {0} nothing it does not read")
    @MethodSource("services")
    void composeSetsNoStaleVariable(String service) {
        Map<String, ConfigKeys.EnvKey> reads = ConfigKeys.of(service);
        List<String> stale = ComposeFile.environment(service).keySet().stream()
                .filter(v -> !reads.containsKey(v) && !readOutsideTheProperties(v)).sorted().toList();
        assertThat(stale).as("%s: service %s sets variables no configuration file of %s reads (renamed or removed?)",
                ComposeFile.FILE, service, service).isEmpty();
    }

    @ParameterizedTest(name = "{0} gives every service nothing it does not read")
    @MethodSource("kustomizations")
    void kubernetesSetsNoStaleVariable(String kustomization) {
        Rendered rendered = Rendered.of(kustomization);
        List<String> stale = new ArrayList<>();
        for (String service : Repo.services()) {
            Map<String, ConfigKeys.EnvKey> reads = ConfigKeys.of(service);
            ContainerEnv.of(rendered, rendered.get("Deployment", service)).forEach((variable, source) -> {
                if (!reads.containsKey(variable) && !readOutsideTheProperties(variable)) {
                    stale.add("Deployment " + service + ": " + variable + " from " + source.description());
                }
            });
        }
        assertThat(stale).as("%s: variables no configuration file of the service reads (renamed or removed?)", kustomization)
                .isEmpty();
    }
}
