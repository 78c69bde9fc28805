package vn.actionmonth.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A unit's email address or webhook, subscribed to some or all notification kinds. */
@Entity
@Table(name = "channel")
public class Channel extends PanacheEntityBase {

    /** The column holds an address of this many characters. */
    public static final int MAX_ADDRESS = 2000;

    @Id
    public UUID id;

    @Column(name = "unit_id")
    public UUID unitId;

    @Enumerated(EnumType.STRING)
    public ChannelType type;

    /** Email address or https URL. */
    public String address;

    /** The webhook's HMAC key. */
    public String secret;

    /** Comma-separated kinds; null means every kind. */
    public String kinds;

    public boolean active;

    public long version;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public Set<NotificationKind> kindSet() {
        if (kinds == null || kinds.isBlank()) {
            return EnumSet.allOf(NotificationKind.class);
        }
        return Arrays.stream(kinds.split(",")).map(NotificationKind::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(NotificationKind.class)));
    }

    public void kindSet(Set<NotificationKind> set) {
        kinds = set == null || set.isEmpty() || set.containsAll(EnumSet.allOf(NotificationKind.class)) ? null
                : set.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    public boolean wants(NotificationKind kind) {
        return active && kindSet().contains(kind);
    }
}
