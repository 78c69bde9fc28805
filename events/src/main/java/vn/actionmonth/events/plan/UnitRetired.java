package vn.actionmonth.events.plan;

import java.time.LocalDate;

public record UnitRetired(UnitSnapshot unit, LocalDate effectiveTo) implements UnitEvent {
}
