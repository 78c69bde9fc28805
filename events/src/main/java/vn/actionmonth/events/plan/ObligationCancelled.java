package vn.actionmonth.events.plan;

public record ObligationCancelled(ObligationSnapshot obligation, String reason) implements ObligationEvent {

    @Override
    public <R, X extends Exception> R on(ObligationEvent.Cases<R, X> cases) throws X {
        return cases.cancelled(this);
    }
}
