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

    /** Published standing plans that apply to a campaign starting on {@code day}. */
    public List<Plan> standingFrom(java.time.LocalDate day) {
        return list("campaignId is null and status = ?1 and validFrom <= ?2 and (validTo is null or validTo > ?2) order by id",
                PlanStatus.PUBLISHED, day);
    }

    /** Issued (published or closed) plans that implement {@code basisId}, for coverage. */
    public List<Plan> issuedImplementing(UUID basisId) {
        return list("basisPlanId = ?1 and status <> ?2", basisId, PlanStatus.DRAFT);
    }

    private static final String ADDRESSED_TO = """
            WITH ids AS (SELECT unnest(CAST(:ids AS uuid[])) AS id)
            SELECT DISTINCT r.plan_id FROM reporting_requirement r JOIN plan p ON p.id = r.plan_id
            WHERE p.status <> 'CLOSED' AND (r.recipient_id IN (SELECT id FROM ids) OR r.via_unit_id IN (SELECT id FROM ids)
                                            OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(r.copy_to_unit_ids) c
                                                       WHERE CAST(c AS uuid) IN (SELECT id FROM ids)))
            """;
    private static final String WITH_RULES = """
            WITH ids AS (SELECT unnest(CAST(:ids AS uuid[])) AS id)
            SELECT DISTINCT p.id FROM plan p JOIN reporting_requirement r ON r.plan_id = p.id
            WHERE p.status = 'PUBLISHED' AND r.unit_rule IS NOT NULL AND p.issuer_id IN (SELECT id FROM ids)
            """;

    private static final String WITH_RULES_IN_TREE = """
            SELECT DISTINCT p.id FROM plan p JOIN reporting_requirement r ON r.plan_id = p.id
                                             JOIN org_unit i ON i.id = p.issuer_id
            WHERE p.status = 'PUBLISHED' AND r.unit_rule IS NOT NULL AND i.path LIKE :prefix
            """;

    /** Published plans issued within the tree at {@code rootPath} with a requirement whose reporting units are given by rule. */
    public List<Plan> withUnitRulesIn(String rootPath) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery(WITH_RULES_IN_TREE, UUID.class)
                .setParameter("prefix", rootPath + "%").getResultList();
        return ids.isEmpty() ? List.of() : list("id in ?1 order by id", ids);
    }

    /** Published plans of any of the issuers with a requirement whose reporting units are given by rule. */
    public List<Plan> withUnitRules(java.util.Collection<UUID> issuerIds) {
        if (issuerIds.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery(WITH_RULES, UUID.class)
                .setParameter("ids", ObligationRepository.uuidArray(issuerIds)).getResultList();
        return ids.isEmpty() ? List.of() : list("id in ?1 order by id", ids);
    }

    /** Plans not closed whose reports go to, through, or in copy to any of the units. */
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
