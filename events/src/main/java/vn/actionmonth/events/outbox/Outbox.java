package vn.actionmonth.events.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.actionmonth.events.Correlation;
import vn.actionmonth.events.EventPayload;
import vn.actionmonth.events.EventsConfig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Records events in the outbox table inside the caller's transaction: the change and its events
 * commit together or not at all. The relay publishes them afterwards. Each event keeps the id of
 * the request (or event) that caused it ({@link Correlation}).
 *
 * <p>Append after the change itself, so that two transactions on the same thing take their row
 * locks before their outbox sequence numbers and the relay sees them in commit order.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = "INSERT INTO outbox_event "
            + "(id, topic, record_key, type, source, subject, occurred_at, payload, request_id) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final String source;

    public Outbox(AgroalDataSource dataSource, ObjectMapper mapper, EventsConfig config) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.source = "/" + config.service();
    }

    /** Appends one event; returns its id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(EventPayload payload) {
        return appendAll(List.of(payload)).get(0);
    }

    /**
     * The driver keeps every row of a batch until it is sent: an import of 100,000 units would hold
     * all their serialised events at once, more than a service's heap.
     */
    private static final int BATCH = 500;

    /** Appends events in JDBC batches, in the given order; returns their ids. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> appendAll(Collection<? extends EventPayload> payloads) {
        List<UUID> ids = new ArrayList<>(payloads.size());
        if (payloads.isEmpty()) {
            return ids;
        }
        Timestamp now = Timestamp.from(Instant.now());
        String requestId = Correlation.requestId();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (EventPayload p : payloads) {
                UUID id = UUID.randomUUID();
                ps.setObject(1, id);
                ps.setString(2, p.topic());
                ps.setString(3, p.key());
                ps.setString(4, p.type());
                ps.setString(5, source);
                ps.setString(6, p.subject());
                ps.setTimestamp(7, now);
                ps.setString(8, mapper.writeValueAsString(p));
                ps.setString(9, requestId);
                ps.addBatch();
                ids.add(id);
                if (ids.size() % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            if (ids.size() % BATCH != 0) {
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not write to the outbox", e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload is not serialisable", e);
        }
        return ids;
    }
}
