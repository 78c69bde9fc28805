package vn.actionmonth.events.plan;

import vn.actionmonth.events.EventPayload;
import vn.actionmonth.events.Topics;

/** An event on {@link Topics#UNITS}, keyed by unit id, carrying the unit's whole state. */
public interface UnitEvent extends EventPayload {

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
