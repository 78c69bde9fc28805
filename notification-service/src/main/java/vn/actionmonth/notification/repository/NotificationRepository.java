package vn.actionmonth.notification.repository;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.events.sql.NamedSql;
import vn.actionmonth.events.sql.NamedSql.Params;
import vn.actionmonth.notification.domain.ChannelType;
import vn.actionmonth.notification.domain.Notification;
import vn.actionmonth.notification.domain.NotificationKind;
import vn.actionmonth.notification.domain.NotificationStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Notifications. The statements that decide who sends what are plain SQL on the transaction's
 * connection, because their guarantees come from PostgreSQL itself: {@code ON CONFLICT DO NOTHING}
 * on the dedupe key, {@code FOR UPDATE SKIP LOCKED} when claiming, and updates conditional on the
 * claim still being the caller's.
 */
@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    private static final NamedSql INSERT = NamedSql.of("""
            INSERT INTO notification (id, dedupe_key, unit_id, channel, channel_id, target, kind, obligation_id, plan_id,
                                      subject, body, link, status, attempts, next_attempt_at, created_at, sent_at,
                                      request_id)
            VALUES (:id, :dedupeKey, :unitId, :channel, :channelId, :target, :kind, :obligationId, :planId,
                    :subject, :body, :link, :status, :attempts, :nextAttemptAt, :createdAt, :sentAt,
                    :requestId)
            ON CONFLICT (dedupe_key) DO NOTHING
            """);

    private static final NamedSql CLAIM = NamedSql.of("""
            WITH picked AS (
                SELECT id FROM notification
                WHERE status IN ('PENDING', 'SENDING') AND next_attempt_at <= :now
                ORDER BY next_attempt_at, created_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED)
            UPDATE notification n
            SET status = 'SENDING', attempts = n.attempts + 1, next_attempt_at = :leaseUntil
            FROM picked WHERE n.id = picked.id
            RETURNING n.id, n.dedupe_key, n.unit_id, n.channel, n.channel_id, n.target, n.kind, n.obligation_id,
                      n.plan_id, n.subject, n.body, n.link, n.attempts, n.created_at, n.request_id
            """);

    private static final NamedSql FINISH = NamedSql.of("""
            UPDATE notification
            SET status = :status, next_attempt_at = :nextAttemptAt, last_error = :error, sent_at = :sentAt,
                failed_at = :failedAt
            WHERE id = :id AND status = 'SENDING' AND attempts = :attempt
            """);

    private static final NamedSql RELEASE = NamedSql.of("""
            UPDATE notification SET status = 'PENDING', attempts = attempts - 1, next_attempt_at = created_at
            WHERE id = :id AND status = 'SENDING' AND attempts = :attempt
            """);

    private static final NamedSql CANCEL_REMINDERS = NamedSql.of("""
            UPDATE notification SET status = 'CANCELLED', next_attempt_at = NULL
            WHERE obligation_id = :obligationId AND status = 'PENDING'
              AND kind IN ('REMINDER', 'DUE', 'OVERDUE', 'ESCALATION')
            """);

    private static final NamedSql CANCEL_CHANNEL = NamedSql.of("""
            UPDATE notification SET status = 'CANCELLED', next_attempt_at = NULL
            WHERE channel_id = :channelId AND status = 'PENDING'
            """);

    private final AgroalDataSource dataSource;

    public NotificationRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A row to insert. */
    public record NewRow(UUID id, String dedupeKey, UUID unitId, ChannelType channel, UUID channelId, String target,
                         NotificationKind kind, UUID obligationId, UUID planId, String subject, String body,
                         String link, NotificationStatus status, int attempts, Instant nextAttemptAt,
                         Instant createdAt, Instant sentAt, String requestId) {
    }

    /** A notification claimed for sending: this dispatcher owns it until the claim lapses. */
    public record Claimed(UUID id, String dedupeKey, UUID unitId, ChannelType channel, UUID channelId, String target,
                          NotificationKind kind, UUID obligationId, UUID planId, String subject, String body,
                          String link, int attempts, Instant createdAt, String requestId) {
    }

    /** Inserts the row unless its dedupe key exists; true when this call made it. */
    public boolean insertIfAbsent(NewRow r) {
        return insertAllIfAbsent(List.of(r))[0];
    }

    /**
     * Inserts each row unless its dedupe key exists, in one JDBC batch; element i is true when this
     * call made row i.
     */
    public boolean[] insertAllIfAbsent(List<NewRow> rows) {
        boolean[] made = new boolean[rows.size()];
        if (rows.isEmpty()) {
            return made;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT.jdbc())) {
            for (NewRow r : rows) {
                INSERT.bind(ps, NamedSql.params().uuid("id", r.id()).text("dedupeKey", r.dedupeKey())
                        .uuid("unitId", r.unitId()).name("channel", r.channel()).uuid("channelId", r.channelId())
                        .text("target", r.target()).name("kind", r.kind()).uuid("obligationId", r.obligationId())
                        .uuid("planId", r.planId()).text("subject", r.subject()).text("body", r.body())
                        .text("link", r.link()).name("status", r.status()).integer("attempts", r.attempts())
                        .instant("nextAttemptAt", r.nextAttemptAt()).instant("createdAt", r.createdAt())
                        .instant("sentAt", r.sentAt()).text("requestId", r.requestId()));
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                made[i] = counts[i] == 1;
            }
            return made;
        } catch (SQLException e) {
            throw new IllegalStateException("could not insert " + rows.size() + " notifications", e);
        }
    }

    /**
     * Claims up to {@code limit} notifications that are waiting (or whose earlier claim lapsed):
     * each becomes SENDING with one more attempt, owned by the caller until {@code leaseUntil}.
     * Rows another transaction is claiming are skipped, never waited for or taken twice.
     */
    public List<Claimed> claim(Instant now, Instant leaseUntil, int limit) {
        List<Claimed> out = new ArrayList<>();
        Params p = NamedSql.params().instant("now", now).integer("limit", limit).instant("leaseUntil", leaseUntil);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = CLAIM.prepare(c, p);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Claimed(rs.getObject("id", UUID.class), rs.getString("dedupe_key"),
                        rs.getObject("unit_id", UUID.class), ChannelType.valueOf(rs.getString("channel")),
                        rs.getObject("channel_id", UUID.class), rs.getString("target"),
                        NotificationKind.valueOf(rs.getString("kind")), rs.getObject("obligation_id", UUID.class),
                        rs.getObject("plan_id", UUID.class), rs.getString("subject"), rs.getString("body"),
                        rs.getString("link"), rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
                        rs.getString("request_id")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim notifications", e);
        }
        return out;
    }

    /**
     * Records the outcome of attempt {@code attempt}; false when the claim is no longer the
     * caller's (it lapsed and another dispatcher took the row over), in which case nothing changes.
     */
    public boolean finish(UUID id, int attempt, NotificationStatus status, Instant nextAttemptAt, String error,
                          Instant sentAt, Instant failedAt) {
        Params p = NamedSql.params().name("status", status).instant("nextAttemptAt", nextAttemptAt).text("error", error)
                .instant("sentAt", sentAt).instant("failedAt", failedAt).uuid("id", id).integer("attempt", attempt);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = FINISH.prepare(c, p)) {
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the outcome of notification " + id, e);
        }
    }

    /** Hands back a claim that was not used: the row waits again, its attempt not counted. */
    public void release(UUID id, int attempt) {
        Params p = NamedSql.params().uuid("id", id).integer("attempt", attempt);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = RELEASE.prepare(c, p)) {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not release notification " + id, e);
        }
    }

    /** A report came in or the obligation was cancelled: reminders not yet sent are dropped. */
    public int cancelReminders(UUID obligationId) {
        return update(CANCEL_REMINDERS, NamedSql.params().uuid("obligationId", obligationId));
    }

    /** The channel was removed: what still waits for it is dropped. */
    public int cancelForChannel(UUID channelId) {
        return update(CANCEL_CHANNEL, NamedSql.params().uuid("channelId", channelId));
    }

    public List<Notification> inbox(UUID unitId, boolean unreadOnly, int page, int size) {
        return find(inboxQuery(unreadOnly), Sort.descending("createdAt").and("id"), inboxParams(unitId))
                .page(Page.of(page, size)).list();
    }

    public long countInbox(UUID unitId, boolean unreadOnly) {
        return count(inboxQuery(unreadOnly), inboxParams(unitId));
    }

    public List<Notification> ofUnit(UUID unitId, NotificationStatus status, ChannelType channel, NotificationKind kind,
                                     int page, int size) {
        Filter f = filter(unitId, status, channel, kind);
        return find(f.query, Sort.descending("createdAt").and("id"), f.params).page(Page.of(page, size)).list();
    }

    public long countOfUnit(UUID unitId, NotificationStatus status, ChannelType channel, NotificationKind kind) {
        Filter f = filter(unitId, status, channel, kind);
        return count(f.query, f.params);
    }

    private record Filter(String query, Map<String, Object> params) {
    }

    private static Filter filter(UUID unitId, NotificationStatus status, ChannelType channel, NotificationKind kind) {
        StringBuilder q = new StringBuilder("unitId = :unit");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("unit", unitId);
        if (status != null) {
            q.append(" and status = :status");
            params.put("status", status);
        }
        if (channel != null) {
            q.append(" and channel = :channel");
            params.put("channel", channel);
        }
        if (kind != null) {
            q.append(" and kind = :kind");
            params.put("kind", kind);
        }
        return new Filter(q.toString(), params);
    }

    private static String inboxQuery(boolean unreadOnly) {
        return "unitId = :unit and channel = :channel" + (unreadOnly ? " and readAt is null" : "");
    }

    private static Map<String, Object> inboxParams(UUID unitId) {
        Map<String, Object> params = new HashMap<>();
        params.put("unit", unitId);
        params.put("channel", ChannelType.INBOX);
        return params;
    }

    private int update(NamedSql sql, Params params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = sql.prepare(c, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update notifications", e);
        }
    }
}
