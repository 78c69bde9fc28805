package vn.actionmonth.deploycheck;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * k8s/: every kustomization renders, every object is valid against the Kubernetes schemas, and
 * each service gets what an operator needs to run it safely.
 */
class KubernetesManifestsTest {

    /** Custom resources kubernetes-models has no schema for, and the fields they must have. */
    private static final Map<String, List<String>> CUSTOM_RESOURCES = Map.of(
            "kafka.strimzi.io/v1beta2 KafkaTopic", List.of("metadata.name", "metadata.labels.strimzi.io/cluster",
                    "spec.topicName", "spec.partitions", "spec.replicas", "spec.config"),
            "monitoring.coreos.com/v1 ServiceMonitor", List.of("metadata.name", "spec.selector", "spec.endpoints"));

    /** A service jar with -Xmx256m was measured at about 225 MB RSS: no pod may ask for less. */
    private static final long MEASURED_RSS_BYTES = 225L * 1000 * 1000;

    static List<String> kustomizations() {
        return Rendered.kustomizations();
    }

    @Test
    void thereAreStagingAndProductionOverlays() {
        System.out.println("[deploy-check] kustomizations: " + Rendered.kustomizations());
        assertThat(Rendered.overlays()).contains("k8s/overlays/staging", "k8s/overlays/production");
    }

    @ParameterizedTest(name = "{0}: every object is valid")
    @MethodSource("kustomizations")
    void everyObjectIsValid(String kustomization) {
        Rendered rendered = Rendered.of(kustomization);
        List<String> problems = new ArrayList<>();
        int schemaChecked = 0;
        int customChecked = 0;
        for (KubernetesSchemas.Result result : KubernetesSchemas.validate(rendered.objects())) {
            Map<String, Object> object = rendered.objects().get(result.index());
            String what = result.kind() + "/" + result.name();
            switch (result.status()) {
                case "valid" -> schemaChecked++;
                case "invalid" -> problems.add(what + ": " + result.message());
                default -> {
                    String type = object.get("apiVersion") + " " + object.get("kind");
                    List<String> required = CUSTOM_RESOURCES.get(type);
                    if (required == null) {
                        problems.add(what + ": no schema for " + type);
                        continue;
                    }
                    for (String field : required) {
                        if (fieldAt(object, field) == null) {
                            problems.add(what + ": " + type + " needs " + field);
                        }
                    }
                    customChecked++;
                }
            }
        }
        System.out.printf("[deploy-check] %s: %d objects valid against the Kubernetes schemas (kubernetes-models), "
                + "%d custom resources checked for their required fields%n", kustomization, schemaChecked, customChecked);
        assertThat(problems).as("%s: invalid objects", kustomization).isEmpty();
    }

