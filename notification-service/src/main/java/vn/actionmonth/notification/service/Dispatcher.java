package vn.actionmonth.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.actionmonth.events.Correlation;
import vn.actionmonth.events.notification.NotificationFailed;
import vn.actionmonth.events.notification.NotificationSent;
import vn.actionmonth.events.outbox.Outbox;
import vn.actionmonth.notification.config.NotificationConfig;
import vn.actionmonth.notification.delivery.DeliveryResult;
import vn.actionmonth.notification.delivery.EmailSender;
import vn.actionmonth.notification.delivery.WebhookBody;
import vn.actionmonth.notification.delivery.WebhookSender;
import vn.actionmonth.notification.domain.Channel;
import vn.actionmonth.notification.domain.ChannelType;
import vn.actionmonth.notification.domain.DeliveryAttempt;
import vn.actionmonth.notification.domain.NotificationStatus;
import vn.actionmonth.notification.repository.ChannelRepository;
import vn.actionmonth.notification.repository.DeliveryAttemptRepository;
import vn.actionmonth.notification.repository.NotificationRepository;
import vn.actionmonth.notification.repository.NotificationRepository.Claimed;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Sends what waits for email and webhook channels.
 *
 * <p>Three steps, each its own transaction or none: claim a batch (PENDING rows, or SENDING rows
 * whose claim lapsed because their dispatcher died, taken with {@code FOR UPDATE SKIP LOCKED} and
 * marked SENDING with a lease), send the batch outside any transaction, {@code concurrency} sends
 * at a time, then record every outcome of the batch in one transaction, each with an update that
 * only succeeds if the claim is still this dispatcher's. Two dispatchers, in one JVM or in two
 * replicas, never hold the same row at once. A dispatcher that dies after sending but before
 * recording leaves its batch to be sent again when the lease lapses; webhook receivers drop such
 * a repeat by its {@code X-ActionMonth-Delivery} id, emails carry it as a header.
 */
