package vn.actionmonth.report.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.report.domain.DirtyPair;
import vn.actionmonth.report.domain.PairMark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The publication state of each (unit, plan) pair's ConsolidationChanged: marked by the
 * report-event consumer, claimed and finished by the publisher. Each statement runs in the caller's
 * transaction.
 *
 * <p>Rows are locked in (unit, plan) order by both sides (the consumer marks in that order and the
 * publisher locks its claim in it), so the two cannot deadlock.
 */
@ApplicationScoped
public class ConsolidationPublicationRepository {

    /**
     * A mark counts up the version. A pair already waiting keeps its place in the queue (marked_at),
     * so a busy pair is not starved by the ones behind it.
     */
    private static final String MARK = "INSERT INTO consolidation_publication (unit_id, plan_id, campaign_id) "
            + "SELECT u, p, c FROM unnest(?::uuid[], ?::uuid[], ?::uuid[]) WITH ORDINALITY AS t(u, p, c, n) ORDER BY n "
            + "ON CONFLICT (unit_id, plan_id) DO UPDATE SET version = consolidation_publication.version + 1, "
            + "marked_at = CASE WHEN consolidation_publication.version = consolidation_publication.published_version "
            + "THEN now() ELSE consolidation_publication.marked_at END";

    private static final String CLAIM = "UPDATE consolidation_publication d SET claimed_by = ?, "
            + "claimed_until = now() + make_interval(secs => ?) "
            + "FROM (SELECT unit_id, plan_id FROM consolidation_publication WHERE version > published_version "
            + "AND (claimed_until IS NULL OR claimed_until < now()) AND (not_before IS NULL OR not_before <= now()) "
            + "ORDER BY marked_at LIMIT ? FOR UPDATE SKIP LOCKED) free "
            + "WHERE d.unit_id = free.unit_id AND d.plan_id = free.plan_id "
            + "RETURNING d.unit_id, d.plan_id, d.campaign_id, d.version";

    private static final String LOCK_CLAIMED = "SELECT unit_id, plan_id, campaign_id, version FROM consolidation_publication "
            + "WHERE claimed_by = ? ORDER BY unit_id, plan_id FOR UPDATE";

    private static final String PUBLISHED = "UPDATE consolidation_publication d SET published_version = t.v, "
            + "not_before = now() + make_interval(secs => ?), claimed_by = NULL, claimed_until = NULL "
            + "FROM unnest(?::uuid[], ?::uuid[], ?::bigint[]) AS t(u, p, v) "
            + "WHERE d.claimed_by = ? AND d.unit_id = t.u AND d.plan_id = t.p";

    private static final String RELEASE = "UPDATE consolidation_publication SET claimed_by = NULL, claimed_until = NULL "
            + "WHERE claimed_by = ?";

    /**
     * Pairs published and not marked since, whose rate-limit window is over, need no row any more.
     * Rows someone holds are left for later: waiting on them in no particular order could deadlock
     * with the consumer's marks.
     */
    private static final String FORGET = "DELETE FROM consolidation_publication d USING (SELECT unit_id, plan_id "
            + "FROM consolidation_publication WHERE version = published_version AND not_before < now() "
            + "FOR UPDATE SKIP LOCKED) done WHERE d.unit_id = done.unit_id AND d.plan_id = done.plan_id";

    private final AgroalDataSource dataSource;

    public ConsolidationPublicationRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @param marks each pair once, in {@link PairMark#LOCK_ORDER} */
    public void mark(List<PairMark> marks) throws SQLException {
        if (marks.isEmpty()) {
            return;
        }
        int n = marks.size();
        UUID[] units = new UUID[n];
        UUID[] plans = new UUID[n];
        UUID[] campaigns = new UUID[n];
        for (int i = 0; i < n; i++) {
            units[i] = marks.get(i).unitId();
            plans[i] = marks.get(i).planId();
            campaigns[i] = marks.get(i).campaignId();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(MARK)) {
            ps.setArray(1, c.createArrayOf("uuid", units));
            ps.setArray(2, c.createArrayOf("uuid", plans));
            ps.setArray(3, c.createArrayOf("uuid", campaigns));
            ps.executeUpdate();
        }
    }

    /**
     * Claims up to {@code limit} waiting pairs whose rate-limit window is over and that nobody
     * holds a live claim on, oldest mark first.
     */
    public List<DirtyPair> claim(UUID claimant, int limit, Duration lease) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setObject(1, claimant);
            ps.setDouble(2, seconds(lease));
            ps.setInt(3, limit);
            return read(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim consolidation changes", e);
        }
    }

    /** The pairs still claimed by {@code claimant} (a claim that expired may have been taken over), locked. */
    public List<DirtyPair> lockClaimed(UUID claimant) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LOCK_CLAIMED)) {
            ps.setObject(1, claimant);
            return read(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("could not lock consolidation changes", e);
        }
    }

    /**
     * Ends a claim whose events were written: each pair's published version is the one claimed
     * (a pair marked again meanwhile stays waiting), and it waits {@code minInterval} before the next.
     */
    public void published(UUID claimant, Collection<DirtyPair> pairs, Duration minInterval) {
        int n = pairs.size();
        UUID[] units = new UUID[n];
        UUID[] plans = new UUID[n];
        Long[] versions = new Long[n];
        int i = 0;
        for (DirtyPair p : pairs) {
            units[i] = p.unitId();
            plans[i] = p.planId();
            versions[i++] = p.version();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(PUBLISHED)) {
            ps.setDouble(1, seconds(minInterval));
            ps.setArray(2, c.createArrayOf("uuid", units));
            ps.setArray(3, c.createArrayOf("uuid", plans));
            ps.setArray(4, c.createArrayOf("bigint", versions));
            ps.setObject(5, claimant);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record published consolidation changes", e);
        }
    }

    /** Returns every pair of the claim to the queue (publishing failed). */
    public void release(UUID claimant) {
        update(RELEASE, claimant);
    }

    /** Deletes the rows of pairs with nothing waiting and no rate-limit window left. */
    public void forgetPublished() {
        update(FORGET, null);
    }

    private void update(String sql, UUID param) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setObject(1, param);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update consolidation publication state", e);
        }
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    private static List<DirtyPair> read(PreparedStatement ps) throws SQLException {
        List<DirtyPair> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new DirtyPair(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getLong(4)));
            }
        }
        return out;
    }
}
