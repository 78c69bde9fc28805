package vn.actionmonth.common.units;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads the replica of the reporting tree: who a unit is, its ancestors, children and subtree. */
@ApplicationScoped
public class UnitDirectory {

    private static final String COLUMNS = "id, kind, name, short_name, admin_code, agency_code, parent_id, path, depth, retired";

    private final AgroalDataSource dataSource;

    public UnitDirectory(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<UnitRecord> find(UUID id) {
        List<UnitRecord> found = query("SELECT " + COLUMNS + " FROM unit_replica WHERE id = ?", id);
        return found.stream().findFirst();
    }

    public Map<UUID, UnitRecord> findAll(Collection<UUID> ids) {
        Map<UUID, UnitRecord> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        for (UnitRecord u : query("SELECT " + COLUMNS + " FROM unit_replica WHERE id = ANY (?)", ids.toArray(UUID[]::new))) {
            out.put(u.id(), u);
        }
        return out;
    }

    public List<UnitRecord> childrenOf(UUID parent) {
        return query("SELECT " + COLUMNS + " FROM unit_replica WHERE parent_id = ? ORDER BY name", parent);
    }

    /** The unit and everything under it, parents before children. */
    public List<UnitRecord> subtree(UUID root) {
        return find(root).map(r -> query("SELECT " + COLUMNS + " FROM unit_replica WHERE path LIKE ? ORDER BY depth, name",
                r.path() + "%")).orElse(List.of());
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

    private List<UnitRecord> query(String sql, Object param) {
        List<UnitRecord> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (param instanceof UUID[] arr) {
                ps.setArray(1, c.createArrayOf("uuid", arr));
            } else {
                ps.setObject(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new UnitRecord(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getObject(7, UUID.class), rs.getString(8), rs.getInt(9),
                            rs.getBoolean(10)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the unit replica", e);
        }
        return out;
    }
}
