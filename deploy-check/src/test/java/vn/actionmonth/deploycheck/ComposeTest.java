package vn.actionmonth.deploycheck;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml is valid and starts the same system as the run command, safely. */
class ComposeTest {

    private static final Set<String> ONE_SHOT_CONDITIONS = Set.of("service_completed_successfully");

    @Test
    void composeAcceptsTheFileWithoutWarnings() {
        Command result = Command.succeed(Repo.root(), List.of("docker-compose", "-f", ComposeFile.FILE, "config", "-q"), 120);
        System.out.println("[deploy-check] docker-compose -f docker-compose.yml config -q: exit 0");
        assertThat(result.stderr().strip()).as("docker-compose config warnings (an unset variable needs a default?)").isEmpty();
    }

    @Test
    void postgresAndKafkaComeFromOfficialImagesAndKeepTheirData() {
        Map<String, Object> postgres = ComposeFile.service("postgres");
        Map<String, Object> kafka = ComposeFile.service("kafka");
        assertThat(Yaml.stringAt(postgres, "image")).as("docker-compose.yml postgres image").startsWith("postgres:");
        assertThat(Yaml.stringAt(kafka, "image")).as("docker-compose.yml kafka image").startsWith("apache/kafka:");
        assertThat(Yaml.stringAt(kafka, "environment", "KAFKA_PROCESS_ROLES")).as("docker-compose.yml kafka in KRaft mode")
                .isEqualTo("broker,controller");
        assertThat(namedVolumeTargets(postgres)).as("docker-compose.yml postgres keeps its data in a named volume")
                .contains("/var/lib/postgresql/data");
        assertThat(namedVolumeTargets(kafka)).as("docker-compose.yml kafka keeps its log directory in a named volume")
                .contains(Yaml.stringAt(kafka, "environment", "KAFKA_LOG_DIRS"));
        System.out.println("[deploy-check] docker-compose.yml: " + Yaml.stringAt(postgres, "image") + " and "
                + Yaml.stringAt(kafka, "image") + " on named volumes");
    }

    @Test
    void everyServiceIsBuiltFromItsDockerfile() {
        for (String service : Repo.services()) {
            Map<String, Object> compose = ComposeFile.service(service);
            String context = Yaml.stringAt(compose, "build", "context");
            assertThat(context).as("docker-compose.yml %s build context", service).isNotNull();
            assertThat(java.nio.file.Path.of(context).toAbsolutePath().normalize())
                    .as("docker-compose.yml %s is built from its module directory", service).isEqualTo(Repo.path(service));
            System.out.println("[deploy-check] docker-compose.yml " + service + ": built from " + service + "/Dockerfile");
        }
    }

    @Test
    void everyContainerIsHealthCheckedAndStartsAfterWhatItNeedsIsHealthy() {
        Map<String, Object> services = ComposeFile.services();
        Set<String> oneShots = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        services.forEach((name, definition) -> Yaml.mapAt(definition, "depends_on").forEach((dependency, how) -> {
            String condition = Yaml.stringAt(how, "condition");
            if (ONE_SHOT_CONDITIONS.contains(condition)) {
                oneShots.add(dependency);
            } else if (!"service_healthy".equals(condition)) {
                problems.add(name + " depends on " + dependency + " with condition " + condition + " (want service_healthy)");
            }
        }));
        Set<String> checked = new TreeSet<>();
        services.forEach((name, definition) -> {
            boolean tool = !Yaml.listAt(definition, "profiles").isEmpty();
            if (oneShots.contains(name) || tool) {
                if (!"no".equals(Yaml.stringAt(definition, "restart")) && Yaml.at(definition, "restart") != null) {
                    problems.add(name + " runs once, so it must not restart (restart: \"no\")");
                }
                return;
            }
            Object test = Yaml.at(definition, "healthcheck", "test");
            if (test == null || Boolean.TRUE.equals(Yaml.at(definition, "healthcheck", "disable"))) {
                problems.add(name + " has no healthcheck");
            }
            checked.add(name);
        });
        System.out.println("[deploy-check] docker-compose.yml: healthchecks on " + checked + "; run-once containers "
                + "(one-shots and tools) " + new TreeSet<>(services.keySet()).stream().filter(n -> !checked.contains(n)).toList()
                + "; every depends_on waits for health or completion");
        assertThat(problems).as("docker-compose.yml").isEmpty();
    }

