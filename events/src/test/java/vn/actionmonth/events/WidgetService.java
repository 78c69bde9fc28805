package vn.actionmonth.events;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.actionmonth.events.outbox.Outbox;
import vn.actionmonth.events.plan.UnitChanged;
import vn.actionmonth.events.plan.UnitSnapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** A stand-in for a service: changes a row and records its event in the same transaction. */
@ApplicationScoped
public class WidgetService {

    private final AgroalDataSource dataSource;
    private final Outbox outbox;

    public WidgetService(AgroalDataSource dataSource, Outbox outbox) {
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    @Transactional
    public UUID rename(UUID unitId, String name, long version, boolean failAfterwards) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO widget (id, name) VALUES (?, ?) "
                     + "ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name")) {
            ps.setObject(1, unitId);
            ps.setString(2, name);
            ps.executeUpdate();
        }
        UUID eventId = outbox.append(new UnitChanged(snapshot(unitId, name, version)));
        if (failAfterwards) {
            throw new IllegalStateException("the change fails after its event was recorded");
        }
        return eventId;
    }

    @Transactional
    public List<UUID> appendMany(List<UnitChanged> events) {
        return outbox.appendAll(events);
    }

    public String nameOf(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT name FROM widget WHERE id = ?")) {
            ps.setObject(1, id);
            var rs = ps.executeQuery();
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static UnitSnapshot snapshot(UUID id, String name, long version) {
        return new UnitSnapshot(id, "COMMUNE", name, null, "23305", null, null, List.of(), List.of(), null, null,
                false, version);
    }
}
