package vn.actionmonth.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One notice to one channel target of a unit. Rows are inserted only through
 * {@code NotificationRepository#insertIfAbsent}, where the unique dedupe key decides who sends.
 */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "dedupe_key")
    public String dedupeKey;

    @Column(name = "unit_id")
    public UUID unitId;

    @Enumerated(EnumType.STRING)
    public ChannelType channel;

    @Column(name = "channel_id")
    public UUID channelId;

    /** Email address or webhook URL at the time the notice was made; null for the inbox. */
    public String target;

    @Enumerated(EnumType.STRING)
    public NotificationKind kind;

    @Column(name = "obligation_id")
    public UUID obligationId;

    @Column(name = "plan_id")
    public UUID planId;

    public String subject;

    public String body;

    public String link;

    @Enumerated(EnumType.STRING)
    public NotificationStatus status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "failed_at")
    public Instant failedAt;

    @Column(name = "read_at")
    public Instant readAt;

    /** The request that caused the notice; null for notices the scheduler raised. */
    @Column(name = "request_id")
    public String requestId;
}
