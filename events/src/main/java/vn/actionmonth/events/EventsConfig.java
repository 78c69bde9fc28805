package vn.actionmonth.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Messaging settings of a service, under {@code events.}. */
@ConfigMapping(prefix = "events")
public interface EventsConfig {

    /** This service's name, e.g. {@code plan-service}: the CloudEvents source is {@code /<service>}. */
    String service();

    Kafka kafka();

    Outbox outbox();

    Consumer consumer();

    /** Create the topics this service uses at start when they are missing (off where Strimzi owns them). */
    @WithDefault("true")
    boolean provisionTopics();

    interface Kafka {
        /** Broker addresses, host:port[,host:port]. */
        String bootstrapServers();
    }

    interface Outbox {
        /** Run the relay that publishes outbox rows. */
        @WithDefault("true")
        boolean enabled();

        /** Rows published per relay transaction. */
        @WithDefault("500")
        int batchSize();

        /** Pause between polls when nothing is waiting. */
        @WithDefault("PT0.05S")
        Duration pollInterval();

        /** Pause after a failed publish (the broker is away) before trying again. */
        @WithDefault("PT1S")
        Duration retryBackoff();

        /** How long published rows are kept for audit before they are deleted. */
        @WithDefault("P7D")
        Duration retention();
    }

    interface Consumer {
        /** Run the consumer loop (only started when the service has event handlers). */
        @WithDefault("true")
        boolean enabled();

        /** Kafka consumer group; defaults to the service name. */
        Optional<String> groupId();

        @WithDefault("500")
        int maxPollRecords();

        /** Attempts to apply one event before it goes to the dead-letter topic. */
        @WithDefault("4")
        int maxAttempts();

        /** First back-off between attempts; doubles with each attempt. */
        @WithDefault("PT0.1S")
        Duration retryBackoff();

        /**
         * How long the group waits for a member that went silent (a killed pod) before its
         * partitions go to the others: the events of those partitions wait this long. Kafka's
         * default of 45 s held consolidations back for a minute after a replica was killed.
         */
        @WithDefault("PT10S")
        Duration sessionTimeout();
    }
}
