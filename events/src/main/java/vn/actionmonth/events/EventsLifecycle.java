package vn.actionmonth.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.apache.kafka.clients.admin.Admin;
import org.jboss.logging.Logger;
import vn.actionmonth.events.inbox.EventConsumerLoop;
import vn.actionmonth.events.inbox.EventHandler;
import vn.actionmonth.events.inbox.Inbox;
import vn.actionmonth.events.kafka.KafkaClients;
import vn.actionmonth.events.kafka.TopicProvisioner;
import vn.actionmonth.events.outbox.OutboxRelay;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Starts the outbox relay and the consumer loop with the service, and stops them with it. */
@ApplicationScoped
public class EventsLifecycle {

    private static final Logger LOG = Logger.getLogger(EventsLifecycle.class);

    private final EventsConfig config;
    private final KafkaClients clients;
    private final AgroalDataSource dataSource;
    private final Inbox inbox;
    private final ObjectMapper mapper;
    private final Instance<EventHandler> handlers;
    private OutboxRelay relay;
    private EventConsumerLoop consumerLoop;

    public EventsLifecycle(EventsConfig config, KafkaClients clients, AgroalDataSource dataSource, Inbox inbox,
                           ObjectMapper mapper, Instance<EventHandler> handlers) {
        this.config = config;
        this.clients = clients;
        this.dataSource = dataSource;
        this.inbox = inbox;
        this.mapper = mapper;
        this.handlers = handlers;
    }

    // After Flyway (which migrates at start-up) so that the outbox and inbox tables exist.
    void onStart(@Observes @Priority(5000) StartupEvent ev) throws InterruptedException {
        List<EventHandler> all = handlers.stream().toList();
        if (config.provisionTopics()) {
            provisionTopics(all);
        }
        if (config.outbox().enabled()) {
            relay = new OutboxRelay(dataSource, clients, config, config.service());
            relay.start();
        }
        if (config.consumer().enabled() && all.stream().anyMatch(h -> !h.topics().isEmpty())) {
            consumerLoop = new EventConsumerLoop(clients, inbox, all, mapper, config.consumer(), groupId(),
                    Topics.deadLetterOf(config.service()));
            consumerLoop.start();
            LOG.infof("consuming %s as group %s", consumerLoop.topics(), groupId());
        }
    }

    void onStop(@Observes ShutdownEvent ev) {
        if (consumerLoop != null) {
            consumerLoop.close();
        }
        if (relay != null) {
            relay.close();
        }
    }

    public String groupId() {
        return config.consumer().groupId().orElse(config.service());
    }

    public boolean relayRunning() {
        return relay == null ? !config.outbox().enabled() : relay.isRunning();
    }

    public boolean consumerRunning() {
        return consumerLoop == null || consumerLoop.isRunning();
    }

    /** Every topic the contract names (they are few), so that producers never find one missing. */
    private void provisionTopics(List<EventHandler> all) throws InterruptedException {
        Set<String> names = new LinkedHashSet<>();
        Topics.ALL.forEach(t -> names.add(t.name()));
        all.forEach(h -> names.addAll(h.topics()));
        List<Topics.TopicSpec> specs = new java.util.ArrayList<>(names.stream().map(Topics::spec).toList());
        specs.add(Topics.deadLetter(config.service()));
        try (Admin admin = clients.admin()) {
            TopicProvisioner.ensure(admin, specs);
        } catch (RuntimeException e) {
            // The broker may come later; the relay and the consumer wait for it. Readiness says so.
            LOG.warnf("could not check or create topics now: %s", e.getMessage());
        }
    }
}
