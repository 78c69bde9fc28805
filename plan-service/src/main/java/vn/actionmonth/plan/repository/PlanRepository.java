package vn.actionmonth.plan.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.plan.domain.Plan;
import vn.actionmonth.plan.domain.PlanStatus;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<Plan, UUID> {

    /** Plans that name {@code basisId} as their basis (the plans implementing it), drafts included. */
    public List<Plan> implementing(UUID basisId) {
        return list("basisPlanId = ?1 order by issueDate, number, id", basisId);
    }

    /** Issued (published or closed) plans that implement {@code basisId}, for coverage. */
    public List<Plan> issuedImplementing(UUID basisId) {
        return list("basisPlanId = ?1 and status <> ?2", basisId, PlanStatus.DRAFT);
    }
}
