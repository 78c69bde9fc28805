package vn.actionmonth.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.actionmonth.common.problem.Problems;
import vn.actionmonth.notification.delivery.WebhookAddresses;
import vn.actionmonth.notification.delivery.WebhookSender;
import vn.actionmonth.notification.delivery.WebhookSignature;
import vn.actionmonth.notification.domain.Channel;
import vn.actionmonth.notification.domain.ChannelType;
import vn.actionmonth.notification.domain.NotificationKind;
import vn.actionmonth.notification.repository.ChannelRepository;
import vn.actionmonth.notification.repository.NotificationRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** A unit's email addresses and webhooks. */
@ApplicationScoped
public class ChannelService {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final ChannelRepository channels;
    private final NotificationRepository notifications;
    private final WebhookSender webhooks;
    private final Clock clock;

    public ChannelService(ChannelRepository channels, NotificationRepository notifications, WebhookSender webhooks,
                          Clock clock) {
        this.channels = channels;
        this.notifications = notifications;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    @Transactional
    public List<Channel> ofUnit(UUID unitId) {
        return channels.ofUnit(unitId);
    }

    @Transactional
    public Channel get(UUID unitId, UUID id) {
        return channels.findByIdOptional(id).filter(c -> c.unitId.equals(unitId))
                .orElseThrow(() -> Problems.notFound("channel", id));
    }

    /**
     * Subscribes an address; a webhook gets a new secret, which the caller sees only in this answer.
     * A repeated request with the same idempotency key returns the channel it created the first time
     * (so a client that lost the answer still gets the secret); the same key with another request is refused.
     */
    @Transactional
    public Channel create(UUID unitId, ChannelType type, String requested, Set<NotificationKind> kinds, boolean active,
                          String idempotencyKey) {
        String address = checkAddress(type, requested);
        if (idempotencyKey != null) {
            Channel earlier = channels.find("unitId = ?1 and idempotencyKey = ?2", unitId, idempotencyKey).firstResult();
            if (earlier != null) {
                if (earlier.type != type || !earlier.address.equals(address)) {
                    throw Problems.conflict("Idempotency-Key", "this Idempotency-Key was used for another channel");
                }
                return earlier;
            }
        }
        if (channels.exists(unitId, type.name(), address)) {
            throw Problems.conflict("address", "the unit already has this " + type.name().toLowerCase() + " channel");
        }
        Instant now = clock.instant();
        Channel c = new Channel();
        c.id = UUID.randomUUID();
        c.unitId = unitId;
        c.type = type;
        c.address = address;
        c.secret = type == ChannelType.WEBHOOK ? WebhookSignature.newSecret() : null;
        c.kindSet(kinds);
        c.active = active;
        c.version = 1;
        c.idempotencyKey = idempotencyKey;
        c.createdAt = now;
        c.updatedAt = now;
        channels.persist(c);
        return c;
    }

    @Transactional
    public Channel update(UUID unitId, UUID id, long expectedVersion, String requested, Set<NotificationKind> kinds,
                          boolean active) {
        Channel c = get(unitId, id);
        String address = checkAddress(c.type, requested);
        if (c.version != expectedVersion) {
            throw Problems.preconditionFailed("the channel is at version " + c.version + ", not " + expectedVersion);
        }
        if (!c.address.equals(address) && channels.exists(unitId, c.type.name(), address)) {
            throw Problems.conflict("address", "the unit already has this " + c.type.name().toLowerCase() + " channel");
        }
        c.address = address;
        c.kindSet(kinds);
        c.active = active;
        c.version++;
        c.updatedAt = clock.instant();
        if (!active) {
            notifications.cancelForChannel(c.id);
        }
        return c;
    }

    /**
     * An email address in lower case, or a webhook URL this service may call: refused with 400
     * naming {@code address} when it is neither (for a webhook: not https, or a host that is or
     * resolves to an internal address, see WebhookAddresses).
     */
    private String checkAddress(ChannelType type, String raw) {
        String address = raw.strip();
        return switch (type) {
            case INBOX -> throw Problems.invalid("type", "must be EMAIL or WEBHOOK: every unit has its inbox already");
            case EMAIL -> {
                if (!EMAIL.matcher(address).matches()) {
                    throw Problems.invalid("address", "must be an email address");
                }
                yield address.toLowerCase(Locale.ROOT);
            }
            case WEBHOOK -> {
                try {
                    webhooks.addresses().checkRegistration(address);
                } catch (WebhookAddresses.Refused e) {
                    throw Problems.invalid("address", e.getMessage());
                }
                yield address;
            }
        };
    }

    /** Removes the channel; what still waits to go out through it is cancelled. */
    @Transactional
    public void delete(UUID unitId, UUID id) {
        Channel c = get(unitId, id);
        notifications.cancelForChannel(c.id);
        channels.delete(c);
    }
}
