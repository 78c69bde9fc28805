package vn.actionmonth.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * This service's copy of one reporting obligation and the state of its report: unit
 * {@code unitId} owes plan {@code planId}'s report to {@code recipientId} by {@code dueAt}.
 */
@Entity
@Table(name = "deadline")
public class Deadline extends PanacheEntityBase {

    @Id
    @Column(name = "obligation_id")
    public UUID obligationId;

    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "plan_number")
    public String planNumber;

    @Column(name = "plan_title")
    public String planTitle;

    @Column(name = "campaign_id")
    public UUID campaignId;

    @Column(name = "unit_id")
    public UUID unitId;

    @Column(name = "recipient_id")
    public UUID recipientId;

    /** The consolidating unit the report passes through, which acts for the recipient; null when none. */
    @Column(name = "via_unit_id")
    public UUID viaUnitId;

    /** The unit the plan named, when it differs from {@link #unitId}: a reorganisation handed the obligation over. */
    @Column(name = "original_unit_id")
    public UUID originalUnitId;

    /** True when the reporting unit owes this report in place of a unit that ceased. */
    public boolean handedOver() {
        return originalUnitId != null && !originalUnitId.equals(unitId);
    }

    @Column(name = "due_at")
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "obligation_status")
    public ObligationState obligationStatus;

    @Column(name = "obligation_version")
    public long obligationVersion;

    @Enumerated(EnumType.STRING)
    @Column(name = "report_status")
    public ReportState reportStatus;

    @Column(name = "report_revision")
    public int reportRevision;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "planned_until")
    public Instant plannedUntil;

    @Column(name = "next_step_at")
    public Instant nextStepAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The report is in (submitted or approved). */
    public boolean met() {
        return reportStatus.met();
    }

    /** Still owed: reminders apply. */
    public boolean awaitingReport() {
        return obligationStatus == ObligationState.OPEN && !met();
    }
}
