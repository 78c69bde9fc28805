package vn.actionmonth.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import vn.actionmonth.common.units.UnitDirectory;
import vn.actionmonth.common.units.UnitRecord;
import vn.actionmonth.notification.domain.Deadline;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The deadlines of a unit or of its whole subtree: open, met or overdue. */
@ApplicationScoped
public class DeadlineQueryService {

    /** open: not met and not yet due; overdue: not met and past due; met: submitted or approved. */
    public enum State { OPEN, OVERDUE, MET }

    private final EntityManager em;
    private final UnitDirectory units;
    private final Clock clock;

    public DeadlineQueryService(EntityManager em, UnitDirectory units, Clock clock) {
        this.em = em;
        this.units = units;
        this.clock = clock;
    }

    public record Result(List<Deadline> items, long total, Instant now) {
    }

    public static State stateOf(Deadline d, Instant now) {
        if (d.met()) {
            return State.MET;
        }
        return d.dueAt.isAfter(now) ? State.OPEN : State.OVERDUE;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Result find(UUID unitId, boolean subtree, State state, UUID planId, int page, int size) {
        Instant now = clock.instant();
        StringBuilder where = new StringBuilder(" WHERE d.obligation_status = 'OPEN' AND d.obligation_version >= 0");
        Map<String, Object> params = new LinkedHashMap<>();
        String from = " FROM deadline d";
        if (subtree) {
            String path = units.find(unitId).map(UnitRecord::path).orElse(null);
            if (path == null) {
                return new Result(List.of(), 0, now);
            }
            from += " JOIN unit_replica u ON u.id = d.unit_id";
            where.append(" AND u.path LIKE :path");
            params.put("path", path + "%");
        } else {
            where.append(" AND d.unit_id = :unit");
            params.put("unit", unitId);
        }
        if (state == State.MET) {
            where.append(" AND d.report_status IN ('SUBMITTED', 'APPROVED')");
        } else if (state != null) {
            where.append(" AND d.report_status IN ('NONE', 'RETURNED') AND d.due_at ")
                    .append(state == State.OPEN ? "> :now" : "<= :now");
            params.put("now", now);
        }
        if (planId != null) {
            where.append(" AND d.plan_id = :plan");
            params.put("plan", planId);
        }
        Query count = em.createNativeQuery("SELECT count(*)" + from + where);
        Query list = em.createNativeQuery("SELECT d.*" + from + where + " ORDER BY d.due_at, d.obligation_id", Deadline.class)
                .setFirstResult(page * size).setMaxResults(size);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            list.setParameter(k, v);
        });
        return new Result(list.getResultList(), ((Number) count.getSingleResult()).longValue(), now);
    }
}
