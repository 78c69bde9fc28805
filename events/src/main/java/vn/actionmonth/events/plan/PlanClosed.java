package vn.actionmonth.events.plan;

public record PlanClosed(PlanSummary plan) implements PlanEvent {
}
