package vn.actionmonth.plan.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import vn.actionmonth.events.sql.NamedSql;
import vn.actionmonth.plan.domain.UnitKind;
import vn.actionmonth.plan.domain.UnitVersion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import static vn.actionmonth.events.sql.NamedSql.params;

/**
 * The dated tree: every version of every unit (org_unit_version). All of its SQL is here.
 *
 * <p>Writers change org_unit first, flush, then call {@link #record} with the day the change takes
 * effect: the unit's open version is closed on that day and its present state opens the next one.
 * A change dated on or before the open version's first day corrects that version instead, so that
 * two changes on one day leave one version. Every statement runs on the caller's transaction.
 */
@ApplicationScoped
public class UnitHistoryRepository {

    private static final NamedSql CORRECT = NamedSql.of("""
            DELETE FROM org_unit_version
            WHERE unit_id = ANY (:ids) AND valid_to IS NULL AND valid_from >= :day
            """);
    private static final NamedSql CLOSE = NamedSql.of("""
            UPDATE org_unit_version SET valid_to = :day
            WHERE unit_id = ANY (:ids) AND valid_to IS NULL AND valid_from < :day
            """);
    private static final NamedSql OPEN = NamedSql.of("""
            INSERT INTO org_unit_version (unit_id, valid_from, valid_to, kind, name, search_name, admin_code,
                                          agency_code, parent_id, path, depth)
            SELECT u.id, :day, CASE WHEN u.retired THEN u.valid_to END, u.kind, u.name, u.search_name, u.admin_code,
                   u.agency_code, u.parent_id, u.path, u.depth
            FROM org_unit u
            WHERE u.id = ANY (:ids) AND (NOT u.retired OR u.valid_to > :day)
            """);

    private static final String COLUMNS = """
            v.unit_id, v.valid_from, v.valid_to, v.kind, v.name, v.admin_code, v.agency_code, v.parent_id, v.path, v.depth
            """;
    private static final String ON_DAY = "v.valid_from <= :day AND (v.valid_to IS NULL OR v.valid_to > :day)";

    private static final NamedSql BY_CODE = NamedSql.of("SELECT " + COLUMNS + """
            FROM org_unit_version v
            WHERE (v.admin_code = :code OR v.agency_code = :code) AND v.path LIKE :scope AND """ + " " + ON_DAY + """
             ORDER BY v.depth, v.name, v.unit_id LIMIT :limit OFFSET :offset
            """);
    private static final NamedSql COUNT_BY_CODE = NamedSql.of("""
            SELECT count(*) FROM org_unit_version v
            WHERE (v.admin_code = :code OR v.agency_code = :code) AND v.path LIKE :scope AND """ + " " + ON_DAY);
    private static final NamedSql BY_NAME = NamedSql.of("SELECT " + COLUMNS + """
            FROM org_unit_version v
            WHERE v.search_name LIKE :key AND v.path LIKE :scope AND """ + " " + ON_DAY + """
             ORDER BY v.search_name, v.unit_id LIMIT :limit OFFSET :offset
            """);
    private static final NamedSql COUNT_BY_NAME = NamedSql.of("""
            SELECT count(*) FROM org_unit_version v
            WHERE v.search_name LIKE :key AND v.path LIKE :scope AND """ + " " + ON_DAY);
    private static final NamedSql CHILDREN = NamedSql.of("SELECT " + COLUMNS + """
            FROM org_unit_version v
            WHERE v.parent_id = :parent AND """ + " " + ON_DAY + """
             ORDER BY v.name, v.unit_id LIMIT :limit OFFSET :offset
            """);
    private static final NamedSql COUNT_CHILDREN = NamedSql.of("""
            SELECT count(*) FROM org_unit_version v WHERE v.parent_id = :parent AND """ + " " + ON_DAY);
    private static final NamedSql SUBTREE = NamedSql.of("SELECT " + COLUMNS + """
            FROM org_unit_version v
            WHERE v.path LIKE :scope AND """ + " " + ON_DAY + """
             ORDER BY v.depth, v.name, v.unit_id LIMIT :limit OFFSET :offset
            """);
    private static final NamedSql COUNT_SUBTREE = NamedSql.of("""
            SELECT count(*) FROM org_unit_version v WHERE v.path LIKE :scope AND """ + " " + ON_DAY);
    private static final NamedSql OF_UNIT_ON = NamedSql.of("SELECT " + COLUMNS + """
            FROM org_unit_version v WHERE v.unit_id = :unit AND """ + " " + ON_DAY);
    private static final NamedSql VERSIONS = NamedSql.of("SELECT " + COLUMNS + """
            FROM org_unit_version v WHERE v.unit_id = :unit ORDER BY v.valid_from
            """);

