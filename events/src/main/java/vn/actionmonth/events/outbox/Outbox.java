package vn.actionmonth.events.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.actionmonth.events.Correlation;
import vn.actionmonth.events.EventPayload;
import vn.actionmonth.events.EventsConfig;
import vn.actionmonth.events.sql.NamedSql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import static vn.actionmonth.events.sql.NamedSql.params;

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

    private static final NamedSql INSERT = NamedSql.of("""
            INSERT INTO outbox_event (id, topic, record_key, type, source, subject, occurred_at, payload, request_id)
            VALUES (:id, :topic, :key, :type, :source, :subject, :occurredAt, :payload, :requestId)
            """);

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
        Instant now = Instant.now();
        String requestId = Correlation.requestId();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT.jdbc())) {
            for (EventPayload p : payloads) {
                UUID id = UUID.randomUUID();
                INSERT.bind(ps, params()
                        .uuid("id", id)
                        .text("topic", p.topic())
                        .text("key", p.key())
                        .text("type", p.type())
                        .text("source", source)
                        .text("subject", p.subject())
                        .instant("occurredAt", now)
                        .text("payload", mapper.writeValueAsString(p))
                        .text("requestId", requestId));
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
