package vn.actionmonth.events.plan;

/** Names, codes, validity or the reporting path changed (the latter when an ancestor moved). */
public record UnitChanged(UnitSnapshot unit) implements UnitEvent {
}
