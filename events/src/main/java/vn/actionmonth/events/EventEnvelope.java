package vn.actionmonth.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.OffsetDateTime;

/**
 * One event as it travels: the CloudEvents attributes (carried as Kafka headers in the binary
 * content mode, {@code ce_id}, {@code ce_source}...) and the JSON body.
 *
 * @param id      unique per event; consumers apply an id once
 * @param source  the service that emitted it, e.g. {@code /plan-service}
 * @param type    a past-tense fact, e.g. {@code PlanPublished}; names the payload class
 * @param time    when the change committed
 * @param subject what the event is about, e.g. {@code unit/8c0d…}
 * @param topic   the topic it was read from or is bound for
 * @param key     the record key (the id of the thing the event is about)
 * @param data    the JSON body
 */
public record EventEnvelope(String id, String source, String type, OffsetDateTime time, String subject,
                            String topic, String key, JsonNode data) {

    public static final String DATA_CONTENT_TYPE = "application/json";
    public static final String SPEC_VERSION = "1.0";

    /** The body as the payload record its type names. */
    public Object payload(ObjectMapper mapper) {
        return EventTypes.read(mapper, type, data);
    }

    public <T> T payload(ObjectMapper mapper, Class<T> type) {
        return mapper.convertValue(data, type);
    }
}
