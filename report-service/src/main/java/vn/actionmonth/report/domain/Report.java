package vn.actionmonth.report.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The results report a unit owes for one obligation. {@code figures} is the JSON object of
 * indicator code to value. {@code frozenPath} and {@code scopeIds} are frozen at the first
 * submission: consolidation counts the report along that path and in those scopes for good.
 */
@Entity
@Table(name = "report")
public class Report {

    @Id
    public UUID id;

    @Column(name = "obligation_id", nullable = false)
    public UUID obligationId;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "campaign_id", nullable = false)
    public UUID campaignId;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Column(name = "recipient_id", nullable = false)
    public UUID recipientId;

    @Column(name = "indicator_set_code", nullable = false)
    public String indicatorSetCode;

    @Column(name = "indicator_set_version", nullable = false)
    public int indicatorSetVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReportStatus status;

    @Column(nullable = false)
    public String figures;

    /** INTERIM or FINAL, from the obligation: an interim report adds to no total. */
    @Column(nullable = false)
    public String kind = "FINAL";

    /**
     * A consolidated report up: its own figures plus what the unit had received, frozen at its last
     * submission. Its own figures alone go into the consolidation, so nothing is counted twice.
     */
    @Column(name = "sent_figures")
    public String sentFigures;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    public String results;
    public String difficulties;
    public String proposals;

    /** 0 while never submitted; 1 at the first submission, +1 per resubmission. */
    @Column(nullable = false)
    public int revision;

    @Column(name = "due_at", nullable = false)
    public OffsetDateTime dueAt;

    @Column(name = "first_submitted_at")
    public OffsetDateTime firstSubmittedAt;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    /** Whether the first submission arrived before the deadline (what timeliness counts). */
    @Column(name = "on_time")
    public Boolean onTime;

    @Column(name = "return_reason")
    public String returnReason;

    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;

    @Column(name = "frozen_path")
    public String frozenPath;

    /** Comma-separated: the plan, then its basis plan, and so on up the chain. */
    @Column(name = "scope_ids")
    public String scopeIds;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Version
    @Column(nullable = false)
    public long version;

    public static List<UUID> parseIds(String joined, String separator) {
        List<UUID> out = new ArrayList<>();
        if (joined == null) {
            return out;
        }
        Arrays.stream(joined.split(separator)).filter(s -> !s.isBlank()).forEach(s -> out.add(UUID.fromString(s.trim())));
        return out;
    }
}
