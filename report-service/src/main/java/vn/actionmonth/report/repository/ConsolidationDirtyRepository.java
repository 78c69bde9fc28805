package vn.actionmonth.report.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.report.domain.DirtyPair;

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
 * The (unit, plan) pairs waiting for a ConsolidationChanged: marked by the report-event consumer,
 * claimed and finished by the publisher. Each statement runs in the caller's transaction.
 *
 * <p>Rows are locked in (unit, plan) order by both sides (the consumer marks in that order and the
 * publisher locks its claim in it), so the two cannot deadlock.
 */
@ApplicationScoped
public class ConsolidationDirtyRepository {

    /** A pair marked again only counts the mark: its place in the queue (marked_at) is kept, so a busy pair is not starved. */
    private static final String MARK = "INSERT INTO consolidation_dirty (unit_id, plan_id, campaign_id) "
            + "SELECT u, p, c FROM unnest(?::uuid[], ?::uuid[], ?::uuid[]) WITH ORDINALITY AS t(u, p, c, n) ORDER BY n "
            + "ON CONFLICT (unit_id, plan_id) DO UPDATE SET version = consolidation_dirty.version + 1";

    private static final String CLAIM = "UPDATE consolidation_dirty d SET claimed_by = ?, "
            + "claimed_until = now() + make_interval(secs => ?) "
            + "FROM (SELECT unit_id, plan_id FROM consolidation_dirty WHERE claimed_until IS NULL OR claimed_until < now() "
            + "ORDER BY marked_at LIMIT ? FOR UPDATE SKIP LOCKED) free "
            + "WHERE d.unit_id = free.unit_id AND d.plan_id = free.plan_id "
            + "RETURNING d.unit_id, d.plan_id, d.campaign_id, d.version";

    private static final String LOCK_CLAIMED = "SELECT unit_id, plan_id, campaign_id, version FROM consolidation_dirty "
            + "WHERE claimed_by = ? ORDER BY unit_id, plan_id FOR UPDATE";

    private static final String DELETE_UNCHANGED = "DELETE FROM consolidation_dirty d "
            + "USING unnest(?::uuid[], ?::uuid[], ?::bigint[]) AS t(u, p, v) "
            + "WHERE d.claimed_by = ? AND d.unit_id = t.u AND d.plan_id = t.p AND d.version = t.v";

    private static final String RELEASE = "UPDATE consolidation_dirty SET claimed_by = NULL, claimed_until = NULL "
            + "WHERE claimed_by = ?";

    private final AgroalDataSource dataSource;

    public ConsolidationDirtyRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @param marks unit id, plan id, campaign id; each pair once, in (unit, plan) order */
    public void mark(List<UUID[]> marks) throws SQLException {
        if (marks.isEmpty()) {
            return;
        }
        int n = marks.size();
        UUID[] units = new UUID[n];
        UUID[] plans = new UUID[n];
        UUID[] campaigns = new UUID[n];
        for (int i = 0; i < n; i++) {
            units[i] = marks.get(i)[0];
            plans[i] = marks.get(i)[1];
            campaigns[i] = marks.get(i)[2];
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(MARK)) {
            ps.setArray(1, c.createArrayOf("uuid", units));
            ps.setArray(2, c.createArrayOf("uuid", plans));
            ps.setArray(3, c.createArrayOf("uuid", campaigns));
            ps.executeUpdate();
        }
    }

    /** Claims up to {@code limit} unclaimed (or expired) pairs, oldest mark first, skipping rows someone holds. */
    public List<DirtyPair> claim(UUID claimant, int limit, Duration lease) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setObject(1, claimant);
            ps.setDouble(2, lease.toMillis() / 1000.0);
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
     * Ends a claim: deletes the pairs whose version is still the one published, and returns the
     * rest (marked again meanwhile) to the queue.
     */
    public void finish(UUID claimant, Collection<DirtyPair> published) {
        int n = published.size();
        UUID[] units = new UUID[n];
        UUID[] plans = new UUID[n];
        Long[] versions = new Long[n];
        int i = 0;
        for (DirtyPair p : published) {
            units[i] = p.unitId();
            plans[i] = p.planId();
            versions[i++] = p.version();
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement(DELETE_UNCHANGED);
             PreparedStatement release = c.prepareStatement(RELEASE)) {
            delete.setArray(1, c.createArrayOf("uuid", units));
            delete.setArray(2, c.createArrayOf("uuid", plans));
            delete.setArray(3, c.createArrayOf("bigint", versions));
            delete.setObject(4, claimant);
            delete.executeUpdate();
            release.setObject(1, claimant);
            release.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not finish consolidation changes", e);
        }
    }

    /** Returns every pair of the claim to the queue (publishing failed). */
    public void release(UUID claimant) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(RELEASE)) {
            ps.setObject(1, claimant);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not release consolidation changes", e);
        }
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
