package vn.actionmonth.events.plan;

import vn.actionmonth.events.EventPayload;
import vn.actionmonth.events.Topics;

/** An event on {@link Topics#PLANS}, keyed by plan id. */
public interface PlanEvent extends EventPayload {

    PlanSummary plan();

    @Override
    default String topic() {
        return Topics.PLANS;
    }

    @Override
    default String key() {
        return plan().id().toString();
    }

    @Override
    default String subject() {
        return "plan/" + plan().id();
    }
}
