package vn.actionmonth.plan.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Unit {@code unitId} owes plan {@code planId}'s results report to {@code recipientId} by {@code dueAt}.
 * One per requirement of the plan and unit it named ({@code originalUnitId}).
 */
@Entity
@Table(name = "obligation")
public class Obligation {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    /** The campaign it is owed for: its plan's, or for a standing plan, each campaign it applies to. */
    @Column(name = "campaign_id", nullable = false)
    public UUID campaignId;

    /** Who owes it now: the unit the plan named, or its successor once a reorganisation handed it over. */
    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    /** The unit the plan named. */
    @Column(name = "original_unit_id", nullable = false)
    public UUID originalUnitId;

    /** The day a reorganisation handed the obligation to {@link #unitId}; null while the named unit owes it. */
    @Column(name = "handed_over_on")
    public java.time.LocalDate handedOverOn;

    /** The requirement that gave it; null once an amendment removed that requirement (the obligation is cancelled). */
    @Column(name = "requirement_id")
    public UUID requirementId;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    public RequirementKind kind;

    /**
     * The unit receives reports under a plan implementing this one: what it owes here is its
     * consolidated report up (its own figures and what it received).
     */
    @Column(nullable = false)
    public boolean consolidates;

    @Column(name = "recipient_id", nullable = false)
    public UUID recipientId;

    @Column(name = "via_unit_id")
    public UUID viaUnitId;

    @Column(name = "indicator_set_code", nullable = false)
    public String indicatorSetCode;

    @Column(name = "due_at", nullable = false)
    public OffsetDateTime dueAt;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    public ObligationStatus status;

    @Column(nullable = false)
    public long version;
}
