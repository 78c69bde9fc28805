package vn.actionmonth.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.common.units.UnitDirectory;
import vn.actionmonth.common.units.UnitRecord;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which units a unit may write to: its subtree, its ancestors and its parent's other children,
 * as the replica of the tree has them. A unit the replica does not know yet is not ruled out
 * (plan-service, which knows the whole tree, checked the plan before publishing it).
 */
@ApplicationScoped
public class UnitReach {

    private final UnitDirectory units;

    public UnitReach(UnitDirectory units) {
        this.units = units;
    }

    /** The units of {@code targets} that lie outside {@code from}'s reach. */
    public Set<UUID> outside(UUID from, Collection<UUID> targets) {
        Set<UUID> ids = new LinkedHashSet<>(targets);
        ids.add(from);
        Map<UUID, UnitRecord> known = units.findAll(ids);
        UnitRecord origin = known.get(from);
        Set<UUID> out = new LinkedHashSet<>();
        if (origin == null) {
            return out;
        }
        for (UUID t : targets) {
            UnitRecord u = known.get(t);
            if (u != null && !within(origin, u)) {
                out.add(t);
            }
        }
        return out;
    }

    static boolean within(UnitRecord from, UnitRecord other) {
        return other.isWithin(from) || from.isWithin(other)
                || (from.parentId() != null && from.parentId().equals(other.parentId()));
    }
}
