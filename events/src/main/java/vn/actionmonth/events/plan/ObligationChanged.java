package vn.actionmonth.events.plan;

/** The due instant, the recipient or the indicator set changed through an amendment. */
public record ObligationChanged(ObligationSnapshot obligation) implements ObligationEvent {

    @Override
    public <R, X extends Exception> R on(ObligationEvent.Cases<R, X> cases) throws X {
        return cases.changed(this);
    }
}
