package vn.actionmonth.events.plan;

public record PlanClosed(PlanSummary plan) implements PlanEvent {

    @Override
    public <R, X extends Exception> R on(PlanEvent.Cases<R, X> cases) throws X {
        return cases.closed(this);
    }
}
