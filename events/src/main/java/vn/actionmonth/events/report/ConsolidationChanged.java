package vn.actionmonth.events.report;

import vn.actionmonth.events.EventPayload;
import vn.actionmonth.events.Topics;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * The consolidated figures of a unit for a plan moved. Published at most once per unit and plan
 * per rate-limit window, carrying the latest state, for the plans the unit works under (issued by
 * the unit or a unit above it), and only for units that other units report to: a unit with none
 * under it has its own report as its consolidation, and ReportSubmitted carries that.
 *
 * @param figures                 indicator code to consolidated value (submitted and approved reports)
 * @param subtree                 completeness of the unit's whole subtree
 * @param childrenOwed            direct children that owe a report for this plan
 * @param childrenReported        of those, how many have submitted
 */
public record ConsolidationChanged(UUID unitId, UUID planId, UUID campaignId, Map<String, Object> figures,
                                   Completeness subtree, int childrenOwed, int childrenReported,
                                   OffsetDateTime asOf) implements EventPayload {

    public boolean allChildrenReported() {
        return childrenOwed > 0 && childrenReported >= childrenOwed;
    }

    @Override
    public String topic() {
        return Topics.CONSOLIDATIONS;
    }

    @Override
    public String key() {
        return unitId + ":" + planId;
    }

    @Override
    public String subject() {
        return "consolidation/" + unitId + "/" + planId;
    }
}
