package vn.actionmonth.events.plan;

import vn.actionmonth.events.EventPayload;
import vn.actionmonth.events.Topics;

/** An event on {@link Topics#OBLIGATIONS}, keyed by obligation id. */
public interface ObligationEvent extends EventPayload {

    ObligationSnapshot obligation();

    @Override
    default String topic() {
        return Topics.OBLIGATIONS;
    }

    @Override
    default String key() {
        return obligation().id().toString();
    }

    @Override
    default String subject() {
        return "obligation/" + obligation().id();
    }
}
