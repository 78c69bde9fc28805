package vn.actionmonth.events.inbox;

import vn.actionmonth.events.EventEnvelope;

import java.util.Set;

/**
 * Applies events of some topics to the service's database. A CDI bean implementing this is found
 * by the consumer loop; the loop subscribes to the union of all handlers' topics.
 */
public interface EventHandler {

    /** The topics this handler reads. */
    Set<String> topics();

    /**
     * Applies one event inside the consumer's database transaction; the inbox row that marks the
     * event applied commits with it. Throw to refuse it: after retries it goes to the dead-letter
     * topic. Events of a type the handler does not know should be ignored, not refused.
     */
    void handle(EventEnvelope event, ConsumerBatch batch) throws Exception;
}
