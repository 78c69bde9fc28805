package vn.actionmonth.common.testing;

import vn.actionmonth.common.units.UnitDirectory;
import vn.actionmonth.common.units.UnitRecord;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A reporting tree in memory for the plain access-rule tests, and a {@link UnitDirectory} that
 * finds its units: the rules read the replica only through {@code find}. The real replica is tested
 * by each service's consumer tests. Shipped to the services in service-common's test jar.
 */
public final class StandInUnits {

    private final Map<UUID, UnitRecord> units = new HashMap<>();

    /** A unit under {@code parent} (null: a root), its id derived from its name. */
    public UnitRecord unit(UnitRecord parent, String name) {
        UUID id = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        UnitRecord u = new UnitRecord(id, "UNIT", name, null, null, null, parent == null ? null : parent.id(),
                (parent == null ? "/" : parent.path()) + id + "/", parent == null ? 0 : parent.depth() + 1, false);
        units.put(id, u);
        return u;
    }

    /** A directory that knows the units made so far and later. */
    public UnitDirectory directory() {
        return new UnitDirectory(null) {
            @Override
            public Optional<UnitRecord> find(UUID id) {
                return Optional.ofNullable(units.get(id));
            }
        };
    }
}
