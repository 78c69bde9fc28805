package vn.actionmonth.events.plan;

import vn.actionmonth.events.EventPayload;
import vn.actionmonth.events.Topics;

/**
 * An event on {@link Topics#OBLIGATIONS}, keyed by obligation id, carrying the obligation's whole
 * state. The kinds are closed: a handler that tells them apart goes through {@link #on(Cases)}, so a
 * kind added here fails to compile wherever it is not handled.
 */
public sealed interface ObligationEvent extends EventPayload permits ObligationCreated, ObligationChanged, ObligationCancelled {

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

    /** What to do with each kind of obligation event. */
    interface Cases<R, X extends Exception> {
        R created(ObligationCreated e) throws X;

        R changed(ObligationChanged e) throws X;

        R cancelled(ObligationCancelled e) throws X;
    }

    /** Calls the case of this event's kind. */
    <R, X extends Exception> R on(Cases<R, X> cases) throws X;
}
