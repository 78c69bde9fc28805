package vn.actionmonth.plan.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One reporting requirement of a plan: which units report (listed, by rule, or both), to which
 * unit, through which consolidating unit, with copies to which units, with which indicator set,
 * of which kind and by when. A published plan's obligations are derived per requirement; its id
 * stays the same across amendments, so its obligations follow it.
 */
@Entity
@Table(name = "reporting_requirement")
public class Requirement {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    /** Its place among the plan's requirements, from 0, as the document lists them. */
    @Column(nullable = false)
    public int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequirementKind kind;

    /** The section as written. */
    public String text;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "reporting_unit_ids", nullable = false)
    public List<UUID> reportingUnitIds = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "unit_rule")
    public UnitRule unitRule;

    @Column(name = "recipient_id")
    public UUID recipientId;

    @Column(name = "via_unit_id")
    public UUID viaUnitId;

    /** Units that receive a copy of the reports ("đồng gửi"): they read them, they do not act on them. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "copy_to_unit_ids", nullable = false)
    public List<UUID> copyToUnitIds = new ArrayList<>();

    @Column(name = "indicator_set_code")
    public String indicatorSetCode;

    @Column(name = "due_at")
    public OffsetDateTime dueAt;

    @Column(name = "due_text")
    public String dueText;

    /** The deadline's rule, when the plan gives one instead of a date; dueAt holds what it resolved to. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "due_rule")
    public DueRule dueRule;

    /** How dueAt was resolved from dueRule, e.g. "plan 75/KH-UBND is due before 20/07/2024; less 10 days". */
    @Column(name = "due_resolution")
    public String dueResolution;
}
