package vn.actionmonth.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import vn.actionmonth.events.kafka.KafkaClients;

import java.util.concurrent.TimeUnit;

/**
 * The event machinery, as readiness sees it. Down only when the outbox relay or the consumer loop
 * has stopped (the service is broken). A broker that cannot be reached makes the service
 * degraded, not unready: writes still commit with their events in the outbox and reads need no
 * broker, so the service keeps taking requests, and the data says what waits ({@code kafka:
 * "unreachable"}); the relay and the consumer catch up by themselves when it is back.
 */
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
        boolean running = lifecycle.relayRunning() && lifecycle.consumerRunning();
        try {
            int nodes = admin().describeCluster().nodes().get(3, TimeUnit.SECONDS).size();
            response.withData("brokers", nodes).withData("kafka", nodes > 0 ? "reachable" : "unreachable");
        } catch (Exception e) {
            response.withData("kafka", "unreachable: events wait in the outbox until the broker is back");
        }
        return response.status(running).build();
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
