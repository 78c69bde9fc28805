package vn.actionmonth.plan.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A recorded change of a plan: what it became (the whole plan as JSON), why and by whom. */
@Entity
@Table(name = "plan_revision")
public class PlanRevision {

    public enum Action { CREATED, EDITED, PUBLISHED, AMENDED, CLOSED, REORGANISED }

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(nullable = false)
    public int revision;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    public Action action;

    public String reason;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public OffsetDateTime at;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String snapshot;
}
