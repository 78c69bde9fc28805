package vn.actionmonth.plan.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Unit {@code unitId} owes plan {@code planId}'s results report to {@code recipientId} by {@code dueAt}. */
@Entity
@Table(name = "obligation")
public class Obligation {

    public static final String OPEN = "OPEN";
    public static final String CANCELLED = "CANCELLED";

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Column(name = "recipient_id", nullable = false)
    public UUID recipientId;

    @Column(name = "via_unit_id")
    public UUID viaUnitId;

    @Column(name = "indicator_set_code", nullable = false)
    public String indicatorSetCode;

    @Column(name = "due_at", nullable = false)
    public OffsetDateTime dueAt;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public long version;
}
