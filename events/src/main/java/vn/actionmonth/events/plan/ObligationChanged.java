package vn.actionmonth.events.plan;

/** The due instant, the recipient or the indicator set changed through an amendment. */
public record ObligationChanged(ObligationSnapshot obligation) implements ObligationEvent {
}
