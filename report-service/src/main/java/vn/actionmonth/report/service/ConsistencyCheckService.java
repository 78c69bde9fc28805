package vn.actionmonth.report.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.report.config.ReportConfig;
import vn.actionmonth.report.domain.ConsolidationKey;
import vn.actionmonth.report.domain.FigureTotals;
import vn.actionmonth.report.domain.ReportStatus;
import vn.actionmonth.report.repository.ConsistencyCheckRepository;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Recomputes every consolidated figure from the reports themselves and compares it with what the
 * consumer built. Reads everything in one REPEATABLE READ snapshot, so reports and figures are
 * seen at the same instant; reports whose latest event the consumer has not applied yet are
 * counted as {@code pending} (the difference they cause is expected and transient).
 */
@ApplicationScoped
public class ConsistencyCheckService {

    public static final int MAX_LISTED = 100;

    private final ConsistencyCheckRepository snapshots;
    private final IndicatorSetService indicatorSets;
    private final ReportAccess access;
    private final ObjectMapper mapper;
    private final ReportConfig config;

    public ConsistencyCheckService(ConsistencyCheckRepository snapshots, IndicatorSetService indicatorSets,
                                   ReportAccess access, ObjectMapper mapper, ReportConfig config) {
        this.snapshots = snapshots;
        this.access = access;
        this.indicatorSets = indicatorSets;
        this.mapper = mapper;
        this.config = config;
    }

    public record Difference(UUID unitId, UUID scopeId, String indicatorCode, FigureTotals expected, FigureTotals stored) {
    }

    public record Result(int reportsChecked, int figuresChecked, int pending, int differenceCount,
                         List<Difference> differences) {
    }

    /** A country-wide operation: system accounts and admins of a root unit only. */
    public Result run() {
        access.requireCountryWide();
        return snapshots.inSnapshot(this::check);
    }

    private Result check(ConsistencyCheckRepository.Snapshot snapshot) {
        Map<UUID, String> applied = new HashMap<>();
        for (ConsistencyCheckRepository.Applied a : snapshot.applied()) {
            applied.put(a.reportId(), a.revision() + ":" + a.stage() + ":" + a.status());
        }
        int reports = snapshot.finalReportCount();
        // The recomputed figures are held in memory: about 20 per report, unit and scope, which at
        // 100,000 units is more than a service's heap. Above reports-per-pass the units are checked in
        // 16 passes, by the first hex digit of their id, each pass reading the reports again.
        int passes = reports > config.consistency().reportsPerPass() ? 16 : 1;
        TreeMap<ConsolidationKey, Difference> listed = new TreeMap<>();
        int[] count = {0};
        int[] checked = {0};
        int pending = 0;
        for (int pass = 0; pass < passes; pass++) {
            String prefix = passes == 1 ? "" : Character.toString(Character.forDigit(pass, 16));
            Predicate<UUID> inPass = unit -> unit.toString().startsWith(prefix);
            Map<ConsolidationKey, FigureTotals> expected = new HashMap<>();
            int[] pendingInPass = {0};
            snapshot.forEachFinalReport(r -> {
                List<UUID> scopes = new ArrayList<>();
                scopes.add(r.campaignId());
                scopes.addAll(r.scopeIds());
                String state = r.revision() + ":" + (r.status() == ReportStatus.SUBMITTED ? 0 : 1) + ":" + r.status();
                if (!state.equals(applied.get(r.id()))) {
                    pendingInPass[0]++;
                }
                Contributions.add(expected, indicatorSets.get(r.indicatorSetCode(), r.indicatorSetVersion()),
                        figures(r.figures()), r.status(), r.frozenPath(), scopes, 1, inPass);
            });
            pending = pendingInPass[0];
            // The stored figures are streamed and compared one by one, each expected key being removed as
            // it is met: holding the stored ones and the union of keys next to the expected ones does not fit.
            snapshot.forEachFigure(prefix, (k, st) -> {
                checked[0]++;
                FigureTotals e = expected.remove(k);
                compare(k, e == null ? FigureTotals.ZERO : e, st, listed, count);
            });
            for (Map.Entry<ConsolidationKey, FigureTotals> left : expected.entrySet()) {
                checked[0]++;
                compare(left.getKey(), left.getValue(), FigureTotals.ZERO, listed, count);
            }
        }
        return new Result(reports, checked[0], pending, count[0], new ArrayList<>(listed.values()));
    }

    private JsonNode figures(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("consistency check failed to run", e);
        }
    }

    /** Counts a difference and keeps the first {@link #MAX_LISTED} of them in key order. */
    private static void compare(ConsolidationKey k, FigureTotals expected, FigureTotals stored,
                                TreeMap<ConsolidationKey, Difference> listed, int[] count) {
        if (expected.equals(stored)) {
            return;
        }
        count[0]++;
        listed.put(k, new Difference(k.unitId(), k.scopeId(), k.indicatorCode(), expected, stored));
        if (listed.size() > MAX_LISTED) {
            listed.pollLastEntry();
        }
    }
}