// Created at start so that a lease too short for the send timeouts stops the service at once.
@Startup
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final NotificationRepository notifications;
    private final DeliveryAttemptRepository attempts;
    private final ChannelRepository channels;
    private final EmailSender email;
    private final WebhookSender webhooks;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final NotificationConfig.Delivery config;
    private final Duration smtpTimeout;
    private final ExecutorService senders;

    public Dispatcher(NotificationRepository notifications, DeliveryAttemptRepository attempts, ChannelRepository channels,
                      EmailSender email, WebhookSender webhooks, Outbox outbox, ObjectMapper mapper, Clock clock,
                      NotificationConfig config) {
        this.notifications = notifications;
        this.attempts = attempts;
        this.channels = channels;
        this.email = email;
        this.webhooks = webhooks;
        this.outbox = outbox;
        this.mapper = mapper;
        this.clock = clock;
        this.config = config.delivery();
        this.smtpTimeout = config.smtp().timeout();
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(this.config.concurrency(), task -> {
            Thread t = new Thread(task, "notification-sender-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        if (this.config.lease().compareTo(sendBudget().multipliedBy(2)) < 0) {
            throw new IllegalStateException("notification.delivery.lease (" + this.config.lease() + ") must be at least "
                    + sendBudget().multipliedBy(2) + ": twice three times the longest SMTP or webhook timeout");
        }
    }

    /** Sends everything due now; returns how many attempts were made. */
    public int dispatchDue() {
        int made = 0;
        while (true) {
            Instant leaseUntil = clock.instant().plus(config.lease());
            List<Claimed> batch = claim(leaseUntil);
            int sent = sendAndRecord(batch, leaseUntil);
            made += sent;
            // A short batch was the last; a batch handed back in part ran out of lease: the next run goes on.
            if (batch.size() < config.batchSize() || sent < batch.size()) {
                return made;
            }
        }
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
    }

    /** A claimed row and what its send gave; no result when the send was never started. */
    private record Outcome(Claimed claimed, DeliveryResult result) {
    }

    private int sendAndRecord(List<Claimed> batch, Instant leaseUntil) {
        if (batch.isEmpty()) {
            return 0;
        }
        Map<UUID, Channel> webhooks = webhookChannels(batch);
        List<Future<Outcome>> sends = new ArrayList<>(batch.size());
        for (Claimed c : batch) {
            sends.add(senders.submit(() -> {
                // Never start a send that might still run when the claim lapses and another dispatcher
                // takes the row over: hand it back instead.
                if (clock.instant().plus(sendBudget()).isAfter(leaseUntil)) {
                    return new Outcome(c, null);
                }
                return new Outcome(c, Correlation.on(c.requestId(), () -> send(c, webhooks)));
            }));
        }
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        for (Future<Outcome> f : sends) {
            try {
                outcomes.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending notifications", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a notification send failed unexpectedly", e.getCause());
            }
        }
        QuarkusTransaction.requiringNew().run(() -> outcomes.forEach(o -> {
            if (o.result() == null) {
                notifications.release(o.claimed().id(), o.claimed().attempts());
            } else {
                record(o.claimed(), o.result());
            }
        }));
        return (int) outcomes.stream().filter(o -> o.result() != null).count();
    }

    /** The subscriptions the batch's webhooks go to, read in one query. */
    private Map<UUID, Channel> webhookChannels(List<Claimed> batch) {
        List<UUID> ids = batch.stream().filter(c -> c.channel() == ChannelType.WEBHOOK).map(Claimed::channelId)
                .filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return QuarkusTransaction.requiringNew().call(() -> channels.list("id in ?1", ids).stream()
                .collect(Collectors.toMap(ch -> ch.id, ch -> ch)));
    }

    /** Claims a batch for this dispatcher until the lease's end (committed at once, so other dispatchers skip it). */
    public List<Claimed> claim() {
        return claim(clock.instant().plus(config.lease()));
    }

    private List<Claimed> claim(Instant leaseUntil) {
        return QuarkusTransaction.requiringNew().call(
                () -> notifications.claim(clock.instant(), leaseUntil, config.batchSize()));
    }

    /** The longest one send may take: an SMTP exchange or a webhook call, each bounded by its timeouts. */
    private Duration sendBudget() {
        Duration longest = smtpTimeout.compareTo(config.webhookTimeout()) > 0 ? smtpTimeout : config.webhookTimeout();
        return longest.multipliedBy(3);
    }

    private DeliveryResult send(Claimed c, Map<UUID, Channel> webhooks) {
        return switch (c.channel()) {
            case EMAIL -> email.send(c.id().toString(), c.target(), c.subject(), c.body());
            case WEBHOOK -> sendWebhook(c, c.channelId() == null ? null : webhooks.get(c.channelId()));
            case INBOX -> DeliveryResult.ok(null);
        };
    }

    private DeliveryResult sendWebhook(Claimed c, Channel channel) {
        if (channel == null || channel.secret == null) {
            return DeliveryResult.failed(null, "the webhook subscription no longer exists");
        }
        byte[] body;
        try {
            body = mapper.writeValueAsString(WebhookBody.of(c)).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            return DeliveryResult.failed(null, "could not write the body: " + e.getOriginalMessage());
        }
        return webhooks.post(channel.address, channel.secret, c.id().toString(), c.kind().name(), body);
    }

    private void record(Claimed c, DeliveryResult result) {
        Instant now = clock.instant();
        DeliveryAttempt a = new DeliveryAttempt();
        a.id = UUID.randomUUID();
        a.notificationId = c.id();
        a.attempt = c.attempts();
        a.attemptedAt = now;
        a.succeeded = result.succeeded();
        a.httpStatus = result.httpStatus();
        a.error = result.error();
        attempts.persist(a);
        boolean recorded;
        if (result.succeeded()) {
            recorded = notifications.finish(c.id(), c.attempts(), NotificationStatus.SENT, null, null, now, null);
            if (recorded) {
                outbox.append(new NotificationSent(c.id(), c.unitId(), c.channel().name(), c.kind().name(), c.dedupeKey(),
                        c.obligationId(), c.planId(), c.attempts(), now.atOffset(ZoneOffset.UTC)));
            }
        } else if (c.attempts() >= config.maxAttempts()) {
            recorded = notifications.finish(c.id(), c.attempts(), NotificationStatus.FAILED, null, result.error(), null, now);
            if (recorded) {
                outbox.append(new NotificationFailed(c.id(), c.unitId(), c.channel().name(), c.kind().name(),
                        c.dedupeKey(), c.obligationId(), c.planId(), c.attempts(), result.error(),
                        now.atOffset(ZoneOffset.UTC)));
            }
        } else {
            recorded = notifications.finish(c.id(), c.attempts(), NotificationStatus.PENDING, now.plus(backoff(c.attempts())),
                    result.error(), null, null);
        }
        if (!recorded) {
            LOG.warnf("notification %s: attempt %d finished after its claim lapsed; another dispatcher owns it now",
                    c.id(), c.attempts());
        }
    }

    /** The wait after failed attempt n: backoff, 2 x backoff, 4 x backoff... */
    private Duration backoff(int attempt) {
        return config.backoff().multipliedBy(1L << Math.min(attempt - 1, 20));
    }
}
