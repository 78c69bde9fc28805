package vn.actionmonth.events.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import vn.actionmonth.events.Correlation;
import vn.actionmonth.events.EventEnvelope;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

/** The CloudEvents Kafka protocol binding, binary content mode: attributes in {@code ce_*} headers. */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }

    public static ProducerRecord<String, byte[]> toRecord(EventEnvelope e, byte[] body) {
        return toRecord(e, body, null);
    }

    /** With the id of the request that caused the event, as the {@code ce_requestid} extension attribute. */
    public static ProducerRecord<String, byte[]> toRecord(EventEnvelope e, byte[] body, String requestId) {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(e.topic(), e.key(), body);
        Headers h = r.headers();
        put(h, SPEC_VERSION, EventEnvelope.SPEC_VERSION);
        put(h, ID, e.id());
        put(h, SOURCE, e.source());
        put(h, TYPE, e.type());
        put(h, TIME, e.time().toString());
        if (e.subject() != null) {
            put(h, SUBJECT, e.subject());
        }
        put(h, CONTENT_TYPE, EventEnvelope.DATA_CONTENT_TYPE);
        if (requestId != null) {
            put(h, Correlation.HEADER, requestId);
        }
        return r;
    }

    /** Reads an envelope; throws {@link MalformedEventException} when a required part is missing or bad. */
    public static EventEnvelope fromRecord(ConsumerRecord<String, byte[]> r, ObjectMapper mapper) {
        String id = required(r, ID);
        String type = required(r, TYPE);
        String source = required(r, SOURCE);
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(required(r, TIME));
        } catch (java.time.format.DateTimeParseException ex) {
            throw new MalformedEventException("ce_time is not an RFC 3339 instant", ex);
        }
        if (r.value() == null) {
            throw new MalformedEventException("event " + id + " has no body", null);
        }
        try {
            return new EventEnvelope(id, source, type, time, value(r.headers(), SUBJECT), r.topic(), r.key(),
                    mapper.readTree(r.value()));
        } catch (IOException ex) {
            throw new MalformedEventException("event " + id + " body is not JSON", ex);
        }
    }

    public static String value(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String required(ConsumerRecord<String, byte[]> r, String name) {
        String v = value(r.headers(), name);
        if (v == null || v.isBlank()) {
            throw new MalformedEventException("header " + name + " is missing", null);
        }
        return v;
    }

    private static void put(Headers h, String name, String value) {
        h.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
