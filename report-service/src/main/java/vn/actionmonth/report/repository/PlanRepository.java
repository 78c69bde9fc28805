package vn.actionmonth.report.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import vn.actionmonth.report.domain.PlanReplica;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<PlanReplica, UUID> {

    /**
     * The plan and its basis plans up to the top (e.g. ward plan, district plan, province plan,
     * ministry guidance), in one recursive query; just the plan when its replica has not arrived.
     *
     * <p>Plan replicas are written only by the plan-event consumer, in transactions of its own, so
     * nothing pending in the caller's session can change this answer: the query runs without the
     * flush Hibernate otherwise makes before a native query (for a submission, an extra UPDATE of
     * the report before the one at commit).
     */
    @SuppressWarnings("unchecked")
    public List<UUID> basisChain(UUID planId) {
        List<Object> rows = getEntityManager().createNativeQuery(
                        "WITH RECURSIVE chain(id, basis, depth) AS ("
                                + " SELECT id, basis_plan_id, 0 FROM plan_replica WHERE id = :plan"
                                + " UNION ALL SELECT p.id, p.basis_plan_id, c.depth + 1 FROM plan_replica p"
                                + " JOIN chain c ON p.id = c.basis WHERE c.depth < 20)"
                                + " SELECT id FROM chain ORDER BY depth")
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("plan", planId).getResultList();
        List<UUID> out = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        out.add(planId);
        seen.add(planId);
        for (Object r : rows) {
            UUID id = UUID.fromString(r.toString());
            if (seen.add(id)) {
                out.add(id);
            }
        }
        return out;
    }
}