    private final AgroalDataSource dataSource;
    private final EntityManager em;

    public UnitHistoryRepository(AgroalDataSource dataSource, EntityManager em) {
        this.dataSource = dataSource;
        this.em = em;
    }

    /** Opens a version from {@code day} with the units' present state (flushed first). */
    public void record(Collection<UUID> ids, LocalDate day) {
        if (ids.isEmpty()) {
            return;
        }
        em.flush();
        var p = params().uuids("ids", ids).date("day", day);
        try (Connection c = dataSource.getConnection()) {
            for (NamedSql s : List.of(CORRECT, CLOSE)) {
                try (PreparedStatement ps = s.prepare(c, p)) {
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = OPEN.prepare(c, p)) {
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the units' versions", e);
        }
    }

    /** Closes the units' open versions on {@code day} (they cease to exist from that day). */
    public void close(Collection<UUID> ids, LocalDate day) {
        if (ids.isEmpty()) {
            return;
        }
        em.flush();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = CLOSE.prepare(c, params().uuids("ids", ids).date("day", day))) {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not close the units' versions", e);
        }
    }

    public List<UnitVersion> byCode(String code, String scopePath, LocalDate day, int page, int size) {
        return list(BY_CODE, params().text("code", code).text("scope", scopePath + "%").date("day", day), page, size);
    }

    public long countByCode(String code, String scopePath, LocalDate day) {
        return count(COUNT_BY_CODE, params().text("code", code).text("scope", scopePath + "%").date("day", day));
    }

    public List<UnitVersion> byName(String key, String scopePath, LocalDate day, int page, int size) {
        return list(BY_NAME, params().text("key", "%" + key + "%").text("scope", scopePath + "%").date("day", day),
                page, size);
    }

    public long countByName(String key, String scopePath, LocalDate day) {
        return count(COUNT_BY_NAME, params().text("key", "%" + key + "%").text("scope", scopePath + "%").date("day", day));
    }

    public List<UnitVersion> children(UUID parent, LocalDate day, int page, int size) {
        return list(CHILDREN, params().uuid("parent", parent).date("day", day), page, size);
    }

    public long countChildren(UUID parent, LocalDate day) {
        return count(COUNT_CHILDREN, params().uuid("parent", parent).date("day", day));
    }

    /** The units whose path on {@code day} starts with {@code path}, shallowest first. */
    public List<UnitVersion> subtree(String path, LocalDate day, int page, int size) {
        return list(SUBTREE, params().text("scope", path + "%").date("day", day), page, size);
    }

    public long countSubtree(String path, LocalDate day) {
        return count(COUNT_SUBTREE, params().text("scope", path + "%").date("day", day));
    }

    /** The unit's version on {@code day}, if it existed then. */
    public java.util.Optional<UnitVersion> on(UUID unit, LocalDate day) {
        List<UnitVersion> found = list(OF_UNIT_ON, params().uuid("unit", unit).date("day", day), -1, 0);
        return found.stream().findFirst();
    }

    /** Every version of the unit, oldest first. */
    public List<UnitVersion> versions(UUID unit) {
        return list(VERSIONS, params().uuid("unit", unit), -1, 0);
    }

    private List<UnitVersion> list(NamedSql sql, NamedSql.Params p, int page, int size) {
        if (page >= 0) {
            p.integer("limit", size).integer("offset", page * size);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = sql.prepare(c, p);
             ResultSet rs = ps.executeQuery()) {
            List<UnitVersion> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new UnitVersion(rs.getObject("unit_id", UUID.class), rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class), UnitKind.valueOf(rs.getString("kind")),
                        rs.getString("name"), rs.getString("admin_code"), rs.getString("agency_code"),
                        rs.getObject("parent_id", UUID.class), rs.getString("path"), rs.getInt("depth")));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the units' versions", e);
        }
    }

    private long count(NamedSql sql, NamedSql.Params p) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = sql.prepare(c, p);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the units' versions", e);
        }
    }
}
