package vn.actionmonth.plan.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Unit {@code unitId} owes plan {@code planId}'s results report to {@code recipientId} by {@code dueAt}.
 * One per plan and unit the plan named ({@code originalUnitId}).
 */
@Entity
@Table(name = "obligation")
public class Obligation {

    public static final String OPEN = "OPEN";
    public static final String CANCELLED = "CANCELLED";

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    /** Who owes it now: the unit the plan named, or its successor once a reorganisation handed it over. */
    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    /** The unit the plan named. */
    @Column(name = "original_unit_id", nullable = false)
    public UUID originalUnitId;

    /** The day a reorganisation handed the obligation to {@link #unitId}; null while the named unit owes it. */
    @Column(name = "handed_over_on")
    public java.time.LocalDate handedOverOn;

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
