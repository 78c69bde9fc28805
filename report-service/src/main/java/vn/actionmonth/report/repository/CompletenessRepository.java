package vn.actionmonth.report.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.postgresql.PGStatement;
import vn.actionmonth.events.sql.NamedSql.Params;
import vn.actionmonth.common.units.UnitPath;
import vn.actionmonth.events.sql.NamedSql;
import vn.actionmonth.report.domain.Tree;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static vn.actionmonth.events.sql.NamedSql.params;

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

    /**
     * A plan with the plans made on its basis, to any depth (the ministry's guidance has thousands),
     * and where its issuer sits in the tree (its scope lies under it; null while not replicated).
     */
    private static final NamedSql PLAN_SCOPE = NamedSql.of("""
            WITH RECURSIVE scope_plans(id, depth) AS (
                SELECT CAST(:plan AS uuid), 0
                UNION ALL
                SELECT p.id, s.depth + 1 FROM plan_replica p JOIN scope_plans s ON p.basis_plan_id = s.id
                WHERE s.depth < 20)
            SELECT ARRAY(SELECT DISTINCT id FROM scope_plans) AS plans,
                   (SELECT u.path FROM plan_replica p JOIN unit_replica u ON u.id = p.issuer_id
                    WHERE p.id = CAST(:plan AS uuid)) AS issuer_path
            """);

    /*
     * The statements are put together, once, from the parts below: the rows owed in one subtree
     * (as then or as now), filtered to a scope (a plan with its sub-plans, or a campaign), then
     * counted or listed. Placeholders in braces name the part that goes there; values are bound by
     * name (:first, :end, :plans, :campaign...).
     */

    /**
     * The owed rows of one subtree in one scope, through two disjoint indexed branches (reports by
     * their frozen path; obligations not yet reported, by where their unit is now). {from} and {to}
     * are the subtree's range of paths, from its prefix '/…/u/' up to, not including, '/…/u0' ('0'
     * follows '/'): bound for one subtree, or taken from the list of subtrees in a batch. {scope}
     * filters the obligations; {obligations} joins a unit's obligations.
     */
    private static final String ROWS_AS_THEN = """
            owed AS (
                SELECT o.id, o.unit_id, u.name, o.due_at, r.id AS report_id, r.status, r.on_time, r.first_submitted_at,
                       r.frozen_path AS path, o.consolidates
                FROM report r
                JOIN obligation_replica o ON o.id = r.obligation_id
                LEFT JOIN unit_replica u ON u.id = o.unit_id
                WHERE r.frozen_path IS NOT NULL AND r.frozen_path ~>=~ {from} AND r.frozen_path ~<~ {to}
                  AND o.status = 'OPEN' AND o.kind = 'FINAL' AND {scope}
                UNION ALL
                SELECT o.id, o.unit_id, u.name, o.due_at, r.id, r.status, r.on_time, r.first_submitted_at, u.path,
                       o.consolidates
                FROM unit_replica u
                JOIN {obligations}
                LEFT JOIN report r ON r.obligation_id = o.id
                WHERE u.path ~>=~ {from} AND u.path ~<~ {to} AND r.frozen_path IS NULL
                  AND o.status = 'OPEN' AND o.kind = 'FINAL' AND {scope})
            """;

    /**
     * The owed rows as now: every obligation where its unit now stands (after a reorganisation, the
     * successor it was handed to), submitted or not; same placeholders as ROWS_AS_THEN.
     */
    private static final String ROWS_AS_NOW = """
            owed AS (
                SELECT o.id, o.unit_id, u.name, o.due_at, r.id AS report_id, r.status, r.on_time, r.first_submitted_at,
                       u.path, o.consolidates
                FROM unit_replica u
                JOIN {obligations}
                LEFT JOIN report r ON r.obligation_id = o.id
                WHERE u.path ~>=~ {from} AND u.path ~<~ {to} AND o.status = 'OPEN' AND o.kind = 'FINAL' AND {scope})
            """;

    /** How branch two reaches a unit's obligations: a join the planner chooses for one subtree... */
    private static final String OBLIGATIONS = "obligation_replica o ON o.unit_id = u.id";

    /**
     * ...and, for many subtrees in one statement, an index lookup per unit: planned once for all of
     * them, the join guessed hundreds of units per subtree and scanned every obligation for each
     * ward. OFFSET 0 keeps the planner from flattening the lookup back into a join.
     */
    private static final String OBLIGATIONS_PER_UNIT = """
            LATERAL (SELECT * FROM obligation_replica o WHERE o.unit_id = u.id OFFSET 0) o ON true""";

    /**
     * The plans are bound as an array constant (each statement is planned with its values), which
     * PostgreSQL tests with a hash built once per statement. Joined to a subquery instead, the
     * planner rebuilt the hash of the sub-plans for every unit of the subtree: 0.85 ms per unit
     * with 5,349 sub-plans, over a minute for the ministry at 100,000 units.
     */
    private static final String IN_PLAN = "o.plan_id = ANY (:plans)";
    private static final String IN_CAMPAIGN = "o.campaign_id = CAST(:campaign AS uuid)";

    private static final String RECEIVED = "status IN ('SUBMITTED', 'APPROVED')";

    /** The counts of owed rows (see Counts); {childPathLength}: the length of a direct child's path. */
    private static final String COUNT_COLUMNS = """
            count(*) AS owed,
            count(*) FILTER (WHERE {received}) AS received,
            count(*) FILTER (WHERE {received} AND on_time) AS on_time,
            count(DISTINCT unit_id) FILTER (WHERE length(path) = {childPathLength}) AS children_owed,
            count(DISTINCT unit_id) FILTER (WHERE length(path) = {childPathLength} AND {received}) AS children_reported,
            count(*) FILTER (WHERE consolidates) AS reports_up_owed,
            count(*) FILTER (WHERE consolidates AND {received}) AS reports_up_received
            """.replace("{received}", RECEIVED);

    private static final String COUNT = "SELECT " + COUNT_COLUMNS + " FROM owed\n";

    private static final String LIST = """
            SELECT id, unit_id, name, due_at, report_id, status, on_time, first_submitted_at, path, consolidates
            FROM owed
            WHERE (:all OR length(path) = :childPathLength)
              AND (status IS NULL OR NOT {received} OR on_time IS NOT TRUE)
            ORDER BY path
            """.replace("{received}", RECEIVED);

    /** One subtree's counts and list, per tree and scope: bound with :first, :end, :childPathLength and the scope. */
    private static final Map<Tree, NamedSql> COUNT_IN_PLAN = oneSubtree(COUNT, IN_PLAN);
    private static final Map<Tree, NamedSql> COUNT_IN_CAMPAIGN = oneSubtree(COUNT, IN_CAMPAIGN);
    private static final Map<Tree, NamedSql> LIST_IN_PLAN = oneSubtree(LIST, IN_PLAN);
    private static final Map<Tree, NamedSql> LIST_IN_CAMPAIGN = oneSubtree(LIST, IN_CAMPAIGN);

    /**
     * The counts of many subtrees in one plan, one subtree after the other, each through the
     * indexes: the cheaper way for a few small subtrees.
     */
    private static final NamedSql COUNT_EACH_SUBTREE = NamedSql.of("""
            WITH subtrees AS (
                SELECT lo, hi, n FROM unnest(:firsts, :ends) WITH ORDINALITY AS t(lo, hi, n))
            SELECT c.*
            FROM subtrees s
            CROSS JOIN LATERAL (WITH {rows} {count}) c
            ORDER BY s.n
            """.replace("{rows}", rows(ROWS_AS_THEN, IN_PLAN, "s.lo", "s.hi", OBLIGATIONS_PER_UNIT))
            .replace("{count}", COUNT.replace("{childPathLength}", "length(s.lo) + " + UnitPath.SEGMENT)));

    /**
     * The counts of many subtrees in one plan, each owed row of the scope read once and counted in
     * every wanted subtree on its path (its path's prefixes, one per level): the cheaper way when
     * the batch holds the plan's issuer, or many subtrees, as the publisher's batches do under
     * load. Counted one subtree at a time, the ministry alone read its 100,000 units through the
     * indexes (about 3 s), and a batch of 2,000 subtrees took 20 s. The row's path is where
     * ROWS_AS_THEN puts it: the frozen path once submitted, the unit's place in the tree before.
     */
    private static final NamedSql COUNT_WALKING_UP = NamedSql.of("""
            WITH wanted AS (
                SELECT root, n FROM unnest(:roots) WITH ORDINALITY AS t(root, n)),
            owed AS (
                SELECT o.unit_id, COALESCE(r.frozen_path, u.path) AS path, r.status, r.on_time, o.consolidates
                FROM obligation_replica o
                LEFT JOIN report r ON r.obligation_id = o.id
                LEFT JOIN unit_replica u ON u.id = o.unit_id
                WHERE o.status = 'OPEN' AND o.kind = 'FINAL' AND {inPlan})
            SELECT w.n, {counts}
            FROM owed
            CROSS JOIN LATERAL generate_series(1, (length(owed.path) - 1) / {segment}) AS k(depth)
            JOIN wanted w ON w.root = left(owed.path, 1 + {segment} * k.depth)
            GROUP BY w.n, w.root
            """.replace("{inPlan}", IN_PLAN)
            .replace("{counts}", COUNT_COLUMNS.replace("{childPathLength}", "length(w.root) + " + UnitPath.SEGMENT))
            .replace("{segment}", Integer.toString(UnitPath.SEGMENT)));

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
        NamedSql sql = (campaign ? COUNT_IN_CAMPAIGN : COUNT_IN_PLAN).get(tree);
        try (Connection c = dataSource.getConnection()) {
            Params p = subtree(c, subtreePath, scopeId, campaign);
            try (PreparedStatement ps = plannedEachTime(sql.prepare(c, p)); ResultSet rs = ps.executeQuery()) {
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

    private static List<Counts> countsWalkingUp(Connection c, List<UUID> plans, List<String> subtreePaths)
            throws SQLException {
        Counts[] out = new Counts[subtreePaths.size()];
        Arrays.fill(out, new Counts(0, 0, 0, 0, 0, 0, 0));
        Params p = params().texts("roots", subtreePaths).uuids("plans", plans);
        try (PreparedStatement ps = plannedEachTime(COUNT_WALKING_UP.prepare(c, p)); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out[rs.getInt("n") - 1] = counts(rs);
            }
        }
        return List.of(out);
    }

    private static List<Counts> countsEachSubtree(Connection c, List<UUID> plans, List<String> subtreePaths)
            throws SQLException {
        List<Counts> out = new ArrayList<>(subtreePaths.size());
        Params p = params().texts("firsts", subtreePaths)
                .texts("ends", subtreePaths.stream().map(UnitPath::subtreeEnd).toList())
                .uuids("plans", plans);
        try (PreparedStatement ps = plannedEachTime(COUNT_EACH_SUBTREE.prepare(c, p)); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(counts(rs));
            }
        }
        return out;
    }

    private static Counts counts(ResultSet rs) throws SQLException {
        return new Counts(rs.getInt("owed"), rs.getInt("received"), rs.getInt("on_time"), rs.getInt("children_owed"),
                rs.getInt("children_reported"), rs.getInt("reports_up_owed"), rs.getInt("reports_up_received"));
    }

    /**
     * The obligations not received or received late, ordered by path.
     *
     * @param childrenOnly only those of the direct children of the subtree's root
     */
    public List<Owed> lateOrMissing(String subtreePath, UUID scopeId, boolean campaign, boolean childrenOnly, Tree tree) {
        NamedSql sql = (campaign ? LIST_IN_CAMPAIGN : LIST_IN_PLAN).get(tree);
        List<Owed> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            Params p = subtree(c, subtreePath, scopeId, campaign).bool("all", !childrenOnly);
            try (PreparedStatement ps = plannedEachTime(sql.prepare(c, p)); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Owed(rs.getObject("id", UUID.class), rs.getObject("unit_id", UUID.class),
                            rs.getString("name"), rs.getObject("due_at", OffsetDateTime.class),
                            rs.getObject("report_id", UUID.class), rs.getString("status"), (Boolean) rs.getObject("on_time"),
                            rs.getObject("first_submitted_at", OffsetDateTime.class), rs.getString("path"),
                            rs.getBoolean("consolidates")));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read completeness", e);
        }
        return out;
    }

    /** The values of a one-subtree statement: its range, its direct children's path length, its scope. */
    private static Params subtree(Connection c, String subtreePath, UUID scopeId, boolean campaign) throws SQLException {
        Params p = params().text("first", subtreePath).text("end", UnitPath.subtreeEnd(subtreePath))
                .integer("childPathLength", UnitPath.childPathLength(subtreePath));
        return campaign ? p.uuid("campaign", scopeId) : p.uuids("plans", planScope(c, scopeId).plans());
    }

    /** A plan's sub-plans (with itself) and its issuer's path, in one statement. */
    private static PlanScope planScope(Connection c, UUID planId) throws SQLException {
        try (PreparedStatement ps = PLAN_SCOPE.prepare(c, params().uuid("plan", planId)); ResultSet rs = ps.executeQuery()) {
            rs.next();
            Object[] plans = (Object[]) rs.getArray("plans").getArray();
            return new PlanScope(Arrays.stream(plans).map(UUID.class::cast).toList(), rs.getString("issuer_path"));
        }
    }

    private record PlanScope(List<UUID> plans, String issuerPath) {

        boolean holdsIssuer(List<String> subtreePaths) {
            return issuerPath != null && subtreePaths.stream().anyMatch(issuerPath::startsWith);
        }
    }

    /** The one-subtree statements of {@code select} in {@code scope}, one per tree. */
    private static Map<Tree, NamedSql> oneSubtree(String select, String scope) {
        Map<Tree, NamedSql> out = new EnumMap<>(Tree.class);
        out.put(Tree.AS_THEN, NamedSql.of("WITH " + rows(ROWS_AS_THEN, scope, ":first", ":end", OBLIGATIONS)
                + select.replace("{childPathLength}", ":childPathLength")));
        out.put(Tree.AS_NOW, NamedSql.of("WITH " + rows(ROWS_AS_NOW, scope, ":first", ":end", OBLIGATIONS)
                + select.replace("{childPathLength}", ":childPathLength")));
        return out;
    }

    private static String rows(String rows, String scope, String from, String to, String obligations) {
        return rows.replace("{scope}", scope).replace("{from}", from).replace("{to}", to)
                .replace("{obligations}", obligations);
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
}
