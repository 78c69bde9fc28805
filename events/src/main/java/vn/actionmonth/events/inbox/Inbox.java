package vn.actionmonth.events.inbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.events.EventEnvelope;
import vn.actionmonth.events.sql.NamedSql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static vn.actionmonth.events.sql.NamedSql.params;

/** The record of events a consumer has applied, written in the same transaction as their effects. */
@ApplicationScoped
public class Inbox {

    /** What became of an event; the table's check constraint names the same two. */
    private enum Outcome { APPLIED, DEAD_LETTERED }

    /** One row per event, the three arrays read side by side; an event seen before is skipped, not returned. */
    private static final NamedSql CLAIM = NamedSql.of("""
            INSERT INTO inbox_event (consumer, event_id, topic, type, outcome)
            SELECT :consumer, t.id, t.topic, t.type, :outcome
              FROM unnest(:ids, :topics, :types) AS t(id, topic, type)
            ON CONFLICT DO NOTHING
            RETURNING event_id
            """);

    private final AgroalDataSource dataSource;

    public Inbox(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Marks the events applied and returns the ids that were not applied before: only those may be applied now. */
    public Set<String> claim(String consumer, List<EventEnvelope> events) throws SQLException {
        return record(consumer, events, Outcome.APPLIED);
    }

    public void recordDeadLettered(String consumer, EventEnvelope event) throws SQLException {
        record(consumer, List.of(event), Outcome.DEAD_LETTERED);
    }

    private Set<String> record(String consumer, List<EventEnvelope> events, Outcome outcome) throws SQLException {
        Set<String> fresh = new HashSet<>();
        if (events.isEmpty()) {
            return fresh;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = CLAIM.prepare(c, params()
                     .text("consumer", consumer)
                     .name("outcome", outcome)
                     .texts("ids", events.stream().map(EventEnvelope::id).toList())
                     .texts("topics", events.stream().map(EventEnvelope::topic).toList())
                     .texts("types", events.stream().map(EventEnvelope::type).toList()));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                fresh.add(rs.getString("event_id"));
            }
        }
        return fresh;
    }
}
