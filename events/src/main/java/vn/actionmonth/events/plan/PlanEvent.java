package vn.actionmonth.events.plan;

import vn.actionmonth.events.EventPayload;
import vn.actionmonth.events.Topics;

/**
 * An event on {@link Topics#PLANS}, keyed by plan id, carrying the plan's summary. The kinds are
 * closed: a handler that tells them apart goes through {@link #on(Cases)}, so a kind added here
 * fails to compile wherever it is not handled.
 */
public sealed interface PlanEvent extends EventPayload permits PlanPublished, PlanAmended, PlanClosed {

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

    /** What to do with each kind of plan event. */
    interface Cases<R, X extends Exception> {
        R published(PlanPublished e) throws X;

        R amended(PlanAmended e) throws X;

        R closed(PlanClosed e) throws X;
    }

    /** Calls the case of this event's kind. */
    <R, X extends Exception> R on(Cases<R, X> cases) throws X;
}
