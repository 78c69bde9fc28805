package vn.actionmonth.plan.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import vn.actionmonth.events.sql.NamedSql;
import vn.actionmonth.common.units.UnitPath;
import vn.actionmonth.plan.domain.Share;
import vn.actionmonth.plan.domain.UnitKind;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static vn.actionmonth.events.sql.NamedSql.params;

/**
 * The SQL of reorganisations: reading a tree's current units, writing a reorganisation's units in
 * batches (tens of thousands in seconds), its lineage, and reading both back. Every statement runs
 * on the caller's transaction.
 */
@ApplicationScoped
public class ReorganisationRepository {

    /** A current unit as a reorganisation sees it. */
    public record TreeUnit(UUID id, UnitKind kind, String name, String adminCode, String agencyCode, UUID parentId,
                           String path, int depth) {
    }

    /** A unit's state after the reorganisation: written when it is new or when any of it changed. */
    public record UnitRow(UUID id, UnitKind kind, String name, String searchName, String adminCode, UUID parentId,
                          String path, int depth) {
    }

    public record Reorganisation(UUID id, UUID rootId, LocalDate effectiveDate, String title, Instant appliedAt,
                                 String appliedBy, int unitsCreated, int unitsCeased, int unitsMoved,
                                 int obligationsHandedOver) {
    }

    public record Lineage(UUID reorganisationId, UUID oldUnitId, UUID newUnitId, Share share, boolean takesOverDuties,
                          boolean derived, BigDecimal allocation) {
    }

    private static final NamedSql TREE = NamedSql.of("""
            SELECT id, kind, name, admin_code, agency_code, parent_id, path, depth
            FROM org_unit
            WHERE path LIKE :scope AND NOT retired
            """);
    private static final NamedSql INSERT_UNIT = NamedSql.of("""
            INSERT INTO org_unit (id, kind, name, search_name, admin_code, parent_id, path, depth, valid_from, retired, version)
            VALUES (:id, :kind, :name, :searchName, :adminCode, :parentId, :path, :depth, :day, FALSE, 1)
            """);
    private static final NamedSql UPDATE_UNIT = NamedSql.of("""
            UPDATE org_unit
            SET kind = :kind, name = :name, search_name = :searchName, admin_code = :adminCode, parent_id = :parentId,
                path = :path, depth = :depth, version = version + 1
            WHERE id = :id
            """);
    private static final NamedSql RELEASE_CODES = NamedSql.of("""
            UPDATE org_unit SET admin_code = NULL WHERE id = ANY (:ids) AND admin_code IS NOT NULL
            """);
    private static final NamedSql RETIRE = NamedSql.of("""
            UPDATE org_unit SET retired = TRUE, valid_to = :day, version = version + 1
            WHERE id = ANY (:ids)
            """);
    private static final NamedSql CLOSE_PERIODS = NamedSql.of("""
            UPDATE org_unit_parent_period SET valid_to = :day
            WHERE unit_id = ANY (:ids) AND valid_to IS NULL
            """);
    private static final NamedSql OPEN_PERIOD = NamedSql.of("""
            INSERT INTO org_unit_parent_period (unit_id, position, parent_id, valid_from)
            SELECT :id, COALESCE(max(position) + 1, 0), :parentId, :day FROM org_unit_parent_period WHERE unit_id = :id
            """);
    private static final NamedSql INSERT_REORGANISATION = NamedSql.of("""
            INSERT INTO reorganisation (id, root_id, effective_date, title, applied_at, applied_by, units_created,
                                        units_ceased, units_moved, obligations_handed_over)
            VALUES (:id, :rootId, :day, :title, :appliedAt, :appliedBy, :created, :ceased, :moved, :handedOver)
            """);
    private static final NamedSql INSERT_LINEAGE = NamedSql.of("""
            INSERT INTO unit_lineage (reorganisation_id, old_unit_id, new_unit_id, share, takes_over_duties, derived, allocation)
            VALUES (:reorganisationId, :oldUnitId, :newUnitId, :share, :takesOverDuties, :derived, CAST(:allocation AS numeric))
            """);
    private static final NamedSql ONE = NamedSql.of("""
            SELECT id, root_id, effective_date, title, applied_at, applied_by, units_created, units_ceased, units_moved,
                   obligations_handed_over
            FROM reorganisation WHERE id = :id
            """);
    private static final NamedSql OF_TREE = NamedSql.of("""
            SELECT id, root_id, effective_date, title, applied_at, applied_by, units_created, units_ceased, units_moved,
                   obligations_handed_over
            FROM reorganisation WHERE root_id = :rootId ORDER BY effective_date, applied_at
            """);
    private static final NamedSql LINEAGE_OF = NamedSql.of("""
            SELECT reorganisation_id, old_unit_id, new_unit_id, share, takes_over_duties, derived, allocation
            FROM unit_lineage WHERE reorganisation_id = :id ORDER BY new_unit_id, old_unit_id
            """);
    private static final NamedSql LINEAGE_OF_UNIT = NamedSql.of("""
            SELECT reorganisation_id, old_unit_id, new_unit_id, share, takes_over_duties, derived, allocation
            FROM unit_lineage WHERE old_unit_id = :unit OR new_unit_id = :unit ORDER BY reorganisation_id
            """);

    private final AgroalDataSource dataSource;
    private final EntityManager em;

    public ReorganisationRepository(AgroalDataSource dataSource, EntityManager em) {
        this.dataSource = dataSource;
        this.em = em;
    }

