package vn.actionmonth.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.common.problem.Problems;
import vn.actionmonth.common.units.UnitDirectory;
import vn.actionmonth.common.units.UnitRecord;
import vn.actionmonth.events.report.Completeness;
import vn.actionmonth.report.domain.ReportStatus;
import vn.actionmonth.report.repository.CompletenessRepository;
import vn.actionmonth.report.repository.CompletenessRepository.Owed;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Completeness and timeliness of a unit's subtree for a plan (with its sub-plans) or a campaign:
 * owed = open obligations; received = submitted or approved; on time = first submitted before the
 * deadline; late = received after it; missing = owed and not received.
 */
@ApplicationScoped
public class CompletenessService {

    public enum Level { CHILDREN, SUBTREE }

    private final CompletenessRepository repository;
    private final UnitDirectory units;
    private final Clock clock;

    public CompletenessService(CompletenessRepository repository, UnitDirectory units, Clock clock) {
        this.repository = repository;
        this.units = units;
        this.clock = clock;
    }

    /** A unit that owes a report, with where its report stands. */
    public record Entry(UUID unitId, String unitName, UUID obligationId, UUID reportId, OffsetDateTime dueAt,
                        OffsetDateTime submittedAt, boolean overdue) {
    }

    public record Result(UUID unitId, UUID scopeId, Completeness subtree, int childrenOwed, int childrenReported,
                         List<Entry> late, List<Entry> missing) {
    }

    public Result compute(UUID unitId, UUID scopeId, boolean campaign, Level level) {
        UnitRecord unit = units.find(unitId).orElseThrow(() -> Problems.notFound("unit", unitId));
        List<Owed> owed = repository.owed(unit.path(), scopeId, campaign);
        OffsetDateTime now = OffsetDateTime.now(clock);
        int received = 0;
        int onTime = 0;
        Set<UUID> childrenOwing = new HashSet<>();
        Set<UUID> childrenReporting = new HashSet<>();
        List<Entry> late = new java.util.ArrayList<>();
        List<Entry> missing = new java.util.ArrayList<>();
        for (Owed o : owed) {
            boolean isReceived = o.status() != null && ReportStatus.valueOf(o.status()).received();
            boolean child = unitId.equals(parentOnPath(o.path()));
            boolean listed = level == Level.SUBTREE || child;
            if (child) {
                childrenOwing.add(o.unitId());
            }
            if (isReceived) {
                received++;
                if (child) {
                    childrenReporting.add(o.unitId());
                }
                if (Boolean.TRUE.equals(o.onTime())) {
                    onTime++;
                } else if (listed) {
                    late.add(entry(o, now));
                }
            } else if (listed) {
                missing.add(entry(o, now));
            }
        }
        Completeness c = new Completeness(owed.size(), received, onTime, received - onTime, owed.size() - received);
        return new Result(unitId, scopeId, c, childrenOwing.size(), childrenReporting.size(), late, missing);
    }

    private static Entry entry(Owed o, OffsetDateTime now) {
        boolean overdue = o.firstSubmittedAt() == null ? !now.isBefore(o.dueAt()) : !o.firstSubmittedAt().isBefore(o.dueAt());
        return new Entry(o.unitId(), o.unitName(), o.obligationId(), o.reportId(), o.dueAt(), o.firstSubmittedAt(), overdue);
    }

    /** The second-to-last id of '/root/…/parent/unit/'; null for the root or an unknown unit. */
    static UUID parentOnPath(String path) {
        if (path == null) {
            return null;
        }
        String[] parts = path.split("/");
        List<String> ids = java.util.Arrays.stream(parts).filter(s -> !s.isEmpty()).toList();
        return ids.size() < 2 ? null : UUID.fromString(ids.get(ids.size() - 2));
    }
}
