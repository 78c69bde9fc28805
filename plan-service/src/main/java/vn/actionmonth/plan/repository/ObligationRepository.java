package vn.actionmonth.plan.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.plan.domain.Obligation;
import vn.actionmonth.plan.domain.ObligationStatus;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class ObligationRepository implements PanacheRepositoryBase<Obligation, UUID> {

    // the ids are text cast once in a CTE: a cast inside WHERE would run again for every row
    private static final String TOUCHING = """
            WITH ids AS (SELECT unnest(CAST(:ids AS uuid[])) AS id)
            SELECT o.id FROM obligation o
            WHERE o.status = 'OPEN' AND (o.unit_id IN (SELECT id FROM ids) OR o.recipient_id IN (SELECT id FROM ids)
                                         OR o.via_unit_id IN (SELECT id FROM ids))
            """;
    private static final String WITH_DUTIES = """
            WITH ids AS (SELECT unnest(CAST(:ids AS uuid[])) AS id)
            SELECT o.unit_id FROM obligation o WHERE o.status = 'OPEN' AND o.unit_id IN (SELECT id FROM ids)
            UNION SELECT o.recipient_id FROM obligation o WHERE o.status = 'OPEN' AND o.recipient_id IN (SELECT id FROM ids)
            UNION SELECT o.via_unit_id FROM obligation o WHERE o.status = 'OPEN' AND o.via_unit_id IN (SELECT id FROM ids)
            UNION SELECT r.recipient_id FROM reporting_requirement r JOIN plan p ON p.id = r.plan_id
                  WHERE p.status <> 'CLOSED' AND r.recipient_id IN (SELECT id FROM ids)
            UNION SELECT r.via_unit_id FROM reporting_requirement r JOIN plan p ON p.id = r.plan_id
                  WHERE p.status <> 'CLOSED' AND r.via_unit_id IN (SELECT id FROM ids)
            """;

    private static final String RECEIVING_UNDER = """
            SELECT DISTINCT o.recipient_id FROM obligation o JOIN plan p ON p.id = o.plan_id
            WHERE p.basis_plan_id = :basis AND p.status <> 'DRAFT' AND o.status = 'OPEN'
            UNION
            SELECT DISTINCT o.via_unit_id FROM obligation o JOIN plan p ON p.id = o.plan_id
            WHERE p.basis_plan_id = :basis AND p.status <> 'DRAFT' AND o.status = 'OPEN' AND o.via_unit_id IS NOT NULL
            """;

    public List<Obligation> ofPlan(UUID planId) {
        return list("planId = ?1 order by unitId", planId);
    }

    /**
     * When {@code unitId}'s open obligation of this kind under the plan is due (for the campaign,
     * when given); null when it owes none.
     */
    public java.time.OffsetDateTime dueOf(UUID planId, UUID unitId, vn.actionmonth.plan.domain.RequirementKind kind,
                                          UUID campaignId) {
        return (campaignId == null
                ? find("planId = ?1 and unitId = ?2 and kind = ?3 and status = ?4 order by dueAt", planId, unitId, kind,
                        ObligationStatus.OPEN)
                : find("planId = ?1 and unitId = ?2 and kind = ?3 and status = ?4 and campaignId = ?5 order by dueAt", planId,
                        unitId, kind, ObligationStatus.OPEN, campaignId))
                .firstResultOptional().map(o -> o.dueAt).orElse(null);
    }

    /**
     * The units that receive or consolidate open obligations under issued plans implementing
     * {@code basisId}: what they owe under the basis is their consolidated report up.
     */
    public Set<UUID> receivingUnder(UUID basisId) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery(RECEIVING_UNDER, UUID.class).setParameter("basis", basisId)
                .getResultList();
        return new HashSet<>(ids);
    }

    /** Open obligations owed, received or consolidated by any of the units. */
    public List<Obligation> openTouching(Collection<UUID> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery(TOUCHING, UUID.class)
                .setParameter("ids", uuidArray(unitIds)).getResultList();
        return ids.isEmpty() ? List.of() : list("id in ?1 order by planId, originalUnitId", ids);
    }

    /** The units that owe, receive or consolidate an open obligation, or receive a plan not closed. */
    public Set<UUID> unitsWithDuties(Collection<UUID> unitIds) {
        if (unitIds.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery(WITH_DUTIES, UUID.class)
                .setParameter("ids", uuidArray(unitIds)).getResultList();
        return new HashSet<>(ids);
    }

    /** Ids as a uuid[] literal, cast in the statement. */
    static String uuidArray(Collection<UUID> ids) {
        StringBuilder sb = new StringBuilder("{");
        for (UUID id : ids) {
            sb.append(sb.length() > 1 ? "," : "").append(id);
        }
        return sb.append('}').toString();
    }
}
