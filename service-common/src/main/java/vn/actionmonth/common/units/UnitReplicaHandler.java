package vn.actionmonth.common.units;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.events.sql.NamedSql;
import vn.actionmonth.events.EventEnvelope;
import vn.actionmonth.events.EventTypes;
import vn.actionmonth.events.Topics;
import vn.actionmonth.events.inbox.ConsumerBatch;
import vn.actionmonth.events.inbox.EventHandler;
import vn.actionmonth.events.plan.LineageEdge;
import vn.actionmonth.events.plan.UnitEvent;
import vn.actionmonth.events.plan.UnitSnapshot;
import vn.actionmonth.events.plan.UnitSplit;
import vn.actionmonth.events.plan.UnitsMerged;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies unit events to the replica. Every unit event carries the unit's whole state, so the
 * replica keeps the newest version of each unit and the order of events across units does not
 * matter; the writes of one poll go to the database in one batch.
 */
@ApplicationScoped
public class UnitReplicaHandler implements EventHandler {

    /** Keeps the newest version of each unit: an older snapshot arriving late changes nothing. */
    private static final NamedSql UPSERT = NamedSql.of("""
            INSERT INTO unit_replica (id, kind, name, short_name, admin_code, agency_code, parent_id, path, depth, retired,
                                      valid_from, valid_to, parent_history, version, updated_at)
            VALUES (:id, :kind, :name, :shortName, :adminCode, :agencyCode, :parentId, :path, :depth, :retired,
                    :validFrom, :validTo, :parentHistory, :version, now())
            ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, short_name = EXCLUDED.short_name,
                   admin_code = EXCLUDED.admin_code, agency_code = EXCLUDED.agency_code, parent_id = EXCLUDED.parent_id,
                   path = EXCLUDED.path, depth = EXCLUDED.depth, retired = EXCLUDED.retired,
                   valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to,
                   parent_history = EXCLUDED.parent_history, version = EXCLUDED.version, updated_at = now()
             WHERE unit_replica.version < EXCLUDED.version
            """);

    private static final NamedSql LINEAGE = NamedSql.of("""
            INSERT INTO unit_lineage_replica (reorganisation_id, old_unit_id, new_unit_id, share, takes_over_duties, derived,
                                              allocation, effective_from)
            VALUES (:reorganisationId, :oldUnitId, :newUnitId, :share, :takesOverDuties, :derived,
                    CAST(:allocation AS numeric), :effectiveFrom)
            ON CONFLICT (reorganisation_id, old_unit_id, new_unit_id) DO NOTHING
            """);

    private final UnitReplicaConfig config;
    private final ObjectMapper mapper;
    private final AgroalDataSource dataSource;

    public UnitReplicaHandler(UnitReplicaConfig config, ObjectMapper mapper, AgroalDataSource dataSource) {
        this.config = config;
        this.mapper = mapper;
        this.dataSource = dataSource;
    }

    @Override
    public Set<String> topics() {
        return config.enabled() ? Set.of(Topics.UNITS) : Set.of();
    }

    @Override
    public void handle(EventEnvelope event, ConsumerBatch batch) {
        if (!(EventTypes.read(mapper, event.type(), event.data()) instanceof UnitEvent e)) {
            return;
        }
        Pending pending = batch.attachment(UnitReplicaHandler.class, () -> {
            Pending p = new Pending();
            batch.beforeCommit(() -> write(p));
            return p;
        });
        pending.merge(e.unit());
        // the lineage of a reorganisation: each edge comes with the new unit and again with a split old one
        if (e instanceof UnitsMerged m && m.lineage() != null) {
            m.lineage().forEach(l -> pending.lineage.put(l, new Dated(m.reorganisationId(), m.effectiveFrom())));
        } else if (e instanceof UnitSplit s && s.lineage() != null) {
            s.lineage().forEach(l -> pending.lineage.put(l, new Dated(s.reorganisationId(), s.effectiveFrom())));
        }
    }

    private void write(Pending pending) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT.jdbc())) {
            for (UnitSnapshot u : pending.units.values()) {
                UPSERT.bind(ps, NamedSql.params()
                        .uuid("id", u.id())
                        .text("kind", u.kind())
                        .text("name", u.name())
                        .text("shortName", u.shortName())
                        .text("adminCode", u.adminCode())
                        .text("agencyCode", u.agencyCode())
                        .uuid("parentId", u.parentId())
                        .text("path", path(u))
                        .integer("depth", u.ancestorIds() == null ? 0 : u.ancestorIds().size())
                        .bool("retired", u.retired())
                        .date("validFrom", u.validFrom())
                        .date("validTo", u.validTo())
                        .text("parentHistory", mapper.writeValueAsString(
                                u.parentHistory() == null ? java.util.List.of() : u.parentHistory()))
                        .bigint("version", u.version()));
                ps.addBatch();
            }
            ps.executeBatch();
            if (!pending.lineage.isEmpty()) {
                try (PreparedStatement lineage = c.prepareStatement(LINEAGE.jdbc())) {
                    for (Map.Entry<LineageEdge, Dated> entry : pending.lineage.entrySet()) {
                        LineageEdge l = entry.getKey();
                        LINEAGE.bind(lineage, NamedSql.params().uuid("reorganisationId", entry.getValue().reorganisationId())
                                .uuid("oldUnitId", l.oldUnitId()).uuid("newUnitId", l.newUnitId()).text("share", l.share())
                                .bool("takesOverDuties", l.takesOverDuties()).bool("derived", l.derived())
                                .text("allocation", l.allocation() == null ? null : l.allocation().toPlainString())
                                .date("effectiveFrom", entry.getValue().effectiveFrom()));
                        lineage.addBatch();
                    }
                    lineage.executeBatch();
                }
            }
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not update the unit replica", e);
        }
    }

    private record Dated(UUID reorganisationId, java.time.LocalDate effectiveFrom) {
    }

    static String path(UnitSnapshot u) {
        StringBuilder sb = new StringBuilder("/");
        if (u.ancestorIds() != null) {
            for (UUID a : u.ancestorIds()) {
                sb.append(a).append('/');
            }
        }
        return sb.append(u.id()).append('/').toString();
    }

    /** The newest snapshot of each unit seen in the batch. */
    private static final class Pending {
        private final Map<UUID, UnitSnapshot> units = new LinkedHashMap<>();
        private final Map<LineageEdge, Dated> lineage = new LinkedHashMap<>();

        void merge(UnitSnapshot u) {
            units.merge(u.id(), u, (a, b) -> b.version() >= a.version() ? b : a);
        }
    }
}
