package vn.actionmonth.events.plan;

public record ObligationCreated(ObligationSnapshot obligation) implements ObligationEvent {
}
