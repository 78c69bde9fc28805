package vn.actionmonth.notification.repository;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.notification.domain.ChannelType;
import vn.actionmonth.notification.domain.Notification;
import vn.actionmonth.notification.domain.NotificationKind;
import vn.actionmonth.notification.domain.NotificationStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
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

    private static final String INSERT = "INSERT INTO notification (id, dedupe_key, unit_id, channel, channel_id, target, "
            + "kind, obligation_id, plan_id, subject, body, link, status, attempts, next_attempt_at, created_at, sent_at, "
            + "request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING";

    private static final String CLAIM = "WITH picked AS (SELECT id FROM notification "
            + "WHERE status IN ('PENDING', 'SENDING') AND next_attempt_at <= ? "
            + "ORDER BY next_attempt_at, created_at LIMIT ? FOR UPDATE SKIP LOCKED) "
            + "UPDATE notification n SET status = 'SENDING', attempts = n.attempts + 1, next_attempt_at = ? "
            + "FROM picked WHERE n.id = picked.id "
            + "RETURNING n.id, n.dedupe_key, n.unit_id, n.channel, n.channel_id, n.target, n.kind, n.obligation_id, "
            + "n.plan_id, n.subject, n.body, n.link, n.attempts, n.created_at, n.request_id";

    private static final String FINISH = "UPDATE notification SET status = ?, next_attempt_at = ?, last_error = ?, "
            + "sent_at = ?, failed_at = ? WHERE id = ? AND status = 'SENDING' AND attempts = ?";

    private static final String RELEASE = "UPDATE notification SET status = 'PENDING', attempts = attempts - 1, "
            + "next_attempt_at = created_at WHERE id = ? AND status = 'SENDING' AND attempts = ?";

    private static final String CANCEL_REMINDERS = "UPDATE notification SET status = 'CANCELLED', next_attempt_at = NULL "
            + "WHERE obligation_id = ? AND status = 'PENDING' AND kind IN ('REMINDER', 'DUE', 'OVERDUE', 'ESCALATION')";

    private static final String CANCEL_CHANNEL = "UPDATE notification SET status = 'CANCELLED', next_attempt_at = NULL "
            + "WHERE channel_id = ? AND status = 'PENDING'";

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
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setObject(1, r.id());
            ps.setString(2, r.dedupeKey());
            ps.setObject(3, r.unitId());
            ps.setString(4, r.channel().name());
            setUuid(ps, 5, r.channelId());
            ps.setString(6, r.target());
            ps.setString(7, r.kind().name());
            setUuid(ps, 8, r.obligationId());
            setUuid(ps, 9, r.planId());
            ps.setString(10, r.subject());
            ps.setString(11, r.body());
            ps.setString(12, r.link());
            ps.setString(13, r.status().name());
            ps.setInt(14, r.attempts());
            setInstant(ps, 15, r.nextAttemptAt());
            setInstant(ps, 16, r.createdAt());
            setInstant(ps, 17, r.sentAt());
            ps.setString(18, r.requestId());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not insert notification " + r.dedupeKey(), e);
        }
    }

    /**
     * Claims up to {@code limit} notifications that are waiting (or whose earlier claim lapsed):
     * each becomes SENDING with one more attempt, owned by the caller until {@code leaseUntil}.
     * Rows another transaction is claiming are skipped, never waited for or taken twice.
     */
    public List<Claimed> claim(Instant now, Instant leaseUntil, int limit) {
        List<Claimed> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CLAIM)) {
            setInstant(ps, 1, now);
            ps.setInt(2, limit);
            setInstant(ps, 3, leaseUntil);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Claimed(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                            ChannelType.valueOf(rs.getString(4)), rs.getObject(5, UUID.class), rs.getString(6),
                            NotificationKind.valueOf(rs.getString(7)), rs.getObject(8, UUID.class),
                            rs.getObject(9, UUID.class), rs.getString(10), rs.getString(11), rs.getString(12),
                            rs.getInt(13), rs.getTimestamp(14).toInstant(), rs.getString(15)));
                }
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
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(FINISH)) {
            ps.setString(1, status.name());
            setInstant(ps, 2, nextAttemptAt);
            ps.setString(3, error);
            setInstant(ps, 4, sentAt);
            setInstant(ps, 5, failedAt);
            ps.setObject(6, id);
            ps.setInt(7, attempt);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the outcome of notification " + id, e);
        }
    }

    /** Hands back a claim that was not used: the row waits again, its attempt not counted. */
    public void release(UUID id, int attempt) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(RELEASE)) {
            ps.setObject(1, id);
            ps.setInt(2, attempt);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not release notification " + id, e);
        }
    }

    /** A report came in or the obligation was cancelled: reminders not yet sent are dropped. */
    public int cancelReminders(UUID obligationId) {
        return update(CANCEL_REMINDERS, obligationId);
    }

    /** The channel was removed: what still waits for it is dropped. */
    public int cancelForChannel(UUID channelId) {
        return update(CANCEL_CHANNEL, channelId);
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

    private int update(String sql, UUID id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update notifications", e);
        }
    }

    private static void setUuid(PreparedStatement ps, int i, UUID v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.OTHER);
        } else {
            ps.setObject(i, v);
        }
    }

    private static void setInstant(PreparedStatement ps, int i, Instant v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(i, v.atOffset(ZoneOffset.UTC));
        }
    }
}