    @Test
    void portsAreBoundToLoopbackOnly() {
        List<String> open = new ArrayList<>();
        ComposeFile.services().forEach((name, definition) -> Yaml.listAt(definition, "ports").forEach(port -> {
            String hostIp = port instanceof Map<?, ?> ? Yaml.stringAt(port, "host_ip") : port.toString().split(":")[0];
            if (!"127.0.0.1".equals(hostIp)) {
                open.add(name + " publishes " + port);
            }
        }));
        System.out.println("[deploy-check] docker-compose.yml: every published port is bound to 127.0.0.1");
        assertThat(open).as("docker-compose.yml ports must be bound to 127.0.0.1").isEmpty();
    }

    @Test
    void servicesAreConfiguredThroughTheEnvironmentOnly() {
        for (String service : Repo.services()) {
            Map<String, Object> compose = ComposeFile.service(service);
            assertThat(Yaml.at(compose, "env_file")).as("docker-compose.yml %s: environment in the file, not env_file", service).isNull();
            List<String> mounts = new ArrayList<>();
            Yaml.listAt(compose, "volumes").forEach(v -> mounts.add(v instanceof Map<?, ?> ? Yaml.stringAt(v, "target") : v.toString()));
            assertThat(mounts).as("docker-compose.yml %s mounts no configuration files (only the dev keys volume)", service)
                    .allSatisfy(m -> assertThat(m).doesNotContain("application.properties", "config"));
        }
    }

