package vn.actionmonth.plan.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A plan (Kế hoạch) a unit issues for a campaign. Sections that are only read with the plan are
 * jsonb; the reporting requirements are rows of their own because obligations and rules read them.
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

    /** The campaign; null for a standing plan, which applies to every campaign starting within its validity. */
    @Column(name = "campaign_id")
    public UUID campaignId;

    /** The campaign's year; null for a standing plan. */
    public Integer year;

    /** A standing plan's first day of validity; null for a plan of a campaign. */
    @Column(name = "valid_from")
    public LocalDate validFrom;

    /** The day a standing plan stops applying (exclusive); null until it is replaced. */
    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "basis_plan_id")
    public UUID basisPlanId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "basis_documents", nullable = false)
    public List<String> basisDocuments = new ArrayList<>();

    public String theme;

    /** The plan's period; a standing plan's is each campaign's, unless it gives one. */
    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "period_end")
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

    /** Chế độ báo cáo, in the document's order; obligations are derived per requirement. */
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @JoinColumn(name = "plan_id", insertable = false, updatable = false)
    @OrderBy("position")
    @BatchSize(size = 50)
    public List<Requirement> reporting = new ArrayList<>();

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

    /** A plan that applies to every campaign starting within its validity, rather than to one campaign. */
    public boolean standing() {
        return campaignId == null;
    }

    /** Whether a standing plan applies to a campaign that starts on {@code day}. */
    public boolean appliesFrom(LocalDate day) {
        return standing() && !day.isBefore(validFrom) && (validTo == null || day.isBefore(validTo));
    }
}
