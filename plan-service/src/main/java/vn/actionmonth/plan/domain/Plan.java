package vn.actionmonth.plan.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A plan (Kế hoạch) a unit issues for a campaign. Sections that are only read with the plan are
 * jsonb; the reporting requirement has columns because obligations and rules read it.
 */
@Entity
@Table(name = "plan")
public class Plan {

    @Id
    public UUID id;

    /** As written, e.g. "75/KH-UBND"; drafts and many real documents leave the number blank ("/KH-UBND"). */
    public String number;

    @Column(nullable = false)
    public String title;

    @Column(name = "issuer_id", nullable = false)
    public UUID issuerId;

    @Column(name = "issue_date")
    public LocalDate issueDate;

    @Column(name = "issue_place")
    public String issuePlace;

    /** The place-and-date line as written, e.g. "Lai Châu, ngày tháng năm 2024" (often left incomplete). */
    @Column(name = "date_line")
    public String dateLine;

    @Column(name = "campaign_id", nullable = false)
    public UUID campaignId;

    @Column(nullable = false)
    public int year;

    @Column(name = "basis_plan_id")
    public UUID basisPlanId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "basis_documents", nullable = false)
    public List<String> basisDocuments = new ArrayList<>();

    public String theme;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;

    public String objectives;
    public String requirements;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> messages = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Activity> activities = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Assignment> assignments = new ArrayList<>();

    @Column(name = "reporting_text")
    public String reportingText;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "reporting_unit_ids", nullable = false)
    public List<UUID> reportingUnitIds = new ArrayList<>();

    @Column(name = "recipient_id")
    public UUID recipientId;

    @Column(name = "via_unit_id")
    public UUID viaUnitId;

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

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> recipients = new ArrayList<>();

    @Column(name = "signer_name")
    public String signerName;

    @Column(name = "signer_title")
    public String signerTitle;

    /** What the rules warned about when the plan was last written. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<PlanWarning> warnings = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanStatus status;

    /** 0 while a draft, 1 when published, +1 per amendment. */
    @Column(nullable = false)
    public int revision;

    @Column(nullable = false)
    public long version;
}
