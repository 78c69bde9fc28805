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

    private static final String ADDRESSED_TO = """
            WITH ids AS (SELECT unnest(CAST(:ids AS uuid[])) AS id)
            SELECT p.id FROM plan p
            WHERE p.status <> 'CLOSED' AND (p.recipient_id IN (SELECT id FROM ids) OR p.via_unit_id IN (SELECT id FROM ids))
            """;

    /** Plans not closed whose reports go to, or through, any of the units. */
    public List<Plan> addressedTo(java.util.Collection<UUID> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery(ADDRESSED_TO, UUID.class)
                .setParameter("ids", ObligationRepository.uuidArray(unitIds)).getResultList();
        return ids.isEmpty() ? List.of() : list("id in ?1 order by id", ids);
    }
}
