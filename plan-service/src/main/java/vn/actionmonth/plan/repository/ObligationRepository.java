package vn.actionmonth.plan.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.plan.domain.Obligation;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ObligationRepository implements PanacheRepositoryBase<Obligation, UUID> {

    public List<Obligation> ofPlan(UUID planId) {
        return list("planId = ?1 order by unitId", planId);
    }
}
