package vn.actionmonth.plan.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import vn.actionmonth.events.sql.NamedSql;
import vn.actionmonth.common.units.UnitPath;
import vn.actionmonth.plan.domain.UnitKind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static vn.actionmonth.events.sql.NamedSql.params;

/**
 * The bulk side of a unit import: the tree's current units by code, read without loading entities,
 * and new units written by JDBC batches (tens of thousands of rows in seconds). Every statement
 * runs on the caller's transaction.
 */
@ApplicationScoped
public class UnitImportRepository {

    /** Rows sent to the database in one round trip. */
    private static final int BATCH = 1000;

    private static final NamedSql CURRENT_WITH_CODE = NamedSql.of("""
            SELECT id, admin_code, agency_code, name, short_name, kind, parent_id, path, depth
            FROM org_unit
            WHERE path LIKE :subtree AND NOT retired AND (admin_code IS NOT NULL OR agency_code IS NOT NULL)
            """);
    private static final NamedSql RETIRED = NamedSql.of("""
            SELECT id FROM org_unit WHERE path LIKE :subtree AND retired
            """);
    private static final NamedSql INSERT_UNIT = NamedSql.of("""
            INSERT INTO org_unit (id, kind, name, short_name, search_name, admin_code, agency_code, parent_id, path,
                                  depth, valid_from, retired, version)
            VALUES (:id, :kind, :name, :shortName, :searchName, :adminCode, :agencyCode, :parentId, :path,
                    :depth, :validFrom, FALSE, 1)
            """);
    private static final NamedSql INSERT_PERIOD = NamedSql.of("""
            INSERT INTO org_unit_parent_period (unit_id, position, parent_id, valid_from)
            VALUES (:unitId, 0, :parentId, :validFrom)
            """);

    private final AgroalDataSource dataSource;
    private final EntityManager em;

    public UnitImportRepository(AgroalDataSource dataSource, EntityManager em) {
        this.dataSource = dataSource;
        this.em = em;
    }

    /** A current unit of the tree that has a code, as an import row is matched against it. */
    public record Existing(UUID id, String adminCode, String agencyCode, String name, String shortName, UnitKind kind,
                           UUID parentId, String path, int depth) {
    }

    /** A unit to create, placed: its path and depth are known. */
    public record NewUnit(UUID id, UnitKind kind, String name, String shortName, String searchName, String adminCode,
                          String agencyCode, UUID parentId, String path, int depth) {
    }

    /** The tree's current units with an administrative or an agency code. */
    public List<Existing> currentWithCode(UUID rootId) {
        List<Existing> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = CURRENT_WITH_CODE.prepare(c, params().text("subtree", subtree(rootId)));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Existing(rs.getObject("id", UUID.class), rs.getString("admin_code"),
                        rs.getString("agency_code"), rs.getString("name"), rs.getString("short_name"),
                        UnitKind.valueOf(rs.getString("kind")), rs.getObject("parent_id", UUID.class),
                        rs.getString("path"), rs.getInt("depth")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the tree's units", e);
        }
        return out;
    }

    /** Ids of the tree's retired units. */
    public Set<UUID> retiredIds(UUID rootId) {
        Set<UUID> out = new HashSet<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = RETIRED.prepare(c, params().text("subtree", subtree(rootId)));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getObject("id", UUID.class));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the tree's retired units", e);
        }
        return out;
    }

    /**
     * Writes the units, parents before children, each with its first parent period from
     * {@code validFrom}. Pending entity changes are flushed first: the batches bypass the
     * persistence context.
     */
    public void insert(List<NewUnit> created, LocalDate validFrom) {
        if (created.isEmpty()) {
            return;
        }
        em.flush();
        try (Connection c = dataSource.getConnection();
             PreparedStatement unit = c.prepareStatement(INSERT_UNIT.jdbc());
             PreparedStatement period = c.prepareStatement(INSERT_PERIOD.jdbc())) {
            int n = 0;
            for (NewUnit u : created) {
                INSERT_UNIT.bind(unit, params().uuid("id", u.id()).name("kind", u.kind()).text("name", u.name())
                        .text("shortName", u.shortName()).text("searchName", u.searchName())
                        .text("adminCode", u.adminCode()).text("agencyCode", u.agencyCode())
                        .uuid("parentId", u.parentId()).text("path", u.path()).integer("depth", u.depth())
                        .date("validFrom", validFrom));
                unit.addBatch();
                INSERT_PERIOD.bind(period, params().uuid("unitId", u.id()).uuid("parentId", u.parentId())
                        .date("validFrom", validFrom));
                period.addBatch();
                if (++n % BATCH == 0) {
                    unit.executeBatch();
                    period.executeBatch();
                }
            }
            unit.executeBatch();
            period.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the imported units", e);
        }
    }

    private static String subtree(UUID rootId) {
        return UnitPath.root(rootId) + "%";
    }
}
