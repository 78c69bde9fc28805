package vn.actionmonth.events.inbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.events.EventEnvelope;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The record of events a consumer has applied, written in the same transaction as their effects. */
@ApplicationScoped
public class Inbox {

    private static final String CLAIM = "INSERT INTO inbox_event (consumer, event_id, topic, type, outcome) "
            + "SELECT ?, t.id, t.topic, t.type, ? FROM unnest(?::varchar[], ?::varchar[], ?::varchar[]) AS t(id, topic, type) "
            + "ON CONFLICT DO NOTHING RETURNING event_id";

    private final AgroalDataSource dataSource;

    public Inbox(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Marks the events applied and returns the ids that were not applied before: only those may be applied now. */
    public Set<String> claim(String consumer, List<EventEnvelope> events) throws SQLException {
        return record(consumer, events, "APPLIED");
    }

    public void recordDeadLettered(String consumer, EventEnvelope event) throws SQLException {
        record(consumer, List.of(event), "DEAD_LETTERED");
    }

    private Set<String> record(String consumer, List<EventEnvelope> events, String outcome) throws SQLException {
        Set<String> fresh = new HashSet<>();
        if (events.isEmpty()) {
            return fresh;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setString(1, consumer);
            ps.setString(2, outcome);
            ps.setArray(3, c.createArrayOf("varchar", events.stream().map(EventEnvelope::id).toArray()));
            ps.setArray(4, c.createArrayOf("varchar", events.stream().map(EventEnvelope::topic).toArray()));
            ps.setArray(5, c.createArrayOf("varchar", events.stream().map(EventEnvelope::type).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getString(1));
                }
            }
        }
        return fresh;
    }
}
