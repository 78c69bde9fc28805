package vn.actionmonth.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.notification.domain.DeliveryAttempt;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeliveryAttemptRepository implements PanacheRepositoryBase<DeliveryAttempt, UUID> {

    public List<DeliveryAttempt> of(UUID notificationId) {
        return list("notificationId", Sort.by("attempt").and("attemptedAt"), notificationId);
    }
}
