package vn.actionmonth.report.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.postgresql.PGStatement;
import vn.actionmonth.report.domain.Tree;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Open obligations for final reports in a scope whose unit lies in a subtree, with their report's
 * state (an interim report is not a unit's report for the campaign). A submitted
 * report counts where its frozen path puts it; an obligation not yet reported, where the tree puts
 * its unit now.
 *
 * <p>The rows are found through two disjoint, indexed branches: reports whose frozen path lies in
 * the subtree (report_frozen_path), and obligations without a frozen path whose unit lies in it
 * now (unit_replica_path, then obligation_replica_unit). Counting is done in SQL, so a unit's
 * completeness costs one aggregate over its own subtree and never ships the rows to Java.
 */
@ApplicationScoped
public class CompletenessRepository {

    /** Length of '<uuid>/': a direct child's path is its parent's path plus this. */
    private static final int CHILD_SEGMENT = 37;

    /**
     * A plan with the plans made on its basis, to any depth (the ministry's guidance has thousands),
     * and where its issuer sits in the tree (its scope lies under it; null while not replicated).
     */
    private static final String PLAN_SCOPE = "WITH RECURSIVE scope_plans(id, depth) AS ("
            + " SELECT CAST(? AS uuid), 0 UNION ALL SELECT p.id, s.depth + 1 FROM plan_replica p"
            + " JOIN scope_plans s ON p.basis_plan_id = s.id WHERE s.depth < 20)"
            + " SELECT ARRAY(SELECT DISTINCT id FROM scope_plans), (SELECT u.path FROM plan_replica p"
            + " JOIN unit_replica u ON u.id = p.issuer_id WHERE p.id = CAST(? AS uuid))";

    /**
     * The owed rows of one subtree in one scope: %1$s is the scope filter (a plan with its sub-plans,
     * or a campaign), %2$s and %3$s the subtree's range of paths, from its prefix '/…/u/' up to, not
     * including, '/…/u0' ('0' follows '/'), bound as parameters for one subtree or taken from a list
     * of subtrees in the publisher's batch statement; %4$s joins the units' obligations.
     */
    private static final String ROWS = "owed AS ("
            + "SELECT o.id, o.unit_id, u.name, o.due_at, r.id AS report_id, r.status, r.on_time, r.first_submitted_at, "
            + "r.frozen_path AS path, o.consolidates FROM report r JOIN obligation_replica o ON o.id = r.obligation_id "
            + "LEFT JOIN unit_replica u ON u.id = o.unit_id "
            + "WHERE r.frozen_path IS NOT NULL AND r.frozen_path ~>=~ %2$s AND r.frozen_path ~<~ %3$s "
            + "AND o.status = 'OPEN' AND o.kind = 'FINAL' AND %1$s "
            + "UNION ALL "
            + "SELECT o.id, o.unit_id, u.name, o.due_at, r.id, r.status, r.on_time, r.first_submitted_at, u.path, "
            + "o.consolidates FROM unit_replica u JOIN %4$s "
            + "LEFT JOIN report r ON r.obligation_id = o.id "
            + "WHERE u.path ~>=~ %2$s AND u.path ~<~ %3$s AND r.frozen_path IS NULL AND o.status = 'OPEN' AND o.kind = 'FINAL' AND %1$s) ";

    /**
     * The owed rows as now: every obligation where its unit now stands (after a reorganisation, the
     * successor it was handed to), submitted or not; same placeholders as ROWS.
     */
    private static final String ROWS_AS_NOW = "owed AS ("
            + "SELECT o.id, o.unit_id, u.name, o.due_at, r.id AS report_id, r.status, r.on_time, r.first_submitted_at, u.path, "
            + "o.consolidates FROM unit_replica u JOIN %4$s "
            + "LEFT JOIN report r ON r.obligation_id = o.id "
            + "WHERE u.path ~>=~ %2$s AND u.path ~<~ %3$s AND o.status = 'OPEN' AND o.kind = 'FINAL' AND %1$s) ";

    /** How branch two reaches a unit's obligations: a join the planner chooses for one subtree... */
    private static final String OBLIGATIONS = "obligation_replica o ON o.unit_id = u.id";

    /**
     * ...and, for many subtrees in one statement, an index lookup per unit: planned once for all of
     * them, the join guessed hundreds of units per subtree and scanned every obligation for each
     * ward. OFFSET 0 keeps the planner from flattening the lookup back into a join.
     */
    private static final String OBLIGATIONS_PER_UNIT = "LATERAL (SELECT * FROM obligation_replica o "
            + "WHERE o.unit_id = u.id OFFSET 0) o ON true";

    /**
     * The plans are bound as an array constant (each statement is planned with its values), which
     * PostgreSQL tests with a hash built once per statement. Joined to a subquery instead, the
     * planner rebuilt the hash of the sub-plans for every unit of the subtree: 0.85 ms per unit
     * with 5,349 sub-plans, over a minute for the ministry at 100,000 units.
     */
    private static final String IN_PLAN = "o.plan_id = ANY (CAST(? AS uuid[]))";
    private static final String IN_CAMPAIGN = "o.campaign_id = CAST(? AS uuid)";

    private static final String RECEIVED = "status IN ('SUBMITTED', 'APPROVED')";

    /** The counts of owed rows (see Counts); %1$s: the length of a direct child's path. */
    private static final String COUNT_COLUMNS = "count(*), count(*) FILTER (WHERE " + RECEIVED + "), "
            + "count(*) FILTER (WHERE " + RECEIVED + " AND on_time), "
            + "count(DISTINCT unit_id) FILTER (WHERE length(path) = %1$s), "
            + "count(DISTINCT unit_id) FILTER (WHERE length(path) = %1$s AND " + RECEIVED + "), "
            + "count(*) FILTER (WHERE consolidates), count(*) FILTER (WHERE consolidates AND " + RECEIVED + ")";

    private static final String COUNT = "SELECT " + COUNT_COLUMNS + " FROM owed";

    private static final String LIST = "SELECT id, unit_id, name, due_at, report_id, status, on_time, first_submitted_at, "
            + "path, consolidates FROM owed WHERE (? OR length(path) = ?) AND (status IS NULL OR NOT " + RECEIVED + " OR on_time IS NOT TRUE) "
            + "ORDER BY path";

    /**
     * The counts of many subtrees in one plan, one subtree after the other, each through the
     * indexes: the cheaper way for a few small subtrees. Parameters: the subtrees' first and end
     * paths, then the scope's plans for each branch.
     */
    private static final String COUNT_EACH_SUBTREE = "WITH subtrees AS (SELECT lo, hi, n FROM "
            + "unnest(CAST(? AS text[]), CAST(? AS text[])) WITH ORDINALITY AS t(lo, hi, n)) "
            + "SELECT c.* FROM subtrees s CROSS JOIN LATERAL (WITH "
            + String.format(ROWS, IN_PLAN, "s.lo", "s.hi", OBLIGATIONS_PER_UNIT)
            + String.format(COUNT, "length(s.lo) + " + CHILD_SEGMENT) + ") c ORDER BY s.n";

    /**
     * The counts of many subtrees in one plan, each owed row of the scope read once and counted in
     * every wanted subtree on its path (its path's prefixes, one per level): the cheaper way when
     * the batch holds the plan's issuer, or many subtrees, as the publisher's batches do under
     * load. Counted one subtree at a time, the ministry alone read its 100,000 units through the
     * indexes (about 3 s), and a batch of 2,000 subtrees took 20 s. The row's path is where
     * ROWS puts it: the frozen path once submitted, the unit's place in the tree before.
     * Parameters: the subtrees' paths, the scope's plans.
     */
    private static final String COUNT_WALKING_UP = "WITH wanted AS (SELECT root, n FROM "
            + "unnest(CAST(? AS text[])) WITH ORDINALITY AS t(root, n)), "
            + "owed AS (SELECT o.unit_id, COALESCE(r.frozen_path, u.path) AS path, r.status, r.on_time, o.consolidates "
            + "FROM obligation_replica o LEFT JOIN report r ON r.obligation_id = o.id "
            + "LEFT JOIN unit_replica u ON u.id = o.unit_id WHERE o.status = 'OPEN' AND o.kind = 'FINAL' AND " + IN_PLAN + ") "
            + "SELECT w.n, " + String.format(COUNT_COLUMNS, "length(w.root) + " + CHILD_SEGMENT) + " FROM owed "
            + "CROSS JOIN LATERAL generate_series(1, (length(owed.path) - 1) / " + CHILD_SEGMENT + ") AS k(depth) "
            + "JOIN wanted w ON w.root = left(owed.path, 1 + " + CHILD_SEGMENT + " * k.depth) GROUP BY w.n, w.root";

    /** A batch of more subtrees than this is counted walking up. */
    private static final int MANY_SUBTREES = 100;

    private final AgroalDataSource dataSource;

    public CompletenessRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @param consolidates the obligation is the unit's consolidated report up (it receives reports itself) */
    public record Owed(UUID obligationId, UUID unitId, String unitName, OffsetDateTime dueAt, UUID reportId, String status,
                       Boolean onTime, OffsetDateTime firstSubmittedAt, String path, boolean consolidates) {
    }

    /**
     * Counts over the subtree; children* count distinct direct children (of the subtree's root)
     * owing / having reported; reportsUp* count the consolidated reports up among the owed.
     */
    public record Counts(int owed, int received, int onTime, int childrenOwed, int childrenReported, int reportsUpOwed,
                         int reportsUpReceived) {
    }

    /** @param campaign true when {@code scopeId} is a campaign, false when it is a plan (and its sub-plans) */
    public Counts counts(String subtreePath, UUID scopeId, boolean campaign, Tree tree) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = prepare(c, String.format(COUNT, "?"), campaign, tree)) {
            int i = bindRows(ps, subtreePath, scope(c, scopeId, campaign), tree);
            ps.setInt(i++, subtreePath.length() + CHILD_SEGMENT);
            ps.setInt(i, subtreePath.length() + CHILD_SEGMENT);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return counts(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count completeness", e);
        }
    }

    /** How a batch of subtrees in one plan is counted; both give the same counts. */
    public enum Way {
        /** Each owed row of the plan's whole scope read once and counted on every level of its path. */
        WALKING_UP,
        /** One subtree after the other, through the indexes. */
        EACH_SUBTREE
    }

    /**
     * The counts of each subtree in one plan (with its sub-plans), in the order given, in one
     * statement chosen for the batch: walking up reads the plan's whole scope, which pays when a
     * subtree holds the plan's issuer (it is counted whole anyway) or when the subtrees are many;
     * a few subtrees below the issuer (a province under the ministry's guidance) are cheaper
     * through the indexes, so a trickle of reports does not read the whole country every second.
     */
    public List<Counts> countsInPlan(UUID planId, List<String> subtreePaths) {
        return countsInPlan(planId, subtreePaths, null);
    }

    /** @param way how to count them, or null to choose for the batch */
    public List<Counts> countsInPlan(UUID planId, List<String> subtreePaths, Way way) {
        try (Connection c = dataSource.getConnection()) {
            PlanScope scope = planScope(c, planId);
            Way chosen = way != null ? way
                    : (scope.holdsIssuer(subtreePaths) || subtreePaths.size() > MANY_SUBTREES ? Way.WALKING_UP : Way.EACH_SUBTREE);
            return chosen == Way.WALKING_UP ? countsWalkingUp(c, scope.plans(), subtreePaths)
                    : countsEachSubtree(c, scope.plans(), subtreePaths);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count completeness", e);
        }
    }

    private static List<Counts> countsWalkingUp(Connection c, Array plans, List<String> subtreePaths) throws SQLException {
        Counts[] out = new Counts[subtreePaths.size()];
        Arrays.fill(out, new Counts(0, 0, 0, 0, 0, 0, 0));
        try (PreparedStatement ps = plannedEachTime(c.prepareStatement(COUNT_WALKING_UP))) {
            ps.setArray(1, c.createArrayOf("text", subtreePaths.toArray()));
            ps.setArray(2, plans);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out[rs.getInt(1) - 1] = new Counts(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6),
                            rs.getInt(7), rs.getInt(8));
                }
            }
        }
        return List.of(out);
    }

    private static List<Counts> countsEachSubtree(Connection c, Array plans, List<String> subtreePaths) throws SQLException {
        List<Counts> out = new ArrayList<>(subtreePaths.size());
        try (PreparedStatement ps = plannedEachTime(c.prepareStatement(COUNT_EACH_SUBTREE))) {
            ps.setArray(1, c.createArrayOf("text", subtreePaths.toArray()));
            ps.setArray(2, c.createArrayOf("text", subtreePaths.stream().map(CompletenessRepository::end).toArray()));
            ps.setArray(3, plans);
            ps.setArray(4, plans);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(counts(rs));
                }
            }
        }
        return out;
    }

    private static Counts counts(ResultSet rs) throws SQLException {
        return new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7));
    }

    /**
     * The obligations not received or received late, ordered by path.
     *
     * @param childrenOnly only those of the direct children of the subtree's root
     */
    public List<Owed> lateOrMissing(String subtreePath, UUID scopeId, boolean campaign, boolean childrenOnly, Tree tree) {
        List<Owed> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, LIST, campaign, tree)) {
            int i = bindRows(ps, subtreePath, scope(c, scopeId, campaign), tree);
            ps.setBoolean(i++, !childrenOnly);
            ps.setInt(i, subtreePath.length() + CHILD_SEGMENT);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Owed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class), rs.getObject(5, UUID.class), rs.getString(6),
                            (Boolean) rs.getObject(7), rs.getObject(8, OffsetDateTime.class), rs.getString(9),
                            rs.getBoolean(10)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read completeness", e);
        }
        return out;
    }

    /** The value the scope filter is bound to: the campaign's id, or the array of the plan and its sub-plans. */
    private static Object scope(Connection c, UUID scopeId, boolean campaign) throws SQLException {
        return campaign ? scopeId : planScope(c, scopeId).plans();
    }

    /** A plan's sub-plans (with itself) and its issuer's path, in one statement. */
    private static PlanScope planScope(Connection c, UUID planId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(PLAN_SCOPE)) {
            ps.setObject(1, planId);
            ps.setObject(2, planId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new PlanScope(c.createArrayOf("uuid", (Object[]) rs.getArray(1).getArray()), rs.getString(2));
            }
        }
    }

    private record PlanScope(Array plans, String issuerPath) {

        boolean holdsIssuer(List<String> subtreePaths) {
            return issuerPath != null && subtreePaths.stream().anyMatch(issuerPath::startsWith);
        }
    }

    private static PreparedStatement prepare(Connection c, String select, boolean campaign, Tree tree) throws SQLException {
        String rows = String.format(tree == Tree.AS_NOW ? ROWS_AS_NOW : ROWS, campaign ? IN_CAMPAIGN : IN_PLAN, "?", "?",
                OBLIGATIONS);
        return plannedEachTime(c.prepareStatement("WITH " + rows + select));
    }

    /**
     * Planned with its actual values each time: a ward's and the ministry's subtrees want different
     * plans, and only a constant array of plans is tested by hash.
     */
    private static PreparedStatement plannedEachTime(PreparedStatement ps) throws SQLException {
        if (ps.isWrapperFor(PGStatement.class)) {
            ps.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
        return ps;
    }

    private static String end(String subtreePath) {
        return subtreePath.substring(0, subtreePath.length() - 1) + "0";
    }

    /** Binds the subtree's range and the scope in both branches of ROWS (the one of ROWS_AS_NOW). */
    private static int bindRows(PreparedStatement ps, String subtreePath, Object scope, Tree tree) throws SQLException {
        int i = 1;
        String end = end(subtreePath);
        for (int branch = 0; branch < (tree == Tree.AS_NOW ? 1 : 2); branch++) {
            ps.setString(i++, subtreePath);
            ps.setString(i++, end);
            ps.setObject(i++, scope);
        }
        return i;
    }
}
