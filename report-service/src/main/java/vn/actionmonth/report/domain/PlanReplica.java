package vn.actionmonth.report.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** What report-service knows of a plan, from plan.plans.v1: its campaign and basis plan. */
@Entity
@Table(name = "plan_replica")
public class PlanReplica {

    @Id
    public UUID id;

    public String number;

    public String title;

    @Column(name = "issuer_id")
    public UUID issuerId;

    @Column(name = "campaign_id")
    public UUID campaignId;

    @Column(name = "basis_plan_id")
    public UUID basisPlanId;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int revision;
}
