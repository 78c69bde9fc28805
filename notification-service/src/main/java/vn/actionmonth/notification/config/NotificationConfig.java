package vn.actionmonth.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Everything under {@code notification.}: the default reminder policy, links, delivery and SMTP. */
@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    Policy policy();

    Links links();

    Scheduler scheduler();

    Delivery delivery();

    Smtp smtp();

    Webhooks webhooks();

    /** The default reminder policy; a campaign may override it through the API. */
    interface Policy {
        /** Reminders this many days before the due instant. */
        List<Integer> reminderDaysBefore();

        /** A notice at the due instant itself. */
        boolean atDue();

        /** Overdue notices this many days after the due instant. */
        List<Integer> overdueDaysAfter();

        /** Escalation to the recipient unit this many days after the due instant; absent: none. */
        OptionalInt escalationDaysAfter();
    }

    interface Links {
        /** The web frontend, e.g. https://thangvihanhdong.gov.vn; links in messages start with it. */
        String baseUrl();
    }

    interface Scheduler {
        /** How often due reminders are planned and waiting notifications sent; "off" disables it. */
        String every();
    }

    interface Delivery {
        /** Attempts per email or webhook before it ends FAILED. */
        @WithDefault("5")
        int maxAttempts();

        /** Wait after the first failed attempt; doubles with each further failure. */
        @WithDefault("PT1M")
        Duration backoff();

        /** How long a claimed notification stays with its dispatcher before another may take it over. */
        @WithDefault("PT5M")
        Duration lease();

        /** Rows claimed or planned per transaction. */
        @WithDefault("200")
        int batchSize();

        /** Emails and webhook calls of a batch under way at once (each waits on the network). */
        @WithDefault("16")
        int concurrency();

        @WithDefault("PT10S")
        Duration webhookTimeout();
    }

    /** Which webhook addresses may be called (see WebhookAddresses). */
    interface Webhooks {
        /** Plain http as well as https: for development and tests only, never in production. */
        @WithDefault("false")
        boolean allowHttp();

        /**
         * Hosts (names, IP addresses or CIDR blocks) a webhook may reach although they are internal,
         * e.g. a receiver inside the ministry's own network. Empty by default.
         */
        Optional<List<String>> allowedHosts();
    }

    interface Smtp {
        String host();

        int port();

        /** Sender address. */
        String from();

        Optional<String> username();

        Optional<String> password();

        @WithDefault("false")
        boolean starttls();

        @WithDefault("PT10S")
        Duration timeout();
    }
}
