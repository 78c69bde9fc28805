package vn.actionmonth.plan.domain;

public enum PlanStatus {
    DRAFT, PUBLISHED, CLOSED
}
