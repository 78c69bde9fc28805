package vn.actionmonth.events.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A unit formed (or continued) by a reorganisation from the old units in {@code lineage}, from
 * {@code effectiveFrom}. Keyed by the new unit, whose whole state it carries; each old unit that
 * ceased gets its own UnitRetired (went whole) or UnitSplit (went in parts).
 *
 * @param sourceIds the old units, in lineage order (the same as {@code lineage}'s old unit ids)
 */
public record UnitsMerged(UnitSnapshot unit, List<UUID> sourceIds, LocalDate effectiveFrom, UUID reorganisationId,
                          List<LineageEdge> lineage) implements UnitEvent {
}
