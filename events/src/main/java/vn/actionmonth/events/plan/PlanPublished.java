package vn.actionmonth.events.plan;

public record PlanPublished(PlanSummary plan) implements PlanEvent {
}
