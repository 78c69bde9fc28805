package vn.actionmonth.events.plan;

import java.time.LocalDate;
import java.util.UUID;

/** The unit reports to a new parent from {@code effectiveFrom}; its descendants get UnitChanged. */
public record UnitMoved(UnitSnapshot unit, UUID fromParentId, UUID toParentId, LocalDate effectiveFrom)
        implements UnitEvent {
}
