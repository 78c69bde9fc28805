package vn.actionmonth.events.plan;

/** A published plan was changed by a recorded amendment. */
public record PlanAmended(PlanSummary plan, String reason) implements PlanEvent {

    @Override
    public <R, X extends Exception> R on(PlanEvent.Cases<R, X> cases) throws X {
        return cases.amended(this);
    }
}
