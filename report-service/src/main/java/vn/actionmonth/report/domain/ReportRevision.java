package vn.actionmonth.report.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One change of a report (created, updated, submitted, returned, approved): its history, never rewritten. */
@Entity
@Table(name = "report_revision")
public class ReportRevision {

    public enum Action { CREATED, UPDATED, SUBMITTED, RETURNED, APPROVED }

    @Id
    public UUID id;

    @Column(name = "report_id", nullable = false)
    public UUID reportId;

    @Column(nullable = false)
    public int seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Action action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReportStatus status;

    @Column(nullable = false)
    public int revision;

    @Column(nullable = false)
    public String figures;

    public String results;
    public String difficulties;
    public String proposals;
    public String reason;

    @Column(name = "on_time")
    public Boolean onTime;

    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_unit", nullable = false)
    public UUID actorUnit;

    @Column(nullable = false)
    public OffsetDateTime at;

    public static ReportRevision of(Report r, int seq, Action action, String actor, UUID actorUnit, OffsetDateTime at) {
        ReportRevision h = new ReportRevision();
        h.id = UUID.randomUUID();
        h.reportId = r.id;
        h.seq = seq;
        h.action = action;
        h.status = r.status;
        h.revision = r.revision;
        h.figures = r.figures;
        h.results = r.results;
        h.difficulties = r.difficulties;
        h.proposals = r.proposals;
        h.actor = actor;
        h.actorUnit = actorUnit;
        h.at = at;
        return h;
    }
}
