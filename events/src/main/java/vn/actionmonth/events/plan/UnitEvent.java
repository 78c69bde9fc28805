package vn.actionmonth.events.plan;

import vn.actionmonth.events.EventPayload;
import vn.actionmonth.events.Topics;

/**
 * An event on {@link Topics#UNITS}, keyed by unit id, carrying the unit's whole state: consumers
 * apply every kind alike, as the latest state of its unit.
 */
public sealed interface UnitEvent extends EventPayload permits UnitCreated, UnitChanged, UnitMoved, UnitRetired, UnitsMerged, UnitSplit {

    UnitSnapshot unit();

    @Override
    default String topic() {
        return Topics.UNITS;
    }

    @Override
    default String key() {
        return unit().id().toString();
    }

    @Override
    default String subject() {
        return "unit/" + unit().id();
    }
}
