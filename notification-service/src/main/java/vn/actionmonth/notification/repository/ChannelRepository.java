package vn.actionmonth.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.notification.domain.Channel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class ChannelRepository implements PanacheRepositoryBase<Channel, UUID> {

    public List<Channel> ofUnit(UUID unitId) {
        return list("unitId", Sort.by("type").and("createdAt").and("id"), unitId);
    }

    /** The channels of each of {@code unitIds}, each unit's in the order of {@link #ofUnit(UUID)}. */
    public Map<UUID, List<Channel>> ofUnits(Collection<UUID> unitIds) {
        Map<UUID, List<Channel>> out = new HashMap<>();
        if (unitIds.isEmpty()) {
            return out;
        }
        for (Channel c : list("unitId in ?1", Sort.by("unitId").and("type").and("createdAt").and("id"), unitIds)) {
            out.computeIfAbsent(c.unitId, k -> new ArrayList<>()).add(c);
        }
        return out;
    }

    public boolean exists(UUID unitId, String type, String address) {
        return count("unitId = ?1 and type = ?2 and address = ?3",
                unitId, vn.actionmonth.notification.domain.ChannelType.valueOf(type), address) > 0;
    }
}
