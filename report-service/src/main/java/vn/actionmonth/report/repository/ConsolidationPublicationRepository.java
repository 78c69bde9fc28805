package vn.actionmonth.report.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.events.sql.NamedSql;
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

import static vn.actionmonth.events.sql.NamedSql.params;

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
    private static final NamedSql MARK = NamedSql.of("""
            INSERT INTO consolidation_publication (unit_id, plan_id, campaign_id)
            SELECT u, p, c FROM unnest(:units, :plans, :campaigns) WITH ORDINALITY AS t(u, p, c, n) ORDER BY n
            ON CONFLICT (unit_id, plan_id) DO UPDATE
               SET version = consolidation_publication.version + 1,
                   marked_at = CASE WHEN consolidation_publication.version = consolidation_publication.published_version
                                    THEN now() ELSE consolidation_publication.marked_at END
            """);

    private static final NamedSql CLAIM = NamedSql.of("""
            UPDATE consolidation_publication d
               SET claimed_by = :claimant, claimed_until = now() + make_interval(secs => :lease)
              FROM (SELECT unit_id, plan_id FROM consolidation_publication
                     WHERE version > published_version
                       AND (claimed_until IS NULL OR claimed_until < now())
                       AND (not_before IS NULL OR not_before <= now())
                     ORDER BY marked_at
                     LIMIT :limit
                       FOR UPDATE SKIP LOCKED) free
             WHERE d.unit_id = free.unit_id AND d.plan_id = free.plan_id
            RETURNING d.unit_id, d.plan_id, d.campaign_id, d.version
            """);

    private static final NamedSql LOCK_CLAIMED = NamedSql.of("""
            SELECT unit_id, plan_id, campaign_id, version
              FROM consolidation_publication
             WHERE claimed_by = :claimant
             ORDER BY unit_id, plan_id
               FOR UPDATE
            """);

    private static final NamedSql PUBLISHED = NamedSql.of("""
            UPDATE consolidation_publication d
               SET published_version = t.v, not_before = now() + make_interval(secs => :minInterval),
                   claimed_by = NULL, claimed_until = NULL
              FROM unnest(:units, :plans, :versions) AS t(u, p, v)
             WHERE d.claimed_by = :claimant AND d.unit_id = t.u AND d.plan_id = t.p
            """);

    private static final NamedSql RELEASE = NamedSql.of("""
            UPDATE consolidation_publication SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = :claimant
            """);

    /**
     * Pairs published and not marked since, whose rate-limit window is over, need no row any more.
     * Rows someone holds are left for later: waiting on them in no particular order could deadlock
     * with the consumer's marks.
     */
    private static final NamedSql FORGET = NamedSql.of("""
            DELETE FROM consolidation_publication d
             USING (SELECT unit_id, plan_id FROM consolidation_publication
                     WHERE version = published_version AND not_before < now()
                       FOR UPDATE SKIP LOCKED) done
             WHERE d.unit_id = done.unit_id AND d.plan_id = done.plan_id
            """);

    private final AgroalDataSource dataSource;

    public ConsolidationPublicationRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @param marks each pair once, in {@link PairMark#LOCK_ORDER} */
    public void mark(List<PairMark> marks) {
        if (marks.isEmpty()) {
            return;
        }
        update(MARK, params()
                .uuids("units", marks.stream().map(PairMark::unitId).toList())
                .uuids("plans", marks.stream().map(PairMark::planId).toList())
                .uuids("campaigns", marks.stream().map(PairMark::campaignId).toList()));
    }

    /**
     * Claims up to {@code limit} waiting pairs whose rate-limit window is over and that nobody
     * holds a live claim on, oldest mark first.
     */
    public List<DirtyPair> claim(UUID claimant, int limit, Duration lease) {
        return read(CLAIM, params().uuid("claimant", claimant).seconds("lease", lease).integer("limit", limit));
    }

    /** The pairs still claimed by {@code claimant} (a claim that expired may have been taken over), locked. */
    public List<DirtyPair> lockClaimed(UUID claimant) {
        return read(LOCK_CLAIMED, params().uuid("claimant", claimant));
    }

    /**
     * Ends a claim whose events were written: each pair's published version is the one claimed
     * (a pair marked again meanwhile stays waiting), and it waits {@code minInterval} before the next.
     */
    public void published(UUID claimant, Collection<DirtyPair> pairs, Duration minInterval) {
        update(PUBLISHED, params()
                .seconds("minInterval", minInterval)
                .uuids("units", pairs.stream().map(DirtyPair::unitId).toList())
                .uuids("plans", pairs.stream().map(DirtyPair::planId).toList())
                .bigints("versions", pairs.stream().map(DirtyPair::version).toList())
                .uuid("claimant", claimant));
    }

    /** Returns every pair of the claim to the queue (publishing failed). */
    public void release(UUID claimant) {
        update(RELEASE, params().uuid("claimant", claimant));
    }

    /** Deletes the rows of pairs with nothing waiting and no rate-limit window left. */
    public void forgetPublished() {
        update(FORGET, params());
    }

    private void update(NamedSql sql, NamedSql.Params params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = sql.prepare(c, params)) {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update consolidation publication state", e);
        }
    }

    private List<DirtyPair> read(NamedSql sql, NamedSql.Params params) {
        List<DirtyPair> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = sql.prepare(c, params);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new DirtyPair(rs.getObject("unit_id", UUID.class), rs.getObject("plan_id", UUID.class),
                        rs.getObject("campaign_id", UUID.class), rs.getLong("version")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read consolidation publication state", e);
        }
        return out;
    }
}
