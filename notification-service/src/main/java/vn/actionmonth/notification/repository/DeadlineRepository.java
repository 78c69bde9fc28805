package vn.actionmonth.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import vn.actionmonth.notification.domain.Deadline;
import vn.actionmonth.notification.domain.ObligationState;
import vn.actionmonth.notification.domain.ReportState;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DeadlineRepository implements PanacheRepositoryBase<Deadline, UUID> {

    /**
     * Deadlines whose next step is due, locked for this transaction. Rows another scheduler (a
     * thread or a replica) holds are skipped: each deadline is planned by one of them at a time.
     */
    @SuppressWarnings("unchecked")
    public List<Deadline> lockDue(Instant now, int limit) {
        return getEntityManager().createNativeQuery("SELECT * FROM deadline WHERE next_step_at <= :now "
                        + "ORDER BY next_step_at LIMIT :limit FOR UPDATE SKIP LOCKED", Deadline.class)
                .setParameter("now", now).setParameter("limit", limit).getResultList();
    }

    /** The deadline, locked against the scheduler while an event changes it. */
    public Optional<Deadline> lock(UUID obligationId) {
        return findByIdOptional(obligationId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Deadlines owed to {@code recipientId} under {@code planId} that are not cancelled. */
    public List<Deadline> owedTo(UUID recipientId, UUID planId) {
        return list("recipientId = ?1 and planId = ?2 and obligationStatus = ?3", recipientId, planId,
                ObligationState.OPEN);
    }


    /** After a policy change, the scheduler recomputes each open deadline's next step on its next run. */
    public int replanCampaign(UUID campaignId) {
        return update("nextStepAt = plannedUntil where campaignId = ?1 and obligationStatus = ?2 "
                + "and reportStatus in ?3 and obligationVersion >= 0", campaignId, ObligationState.OPEN,
                List.of(ReportState.NONE, ReportState.RETURNED));
    }
}
