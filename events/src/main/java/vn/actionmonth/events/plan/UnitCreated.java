package vn.actionmonth.events.plan;

public record UnitCreated(UnitSnapshot unit) implements UnitEvent {
}
