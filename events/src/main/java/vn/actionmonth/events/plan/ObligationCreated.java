package vn.actionmonth.events.plan;

public record ObligationCreated(ObligationSnapshot obligation) implements ObligationEvent {

    @Override
    public <R, X extends Exception> R on(ObligationEvent.Cases<R, X> cases) throws X {
        return cases.created(this);
    }
}