    /** The tree's current units. */
    public List<TreeUnit> currentUnits(UUID rootId) {
        em.flush();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = TREE.prepare(c, params().text("scope", UnitPath.root(rootId) + "%"));
             ResultSet rs = ps.executeQuery()) {
            List<TreeUnit> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new TreeUnit(rs.getObject("id", UUID.class), UnitKind.valueOf(rs.getString("kind")),
                        rs.getString("name"), rs.getString("admin_code"), rs.getString("agency_code"),
                        rs.getObject("parent_id", UUID.class), rs.getString("path"), rs.getInt("depth")));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the tree", e);
        }
    }

    /**
     * Writes the reorganisation's units: {@code created} inserted, {@code changed} updated, and a
     * new parent period from {@code day} for both, except for changed units whose parent stayed.
     */
    public void writeUnits(List<UnitRow> created, List<UnitRow> changed, Collection<UUID> reparented,
                           Collection<UUID> ceased, LocalDate day) {
        em.flush();
        try (Connection c = dataSource.getConnection()) {
            // codes pass from units that cease and between units that stay: the current-code index
            // must never see two holders, so the old holders let go first
            try (PreparedStatement ps = RETIRE.prepare(c, params().uuids("ids", ceased).date("day", day))) {
                ps.executeUpdate();
            }
            try (PreparedStatement ps = RELEASE_CODES.prepare(c, params().uuids("ids",
                    changed.stream().map(UnitRow::id).toList()))) {
                ps.executeUpdate();
            }
            // new units first, parents before children: units that stay may move under them
            batch(c, INSERT_UNIT, created, r -> unitParams(r).date("day", day));
            batch(c, UPDATE_UNIT, changed, this::unitParams);
            List<UUID> closing = new ArrayList<>(ceased);
            closing.addAll(reparented);
            try (PreparedStatement ps = CLOSE_PERIODS.prepare(c, params().uuids("ids", closing).date("day", day))) {
                ps.executeUpdate();
            }
            List<UnitRow> periods = new ArrayList<>(created);
            changed.stream().filter(r -> reparented.contains(r.id())).forEach(periods::add);
            batch(c, OPEN_PERIOD, periods, r -> params().uuid("id", r.id()).uuid("parentId", r.parentId()).date("day", day));
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the reorganisation's units", e);
        }
    }

    public void insert(Reorganisation r, List<Lineage> lineage) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = INSERT_REORGANISATION.prepare(c, params().uuid("id", r.id()).uuid("rootId", r.rootId())
                    .date("day", r.effectiveDate()).text("title", r.title()).instant("appliedAt", r.appliedAt())
                    .text("appliedBy", r.appliedBy()).integer("created", r.unitsCreated()).integer("ceased", r.unitsCeased())
                    .integer("moved", r.unitsMoved()).integer("handedOver", r.obligationsHandedOver()))) {
                ps.executeUpdate();
            }
            batch(c, INSERT_LINEAGE, lineage, l -> params().uuid("reorganisationId", l.reorganisationId())
                    .uuid("oldUnitId", l.oldUnitId()).uuid("newUnitId", l.newUnitId()).name("share", l.share())
                    .bool("takesOverDuties", l.takesOverDuties()).bool("derived", l.derived())
                    .text("allocation", l.allocation() == null ? null : l.allocation().toPlainString()));
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the reorganisation", e);
        }
    }

    public Optional<Reorganisation> find(UUID id) {
        return reorganisations(ONE, params().uuid("id", id)).stream().findFirst();
    }

    public List<Reorganisation> ofTree(UUID rootId) {
        return reorganisations(OF_TREE, params().uuid("rootId", rootId));
    }

    public List<Lineage> lineage(UUID reorganisationId) {
        return lineage(LINEAGE_OF, params().uuid("id", reorganisationId));
    }

    /** The lineage rows a unit is in, as old or as new unit. */
    public List<Lineage> lineageOfUnit(UUID unitId) {
        return lineage(LINEAGE_OF_UNIT, params().uuid("unit", unitId));
    }

    private NamedSql.Params unitParams(UnitRow r) {
        return params().uuid("id", r.id()).name("kind", r.kind()).text("name", r.name()).text("searchName", r.searchName())
                .text("adminCode", r.adminCode()).uuid("parentId", r.parentId()).text("path", r.path())
                .integer("depth", r.depth());
    }

    private interface Binder<T> {
        NamedSql.Params of(T row);
    }

    private static <T> void batch(Connection c, NamedSql sql, List<T> rows, Binder<T> binder) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql.jdbc())) {
            int n = 0;
            for (T row : rows) {
                sql.bind(ps, binder.of(row));
                ps.addBatch();
                if (++n % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private List<Reorganisation> reorganisations(NamedSql sql, NamedSql.Params p) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = sql.prepare(c, p); ResultSet rs = ps.executeQuery()) {
            List<Reorganisation> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Reorganisation(rs.getObject("id", UUID.class), rs.getObject("root_id", UUID.class),
                        rs.getObject("effective_date", LocalDate.class), rs.getString("title"),
                        rs.getTimestamp("applied_at").toInstant(), rs.getString("applied_by"), rs.getInt("units_created"),
                        rs.getInt("units_ceased"), rs.getInt("units_moved"), rs.getInt("obligations_handed_over")));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read reorganisations", e);
        }
    }

    private List<Lineage> lineage(NamedSql sql, NamedSql.Params p) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = sql.prepare(c, p); ResultSet rs = ps.executeQuery()) {
            List<Lineage> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Lineage(rs.getObject("reorganisation_id", UUID.class), rs.getObject("old_unit_id", UUID.class),
                        rs.getObject("new_unit_id", UUID.class), Share.valueOf(rs.getString("share")),
                        rs.getBoolean("takes_over_duties"), rs.getBoolean("derived"), rs.getBigDecimal("allocation")));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the lineage", e);
        }
    }
}
