package vn.actionmonth.events.plan;

public record ObligationCancelled(ObligationSnapshot obligation, String reason) implements ObligationEvent {
}
