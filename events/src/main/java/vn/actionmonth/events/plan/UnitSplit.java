package vn.actionmonth.events.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An old unit that a reorganisation divided between several new units: it ceased on
 * {@code effectiveFrom} (its snapshot is retired) and {@code lineage} names where its parts went
 * and which successor took over its duties. Keyed by the old unit.
 */
public record UnitSplit(UnitSnapshot unit, LocalDate effectiveFrom, UUID reorganisationId, List<LineageEdge> lineage)
        implements UnitEvent {
}
