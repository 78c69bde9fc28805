package vn.actionmonth.events.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Keyed by the target; each source also gets its own UnitRetired. */
public record UnitsMerged(UnitSnapshot unit, List<UUID> sourceIds, LocalDate effectiveFrom) implements UnitEvent {
}
