package vn.actionmonth.report.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A reporting obligation as plan.obligations.v1 last described it: unit owes recipient a report by dueAt. */
@Entity
@Table(name = "obligation_replica")
public class ObligationReplica {

    public static final String OPEN = "OPEN";

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "plan_number")
    public String planNumber;

    @Column(name = "campaign_id", nullable = false)
    public UUID campaignId;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Column(name = "recipient_id", nullable = false)
    public UUID recipientId;

    /** The consolidating unit the report passes through ("qua Sở …"), acting for the recipient; null when none. */
    @Column(name = "via_unit_id")
    public UUID viaUnitId;

    @Column(name = "indicator_set_code")
    public String indicatorSetCode;

    @Column(name = "due_at", nullable = false)
    public java.time.OffsetDateTime dueAt;

    @Column(nullable = false)
    public String status;

    /** INTERIM or FINAL: only final reports add to totals and completeness. */
    @Column(nullable = false)
    public String kind;

    /** Units that receive a copy of the report and may read it. */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
    @Column(name = "copy_to_unit_ids", nullable = false)
    public UUID[] copyToUnitIds;

    /** The unit's report up of what it received under plans implementing this one, and its own. */
    @Column(nullable = false)
    public boolean consolidates;

    @Column(nullable = false)
    public long version;

    public boolean isFinal() {
        return !"INTERIM".equals(kind);
    }

    public boolean copiedTo(UUID unitId) {
        return copyToUnitIds != null && java.util.Arrays.asList(copyToUnitIds).contains(unitId);
    }

    public boolean open() {
        return OPEN.equals(status);
    }

    public boolean dueAfter(OffsetDateTime instant) {
        return instant.isBefore(dueAt);
    }
}
