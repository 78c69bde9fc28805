package vn.actionmonth.events;

import org.jboss.logging.MDC;

/**
 * The ids that tie log lines, events and notices to the request that caused them: the request's
 * {@code requestId} (set by the HTTP layer for a request, and by the consumer loop from the
 * {@code ce_requestid} header while an event is handled) and the {@code eventId} being handled.
 * Both live in the logging MDC, so every log line carries them.
 */
public final class Correlation {

    public static final String REQUEST_ID = "requestId";
    public static final String EVENT_ID = "eventId";
    /** The CloudEvents extension attribute that carries the request id on Kafka. */
    public static final String HEADER = "ce_requestid";

    private Correlation() {
    }

    /** The request id of what is being done now, or null. */
    public static String requestId() {
        Object id = MDC.get(REQUEST_ID);
        return id == null ? null : id.toString();
    }

    /** Work that may fail, such as an event handler. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /** Runs {@code work} as the handling of one event: its id and its request's id in every log line. */
    public static void during(String eventId, String requestId, Work work) throws Exception {
        Object previousRequest = MDC.get(REQUEST_ID);
        Object previousEvent = MDC.get(EVENT_ID);
        try {
            MDC.put(EVENT_ID, eventId);
            if (requestId != null) {
                MDC.put(REQUEST_ID, requestId);
            } else {
                MDC.remove(REQUEST_ID);
            }
            work.run();
        } finally {
            restore(REQUEST_ID, previousRequest);
            restore(EVENT_ID, previousEvent);
        }
    }

    /** Computes {@code work} on behalf of the request {@code requestId} (null: of none), such as sending its notice. */
    public static <T> T on(String requestId, java.util.function.Supplier<T> work) {
        Object previous = MDC.get(REQUEST_ID);
        try {
            if (requestId != null) {
                MDC.put(REQUEST_ID, requestId);
            } else {
                MDC.remove(REQUEST_ID);
            }
            return work.get();
        } finally {
            restore(REQUEST_ID, previous);
        }
    }

    private static void restore(String key, Object value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
