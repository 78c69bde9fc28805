package vn.actionmonth.common.units;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.events.sql.NamedSql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static vn.actionmonth.events.sql.NamedSql.params;

/** Reads the replica of the reporting tree: who a unit is, its ancestors, children and subtree. */
@ApplicationScoped
public class UnitDirectory {

    /** The columns {@link #query} reads, the same for every lookup. */
    private static final String UNITS = """
            SELECT id, kind, name, short_name, admin_code, agency_code, parent_id, path, depth, retired
              FROM unit_replica
            """;
    private static final NamedSql BY_ID = NamedSql.of(UNITS + """
             WHERE id = :id
            """);
    private static final NamedSql BY_IDS = NamedSql.of(UNITS + """
             WHERE id = ANY (:ids)
            """);
    private static final NamedSql CHILDREN = NamedSql.of(UNITS + """
             WHERE parent_id = :parentId
             ORDER BY name
            """);
    private static final NamedSql SUBTREE = NamedSql.of(UNITS + """
             WHERE path LIKE :pathPrefix
             ORDER BY depth, name
            """);

    private static final NamedSql PARENTS = NamedSql.of("""
            SELECT DISTINCT parent_id FROM unit_replica WHERE parent_id = ANY (:ids)
            """);

    private final AgroalDataSource dataSource;

    public UnitDirectory(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<UnitRecord> find(UUID id) {
        return query(BY_ID, params().uuid("id", id)).stream().findFirst();
    }

    public Map<UUID, UnitRecord> findAll(Collection<UUID> ids) {
        Map<UUID, UnitRecord> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        for (UnitRecord u : query(BY_IDS, params().uuids("ids", ids))) {
            out.put(u.id(), u);
        }
        return out;
    }

    public List<UnitRecord> childrenOf(UUID parent) {
        return query(CHILDREN, params().uuid("parentId", parent));
    }

    /** Those of the units that have, or had before a reorganisation, units under them. */
    public Set<UUID> withChildren(Collection<UUID> ids) {
        Set<UUID> out = new HashSet<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = PARENTS.prepare(c, params().uuids("ids", ids));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getObject("parent_id", UUID.class));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the unit replica", e);
        }
        return out;
    }

    /** The unit and everything under it, parents before children. */
    public List<UnitRecord> subtree(UUID root) {
        // A path is /uuid/uuid/.../: no LIKE wildcard can occur in it.
        return find(root).map(r -> query(SUBTREE, params().text("pathPrefix", r.path() + "%"))).orElse(List.of());
    }

    /** Every lineage edge of every reorganisation replicated so far, oldest first. */
    public List<LineageRecord> lineage() {
        List<LineageRecord> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT reorganisation_id, old_unit_id, new_unit_id, share, takes_over_duties, derived, allocation, effective_from
                FROM unit_lineage_replica ORDER BY effective_from, reorganisation_id
                """); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new LineageRecord(rs.getObject("reorganisation_id", UUID.class), rs.getObject("old_unit_id", UUID.class),
                        rs.getObject("new_unit_id", UUID.class), rs.getString("share"), rs.getBoolean("takes_over_duties"),
                        rs.getBoolean("derived"), rs.getBigDecimal("allocation"),
                        rs.getObject("effective_from", java.time.LocalDate.class)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the unit lineage", e);
        }
        return out;
    }

    /** Whether {@code unit} is {@code ancestor} or lies under it; false when either is unknown. */
    public boolean isWithin(UUID unit, UUID ancestor) {
        if (unit.equals(ancestor)) {
            return find(unit).isPresent();
        }
        return find(unit).map(u -> UnitPath.passesThrough(u.path(), ancestor)).orElse(false);
    }

    private List<UnitRecord> query(NamedSql sql, NamedSql.Params params) {
        List<UnitRecord> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = sql.prepare(c, params);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new UnitRecord(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("name"),
                        rs.getString("short_name"), rs.getString("admin_code"), rs.getString("agency_code"),
                        rs.getObject("parent_id", UUID.class), rs.getString("path"), rs.getInt("depth"),
                        rs.getBoolean("retired")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the unit replica", e);
        }
        return out;
    }
}
