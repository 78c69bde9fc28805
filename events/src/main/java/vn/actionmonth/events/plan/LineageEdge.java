package vn.actionmonth.events.plan;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One row of a reorganisation's lineage: old unit {@code oldUnitId} went, whole ({@code FULL}) or in
 * part ({@code PARTIAL}), into new unit {@code newUnitId}.
 *
 * @param takesOverDuties true for the one successor that inherits the old unit's open obligations
 *                        (the only one when the share is FULL)
 * @param derived         true when the reorganisation did not list the edge but implied it: an
 *                        abolished district goes to the province its communes went to
 * @param allocation      for a PARTIAL edge, the agreed share (0 &lt; a &le; 1) of the old unit's
 *                        figures the new unit takes; null when unknown (figures are then a range)
 */
public record LineageEdge(UUID oldUnitId, UUID newUnitId, String share, boolean takesOverDuties, boolean derived,
                          BigDecimal allocation) {

    public static final String FULL = "FULL";
    public static final String PARTIAL = "PARTIAL";
}
