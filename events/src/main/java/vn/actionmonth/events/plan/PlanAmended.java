package vn.actionmonth.events.plan;

/** A published plan was changed by a recorded amendment. */
public record PlanAmended(PlanSummary plan, String reason) implements PlanEvent {
}
