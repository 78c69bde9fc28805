package vn.actionmonth.plan.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.plan.domain.PlanRevision;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RevisionRepository implements PanacheRepositoryBase<PlanRevision, UUID> {

    public List<PlanRevision> ofPlan(UUID planId) {
        return list("planId = ?1 order by at, revision", planId);
    }
}
