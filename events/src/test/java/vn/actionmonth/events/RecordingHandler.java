package vn.actionmonth.events;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.MDC;
import vn.actionmonth.events.inbox.ConsumerBatch;
import vn.actionmonth.events.inbox.EventHandler;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Set;

/**
 * Records every event it applies, with the request and event ids the logging context held while it
 * ran; refuses any whose body asks it to ("lastError": "POISON").
 */
@ApplicationScoped
public class RecordingHandler implements EventHandler {

    private final AgroalDataSource dataSource;

    public RecordingHandler(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.DELIVERIES);
    }

    @Override
    public void handle(EventEnvelope event, ConsumerBatch batch) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO applied_event "
                     + "(event_id, record_key, logged_request_id, logged_event_id) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, event.id());
            ps.setString(2, event.key());
            ps.setString(3, Correlation.requestId());
            Object loggedEvent = MDC.get(Correlation.EVENT_ID);
            ps.setString(4, loggedEvent == null ? null : loggedEvent.toString());
            ps.executeUpdate();
        }
        if ("POISON".equals(event.data().path("lastError").asText())) {
            throw new IllegalArgumentException("this event cannot be applied");
        }
    }
}