    @ParameterizedTest(name = "{0}: each service has its Deployment, Service, HPA, PDB and NetworkPolicy")
    @MethodSource("kustomizations")
    void eachServiceIsCompletelyDeployed(String kustomization) {
        Rendered rendered = Rendered.of(kustomization);
        for (String service : Repo.services()) {
            Map<String, Object> deployment = rendered.get("Deployment", service);
            Map<String, Object> podLabels = Yaml.mapAt(deployment, "spec", "template", "metadata", "labels");
            String where = kustomization + ": " + service;

            assertThat(podLabels).as("%s pod labels match the Deployment selector", where)
                    .containsAllEntriesOf(stringMap(Yaml.mapAt(deployment, "spec", "selector", "matchLabels")));

            Map<String, Object> svc = rendered.get("Service", service);
            assertThat(podLabels).as("%s: Service selector matches the pods", where)
                    .containsAllEntriesOf(stringMap(Yaml.mapAt(svc, "spec", "selector")));
            Set<String> portNames = new TreeSet<>();
            Yaml.listAt(ContainerEnv.container(deployment), "ports").forEach(p -> portNames.add(Yaml.stringAt(p, "name")));
            Yaml.listAt(svc, "spec", "ports").forEach(p -> assertThat(portNames)
                    .as("%s: Service targetPort is a container port", where).contains(Yaml.stringAt(p, "targetPort")));

            Map<String, Object> hpa = rendered.get("HorizontalPodAutoscaler", service);
            assertThat(Yaml.stringAt(hpa, "spec", "scaleTargetRef", "kind") + "/" + Yaml.stringAt(hpa, "spec", "scaleTargetRef", "name"))
                    .as("%s: HPA target", where).isEqualTo("Deployment/" + service);
            assertThat(((Number) Yaml.at(hpa, "spec", "minReplicas")).intValue())
                    .as("%s: HPA minReplicas (two replicas are safe and keep the service up during a node drain)", where)
                    .isGreaterThanOrEqualTo(2);

            Map<String, Object> pdb = rendered.get("PodDisruptionBudget", service);
            assertThat(podLabels).as("%s: PodDisruptionBudget selects the pods", where)
                    .containsAllEntriesOf(stringMap(Yaml.mapAt(pdb, "spec", "selector", "matchLabels")));

            Map<String, Object> policy = rendered.get("NetworkPolicy", service);
            assertThat(podLabels).as("%s: NetworkPolicy selects the pods", where)
                    .containsAllEntriesOf(stringMap(Yaml.mapAt(policy, "spec", "podSelector", "matchLabels")));
            assertThat(Yaml.listAt(policy, "spec", "policyTypes")).as("%s: NetworkPolicy restricts both directions", where)
                    .contains("Ingress", "Egress");
            assertThat(Yaml.listAt(policy, "spec", "ingress")).as("%s: ingress rules name their sources", where)
                    .allSatisfy(rule -> assertThat(Yaml.listAt(rule, "from")).isNotEmpty());
            Set<Integer> egressPorts = new TreeSet<>();
            Yaml.listAt(policy, "spec", "egress").forEach(rule -> Yaml.listAt(rule, "ports")
                    .forEach(p -> egressPorts.add(((Number) Yaml.at(p, "port")).intValue())));
            assertThat(egressPorts).as("%s: egress to DNS, PostgreSQL and Kafka", where).contains(53, 5432, 9092);
            System.out.println("[deploy-check] " + where + ": Deployment, Service, HPA (min "
                    + Yaml.at(hpa, "spec", "minReplicas") + "), PDB, NetworkPolicy (egress ports " + egressPorts + ")");
        }
    }

