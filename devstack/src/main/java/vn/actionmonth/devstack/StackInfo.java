package vn.actionmonth.devstack;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/**
 * What {@code .devstack/stack.json} holds: the state of the stack, its ports, pids and URLs. The
 * launcher writes it; {@code status}, {@code token}, {@code up --detach} and scripts read it.
 *
 * @param state one of {@code starting}, {@code ready}, {@code failed}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StackInfo(String state, long launcherPid, String startedAt, Double readySeconds, String stateDir,
                        String publicKey, String issuer, Postgres postgres, Kafka kafka, List<Service> services,
                        String error) {

    public static final String STARTING = "starting";
    public static final String READY = "ready";
    public static final String FAILED = "failed";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Postgres(boolean embedded, int port, long pid, String user, String password,
                           Map<String, String> databases) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Kafka(boolean embedded, String bootstrapServers, int port, long pid) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Service(String name, int port, long pid, String baseUrl, String apiUrl, String swaggerUi,
                          String openApi, String health, String log) {

        static Service of(ServiceEndpoint e, long pid, String log) {
            return new Service(e.name(), e.port(), pid, e.baseUrl(), e.apiUrl(), e.swaggerUiUrl(), e.openApiUrl(),
                    e.healthUrl(), log);
        }

        public ServiceEndpoint endpoint() {
            return new ServiceEndpoint(name, port);
        }
    }

    public StackInfo withState(String newState, Double seconds, String newError) {
        return new StackInfo(newState, launcherPid, startedAt, seconds, stateDir, publicKey, issuer, postgres, kafka,
                services, newError);
    }
}
