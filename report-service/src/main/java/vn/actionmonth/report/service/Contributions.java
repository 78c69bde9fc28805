package vn.actionmonth.report.service;

import com.fasterxml.jackson.databind.JsonNode;
import vn.actionmonth.report.domain.ConsolidationKey;
import vn.actionmonth.report.domain.FigureTotals;
import vn.actionmonth.report.domain.Indicator;
import vn.actionmonth.report.domain.IndicatorSet;
import vn.actionmonth.report.domain.ReportStatus;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What one report in one state adds to the consolidation. Used both by the event consumer (to
 * move the consolidation by new - old) and by the consistency check (to recompute it from the
 * reports), so the two can only disagree if events were lost or applied twice.
 */
public final class Contributions {

    private Contributions() {
    }

    /**
     * Adds {@code sign} times the report's contribution to {@code into}: at every unit of its
     * frozen path (the last one is the reporting unit, which also gets the "own" part), in
     * every scope (campaign, plan and the plan's basis chain).
     */
    public static void add(Map<ConsolidationKey, FigureTotals> into, IndicatorSet set, JsonNode figures,
                           ReportStatus status, List<UUID> path, List<UUID> scopes, int sign) {
        add(into, set, figures, status, path, scopes, sign, unit -> true);
    }

    /** As above, for the units of the path that {@code units} accepts only. */
    public static void add(Map<ConsolidationKey, FigureTotals> into, IndicatorSet set, JsonNode figures,
                           ReportStatus status, List<UUID> path, List<UUID> scopes, int sign, Predicate<UUID> units) {
        if (status == null || !status.received() || figures == null) {
            return;
        }
        boolean approved = status == ReportStatus.APPROVED;
        UUID self = path.get(path.size() - 1);
        for (Indicator i : set.indicators()) {
            long v = sign * i.contribution(figures.get(i.code()));
            if (v == 0) {
                continue;
            }
            long a = approved ? v : 0;
            FigureTotals own = new FigureTotals(v, v, a, a);
            FigureTotals up = new FigureTotals(0, v, 0, a);
            for (UUID scope : scopes) {
                for (UUID unit : path) {
                    if (!units.test(unit)) {
                        continue;
                    }
                    into.merge(new ConsolidationKey(unit, scope, i.code()), unit.equals(self) ? own : up, FigureTotals::plus);
                }
            }
        }
    }
}
