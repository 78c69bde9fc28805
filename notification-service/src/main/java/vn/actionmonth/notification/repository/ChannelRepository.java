package vn.actionmonth.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.notification.domain.Channel;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ChannelRepository implements PanacheRepositoryBase<Channel, UUID> {

    public List<Channel> ofUnit(UUID unitId) {
        return list("unitId", Sort.by("type").and("createdAt").and("id"), unitId);
    }

    public boolean exists(UUID unitId, String type, String address) {
        return count("unitId = ?1 and type = ?2 and address = ?3",
                unitId, vn.actionmonth.notification.domain.ChannelType.valueOf(type), address) > 0;
    }
}