    @Test
    void theDevTokenContainersRunTheLauncherTheBuildProduces() throws java.io.IOException {
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, Object> entry : ComposeFile.services().entrySet()) {
            List<String> command = new ArrayList<>();
            Yaml.listAt(entry.getValue(), "entrypoint").forEach(w -> command.add(w.toString()));
            Yaml.listAt(entry.getValue(), "command").forEach(w -> command.add(w.toString()));
            String line = String.join(" ", command);
            java.util.regex.Matcher jar = java.util.regex.Pattern.compile("/devstack/(devstack-[^:' ]+\\.jar)").matcher(line);
            if (!jar.find()) {
                continue;
            }
            Path built = Repo.path("devstack/target").resolve(jar.group(1));
            assertThat(built).as("docker-compose.yml %s runs %s: build devstack first (./mvnw package)", entry.getKey(),
                    Repo.show(built)).isRegularFile();
            try (java.util.jar.JarFile file = new java.util.jar.JarFile(built.toFile())) {
                assertThat(file.getEntry("vn/actionmonth/devstack/StackLauncher.class"))
                        .as("%s holds the launcher docker-compose.yml %s calls", Repo.show(built), entry.getKey()).isNotNull();
            }
            assertThat(line).as("docker-compose.yml %s", entry.getKey()).contains("vn.actionmonth.devstack.StackLauncher", " token");
            try (var libs = java.nio.file.Files.list(Repo.path("devstack/target/lib"))) {
                assertThat(libs.count()).as("devstack/target/lib: the launcher's class path").isPositive();
            }
            checked.add(entry.getKey());
        }
        System.out.println("[deploy-check] docker-compose.yml " + checked + " run devstack's StackLauncher token from devstack/target");
        assertThat(checked).as("docker-compose.yml has a keys one-shot and a token tool").contains("keys", "token");
    }

    @Test
    void devTokensAreAcceptedByTheServices() {
        java.util.regex.Matcher issuer = java.util.regex.Pattern.compile("ISSUER\\s*=\\s*\"([^\"]+)\"")
                .matcher(Repo.read(Repo.path("devstack/src/main/java/vn/actionmonth/devstack/DevKeys.java")));
        assertThat(issuer.find()).as("devstack's DevKeys.ISSUER").isTrue();
        Map<String, Object> keys = ComposeFile.service("keys");
        String keysVolume = volumeMountedAt(keys, Yaml.stringAt(keys, "working_dir") + "/.devstack/keys");
        assertThat(keysVolume).as("docker-compose.yml keys: a named volume on <working_dir>/.devstack/keys, where the launcher "
                + "keeps its key pair").isNotNull();
        for (String service : Repo.services()) {
            Map<String, Object> environment = ComposeFile.environment(service);
            assertThat(Yaml.stringAt(environment, "JWT_ISSUER")).as("docker-compose.yml %s JWT_ISSUER: the issuer of dev tokens", service)
                    .isEqualTo(issuer.group(1));
            String location = Yaml.stringAt(environment, "JWT_PUBLIC_KEY_LOCATION");
            assertThat(location).as("docker-compose.yml %s JWT_PUBLIC_KEY_LOCATION", service).startsWith("file:/").endsWith("/public.pem");
            String dir = location.substring("file:".length(), location.length() - "/public.pem".length());
            assertThat(volumeMountedAt(ComposeFile.service(service), dir))
                    .as("docker-compose.yml %s: %s comes from the volume the keys container writes", service, dir).isEqualTo(keysVolume);
        }
        System.out.println("[deploy-check] docker-compose.yml: services trust issuer " + issuer.group(1)
                + " and the public key in volume " + keysVolume + " that the token command signs with");
    }

    @Test
    void eachServiceGetsTheDatabaseTheInitScriptCreates() throws java.io.IOException {
        Map<String, String[]> created = new java.util.HashMap<>();
        Path initDir = Repo.path("docker/postgres-init");
        assertThat(namedOrBoundTarget(ComposeFile.service("postgres"), "/docker-entrypoint-initdb.d"))
                .as("docker-compose.yml postgres mounts %s on /docker-entrypoint-initdb.d", Repo.show(initDir)).isEqualTo(initDir);
        java.util.regex.Pattern call = java.util.regex.Pattern.compile("^create_service_database (\\w+) (\\w+) \"\\$(\\w+)\"$");
        try (var scripts = java.nio.file.Files.list(initDir)) {
            for (Path script : scripts.toList()) {
                Repo.read(script).lines().map(String::trim).map(call::matcher).filter(java.util.regex.Matcher::matches)
                        .forEach(m -> created.put(m.group(1), new String[] {m.group(2), m.group(3)}));
            }
        }
        Map<String, Object> postgresEnv = ComposeFile.environment("postgres");
        for (String service : Repo.services()) {
            Map<String, Object> env = ComposeFile.environment(service);
            String url = Yaml.stringAt(env, "DB_URL");
            assertThat(url).as("docker-compose.yml %s DB_URL", service).startsWith("jdbc:postgresql://postgres:5432/");
            String database = url.substring(url.lastIndexOf('/') + 1);
            assertThat(created).as("%s creates the database %s that %s's DB_URL names", Repo.show(initDir), database, service)
                    .containsKey(database);
            String[] ownerAndPassword = created.get(database);
            assertThat(Yaml.stringAt(env, "DB_USER")).as("docker-compose.yml %s DB_USER: the owner of %s", service, database)
                    .isEqualTo(ownerAndPassword[0]);
            assertThat(Yaml.stringAt(env, "DB_PASSWORD"))
                    .as("docker-compose.yml %s DB_PASSWORD equals postgres's %s", service, ownerAndPassword[1])
                    .isEqualTo(Yaml.stringAt(postgresEnv, ownerAndPassword[1]));
        }
        System.out.println("[deploy-check] docker-compose.yml: each service logs in to the database and owner "
                + Repo.show(initDir) + " creates: " + created.keySet());
    }

    private static Path namedOrBoundTarget(Map<String, Object> service, String target) {
        String source = volumeMountedAt(service, target);
        return source == null ? null : Path.of(source).toAbsolutePath().normalize();
    }

    private static String volumeMountedAt(Map<String, Object> service, String target) {
        for (Object volume : Yaml.listAt(service, "volumes")) {
            if (volume instanceof Map<?, ?>) {
                if (target.equals(Yaml.stringAt(volume, "target"))) {
                    return Yaml.stringAt(volume, "source");
                }
            } else {
                String[] parts = volume.toString().split(":");
                if (parts.length >= 2 && target.equals(parts[1])) {
                    return parts[0];
                }
            }
        }
        return null;
    }

    private static List<String> namedVolumeTargets(Map<String, Object> service) {
        Set<String> named = Yaml.mapAt(ComposeFile.resolved(), "volumes").keySet();
        List<String> targets = new ArrayList<>();
        for (Object volume : Yaml.listAt(service, "volumes")) {
            String[] parts = volume.toString().split(":");
            if (volume instanceof Map<?, ?>) {
                if (named.contains(Yaml.stringAt(volume, "source"))) {
                    targets.add(Yaml.stringAt(volume, "target"));
                }
            } else if (parts.length >= 2 && named.contains(parts[0])) {
                targets.add(parts[1]);
            }
        }
        return targets;
    }
}