    @ParameterizedTest(name = "{0}: pods run hardened, with probes and sized resources")
    @MethodSource("kustomizations")
    void podsAreHardenedProbedAndSized(String kustomization) {
        Rendered rendered = Rendered.of(kustomization);
        for (String service : Repo.services()) {
            Map<String, Object> deployment = rendered.get("Deployment", service);
            Map<String, Object> pod = Yaml.mapAt(deployment, "spec", "template", "spec");
            Map<String, Object> container = ContainerEnv.container(deployment);
            String where = kustomization + ": Deployment " + service;

            assertThat(Yaml.stringAt(deployment, "spec", "strategy", "type")).as("%s strategy", where).isEqualTo("RollingUpdate");
            assertThat(firstNonNull(Yaml.at(container, "securityContext", "runAsNonRoot"), Yaml.at(pod, "securityContext", "runAsNonRoot")))
                    .as("%s runAsNonRoot", where).isEqualTo(true);
            assertThat(Yaml.at(container, "securityContext", "readOnlyRootFilesystem")).as("%s readOnlyRootFilesystem", where).isEqualTo(true);
            assertThat(Yaml.at(container, "securityContext", "allowPrivilegeEscalation")).as("%s allowPrivilegeEscalation", where).isEqualTo(false);

            String tmpVolume = Yaml.listAt(container, "volumeMounts").stream()
                    .filter(m -> "/tmp".equals(Yaml.stringAt(m, "mountPath"))).map(m -> Yaml.stringAt(m, "name"))
                    .findFirst().orElseThrow(() -> new AssertionError(where + " mounts nothing on /tmp (the root file system is read-only)"));
            assertThat(Yaml.listAt(pod, "volumes").stream().filter(v -> tmpVolume.equals(Yaml.stringAt(v, "name"))).findFirst())
                    .as("%s: /tmp is an emptyDir", where).hasValueSatisfying(v -> assertThat(Yaml.at(v, "emptyDir")).isNotNull());

            assertThat(Yaml.stringAt(container, "livenessProbe", "httpGet", "path")).as("%s liveness", where).isEqualTo("/q/health/live");
            assertThat(Yaml.stringAt(container, "readinessProbe", "httpGet", "path")).as("%s readiness", where).isEqualTo("/q/health/ready");
            assertThat(Yaml.stringAt(container, "startupProbe", "httpGet", "path")).as("%s startup", where).isEqualTo("/q/health/started");

            for (String resource : List.of("cpu", "memory")) {
                assertThat(Yaml.at(container, "resources", "requests", resource)).as("%s requests.%s", where, resource).isNotNull();
                assertThat(Yaml.at(container, "resources", "limits", resource)).as("%s limits.%s", where, resource).isNotNull();
            }
            long request = Quantity.bytes(Yaml.stringAt(container, "resources", "requests", "memory"));
            long limit = Quantity.bytes(Yaml.stringAt(container, "resources", "limits", "memory"));
            assertThat(request).as("%s memory request (bytes) covers the measured %d bytes RSS", where, MEASURED_RSS_BYTES)
                    .isGreaterThan(MEASURED_RSS_BYTES);
            assertThat(limit).as("%s memory limit (bytes) is at least the request", where).isGreaterThanOrEqualTo(request);

            Map<String, Object> annotations = Yaml.mapAt(deployment, "spec", "template", "metadata", "annotations");
            boolean scraped = "/q/metrics".equals(annotations.get("prometheus.io/path"))
                    || rendered.ofKind("ServiceMonitor").stream().anyMatch(m -> Objects.equals(service,
                    Yaml.stringAt(m, "spec", "selector", "matchLabels", "app.kubernetes.io/name")));
            assertThat(scraped).as("%s: Prometheus scrapes /q/metrics (annotations or a ServiceMonitor)", where).isTrue();
            System.out.printf("[deploy-check] %s: non-root, read-only root fs + /tmp emptyDir, 3 probes, memory %s..%s%n",
                    where, Yaml.at(container, "resources", "requests", "memory"), Yaml.at(container, "resources", "limits", "memory"));
        }
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void everyServiceLogsJsonLinesWithALinePerRequestAndChecksTokens(String kustomization) {
        Rendered rendered = Rendered.of(kustomization);
        for (String service : Repo.services()) {
            Map<String, String> env = envValues(rendered, service);
            assertThat(env).as("%s in %s", service, kustomization)
                    .hasEntrySatisfying("LOG_JSON", v -> assertThat(v).endsWith("=true"))
                    .hasEntrySatisfying("ACCESS_LOG", v -> assertThat(v).endsWith("=true"))
                    .hasEntrySatisfying("JWT_AUDIENCE", v -> assertThat(v).doesNotEndWith("="))
                    .hasEntrySatisfying("JWT_MAX_AGE_SECONDS", v -> assertThat(v).doesNotEndWith("="));
        }
    }

    @Test
    void overlaysDifferInReplicasResourcesAndConfiguration() {
        List<String> overlays = Rendered.overlays();
        for (int i = 0; i < overlays.size(); i++) {
            for (int j = i + 1; j < overlays.size(); j++) {
                Rendered a = Rendered.of(overlays.get(i));
                Rendered b = Rendered.of(overlays.get(j));
                String pair = overlays.get(i) + " and " + overlays.get(j);
                assertThat(Repo.services().stream().anyMatch(s -> !Objects.equals(
                        Yaml.at(a.get("Deployment", s), "spec", "replicas"), Yaml.at(b.get("Deployment", s), "spec", "replicas"))))
                        .as("%s differ in replicas", pair).isTrue();
                assertThat(Repo.services().stream().anyMatch(s -> !Objects.equals(
                        Yaml.at(ContainerEnv.container(a.get("Deployment", s)), "resources"),
                        Yaml.at(ContainerEnv.container(b.get("Deployment", s)), "resources"))))
                        .as("%s differ in resources", pair).isTrue();
                assertThat(Repo.services().stream().anyMatch(s -> !envValues(a, s).equals(envValues(b, s))))
                        .as("%s differ in configuration", pair).isTrue();
                System.out.println("[deploy-check] " + pair + " differ in replicas, resources and configuration");
            }
        }
    }

    private static Map<String, String> envValues(Rendered rendered, String service) {
        Map<String, String> values = new java.util.TreeMap<>();
        ContainerEnv.of(rendered, rendered.get("Deployment", service)).forEach((k, v) -> values.put(k, v.description() + "=" + v.value()));
        return values;
    }

    /** "metadata.labels.strimzi.io/cluster": the first two steps are keys, the rest is one key (label names hold dots). */
    private static Object fieldAt(Map<String, Object> object, String field) {
        String[] parts = field.split("\\.", 3);
        if (parts.length == 3 && parts[1].equals("labels")) {
            return Yaml.at(object, parts[0], parts[1], parts[2]);
        }
        return Yaml.at(object, field.split("\\."));
    }

    private static Map<String, Object> stringMap(Map<String, Object> map) {
        assertThat(map).as("selector").isNotEmpty();
        return map;
    }

    private static Object firstNonNull(Object a, Object b) {
        return a != null ? a : b;
    }
}
