package vn.actionmonth.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import vn.actionmonth.events.kafka.KafkaClients;

import java.util.concurrent.TimeUnit;

/** Ready when the broker answers and the relay and consumer loop are running. */
@Readiness
@ApplicationScoped
public class MessagingReadiness implements HealthCheck {

    private final KafkaClients clients;
    private final EventsLifecycle lifecycle;
    private Admin admin;

    public MessagingReadiness(KafkaClients clients, EventsLifecycle lifecycle) {
        this.clients = clients;
        this.lifecycle = lifecycle;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Kafka and event loops")
                .withData("outboxRelay", lifecycle.relayRunning())
                .withData("consumer", lifecycle.consumerRunning());
        try {
            int nodes = admin().describeCluster().nodes().get(3, TimeUnit.SECONDS).size();
            response.withData("brokers", nodes);
            return response.status(nodes > 0 && lifecycle.relayRunning() && lifecycle.consumerRunning()).build();
        } catch (Exception e) {
            return response.withData("error", String.valueOf(e.getMessage())).down().build();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = clients.admin();
        }
        return admin;
    }

    @jakarta.annotation.PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
