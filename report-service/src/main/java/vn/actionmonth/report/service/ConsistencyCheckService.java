package vn.actionmonth.report.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.report.config.ReportConfig;
import vn.actionmonth.report.domain.ConsolidationKey;
import vn.actionmonth.report.domain.FigureTotals;
import vn.actionmonth.report.domain.IndicatorSet;
import vn.actionmonth.report.domain.ReportStatus;
import vn.actionmonth.report.domain.RowDeltas;
import vn.actionmonth.report.domain.UnitScope;
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
        // The recomputed rows are held in memory: a row per unit of each report's path and scope,
        // which at 100,000 units is more than a service's heap. Above reports-per-pass the units are
        // checked in 16 passes, by the first hex digit of their id, each pass reading the reports again.
        int passes = reports > config.consistency().reportsPerPass() ? 16 : 1;
        Differences found = new Differences(snapshot);
        int pending = 0;
        for (int pass = 0; pass < passes; pass++) {
            String prefix = passes == 1 ? "" : Character.toString(Character.forDigit(pass, 16));
            Predicate<UUID> inPass = unit -> unit.toString().startsWith(prefix);
            RowDeltas expected = new RowDeltas();
            int[] pendingInPass = {0};
            snapshot.forEachFinalReport(r -> {
                List<UUID> scopes = new ArrayList<>();
                scopes.add(r.campaignId());
                scopes.addAll(r.scopeIds());
                String state = r.revision() + ":" + (r.status() == ReportStatus.SUBMITTED ? 0 : 1) + ":" + r.status();
                if (!state.equals(applied.get(r.id()))) {
                    pendingInPass[0]++;
                }
                IndicatorSet set = indicatorSets.get(r.indicatorSetCode(), r.indicatorSetVersion());
                Contributions.add(expected, set, snapshot.slots(set), figures(r.figures()), r.status(), r.frozenPath(),
                        scopes, 1, inPass);
            });
            pending = pendingInPass[0];
            // The stored rows are streamed and compared one by one, each expected row being removed as
            // it is met: holding the stored ones next to the expected ones does not fit.
            snapshot.forEachRow(prefix, (key, stored) -> found.compare(key, expected.remove(key), stored));
            for (Map.Entry<UnitScope, long[][]> left : expected.inLockOrder()) {
                found.compare(left.getKey(), left.getValue(), null);
            }
        }
        return new Result(reports, found.checked, pending, found.count, new ArrayList<>(found.listed.values()));
    }

    /** Compares rows figure by figure: counts every figure either side holds, lists the first differences in key order. */
    private static final class Differences {

        private final ConsistencyCheckRepository.Snapshot snapshot;
        private final TreeMap<ConsolidationKey, Difference> listed = new TreeMap<>();
        private int checked;
        private int count;

        Differences(ConsistencyCheckRepository.Snapshot snapshot) {
            this.snapshot = snapshot;
        }

        /** {@code expected} or {@code stored} is null where that side has no row. */
        void compare(UnitScope key, long[][] expected, long[][] stored) {
            int width = Math.max(width(expected), width(stored));
            for (int at = 0; at < width; at++) {
                FigureTotals e = figure(expected, at);
                FigureTotals s = figure(stored, at);
                if (e.isZero() && s.isZero()) {
                    continue;
                }
                checked++;
                if (e.equals(s)) {
                    continue;
                }
                count++;
                ConsolidationKey k = new ConsolidationKey(key.unitId(), key.scopeId(), snapshot.codeAt(at + 1));
                listed.put(k, new Difference(k.unitId(), k.scopeId(), k.indicatorCode(), e, s));
                if (listed.size() > MAX_LISTED) {
                    listed.pollLastEntry();
                }
            }
        }

        private static int width(long[][] vectors) {
            int w = 0;
            if (vectors != null) {
                for (long[] v : vectors) {
                    w = Math.max(w, v.length);
                }
            }
            return w;
        }

        private static FigureTotals figure(long[][] vectors, int at) {
            if (vectors == null) {
                return FigureTotals.ZERO;
            }
            return new FigureTotals(at(vectors[RowDeltas.OWN_SUBMITTED], at), at(vectors[RowDeltas.TOTAL_SUBMITTED], at),
                    at(vectors[RowDeltas.OWN_APPROVED], at), at(vectors[RowDeltas.TOTAL_APPROVED], at));
        }

        private static long at(long[] v, int i) {
            return i < v.length ? v[i] : 0;
        }
    }

    private JsonNode figures(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("consistency check failed to run", e);
        }
    }
}
