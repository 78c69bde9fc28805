package vn.actionmonth.events.plan;

public record PlanPublished(PlanSummary plan) implements PlanEvent {

    @Override
    public <R, X extends Exception> R on(PlanEvent.Cases<R, X> cases) throws X {
        return cases.published(this);
    }
}
