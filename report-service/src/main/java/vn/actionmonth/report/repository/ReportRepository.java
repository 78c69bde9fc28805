package vn.actionmonth.report.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.report.domain.Report;
import vn.actionmonth.report.domain.ReportStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ReportRepository implements PanacheRepositoryBase<Report, UUID> {

    public Optional<Report> findByObligation(UUID obligationId) {
        return find("obligationId", obligationId).firstResultOptional();
    }

    /**
     * Reports matching the filters; {@code subtreePath} (a unit path prefix) limits them to a
     * caller's subtree, {@code orRecipient} also lets in reports sent to the caller's unit.
     */
    public PanacheQuery<Report> search(UUID plan, UUID unit, ReportStatus status, String subtreePath, UUID orRecipient) {
        List<String> where = new ArrayList<>();
        Parameters p = new Parameters();
        if (plan != null) {
            where.add("planId = :plan");
            p.and("plan", plan);
        }
        if (unit != null) {
            where.add("unitId = :unit");
            p.and("unit", unit);
        }
        if (status != null) {
            where.add("status = :status");
            p.and("status", status);
        }
        if (subtreePath != null) {
            where.add("(unitId IN (SELECT u.id FROM UnitReplicaView u WHERE u.path LIKE :subtree) OR recipientId = :recipient "
                    + "OR obligationId IN (SELECT o.id FROM ObligationReplica o WHERE o.viaUnitId = :recipient))");
            p.and("subtree", subtreePath + "%").and("recipient", orRecipient);
        }
        String q = where.isEmpty() ? "1 = 1" : String.join(" AND ", where);
        return find(q, Sort.by("updatedAt", Sort.Direction.Descending).and("id"), p);
    }

    /**
     * The received reports that count under plan {@code planId} (itself or a plan under it) and
     * concern unit U: its own, and those sent to it, for the narrative of its results report.
     */
    public List<Report> receivedUnder(UUID planId, UUID unitId) {
        return list("(unitId = ?1 or recipientId = ?1) and status in ?2 and scopeIds like ?3",
                Sort.by("submittedAt").and("id"), unitId, List.of(ReportStatus.SUBMITTED, ReportStatus.APPROVED),
                "%" + planId + "%");
    }
}
