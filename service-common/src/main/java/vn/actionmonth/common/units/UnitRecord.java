package vn.actionmonth.common.units;

import java.util.List;
import java.util.UUID;

/**
 * A unit as the replica knows it.
 *
 * @param path  '/<root>/…/<parent>/<id>/'
 * @param depth 0 for the root
 */
public record UnitRecord(UUID id, String kind, String name, String shortName, String adminCode, String agencyCode,
                         UUID parentId, String path, int depth, boolean retired) {

    /** Ancestors from the root down to the parent. */
    public List<UUID> ancestorIds() {
        return UnitPath.ancestorIds(path);
    }

    /** Whether this unit is {@code other} or lies under it. */
    public boolean isWithin(UnitRecord other) {
        return UnitPath.isWithin(path, other.path);
    }
}
