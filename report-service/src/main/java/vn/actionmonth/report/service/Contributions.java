package vn.actionmonth.report.service;

import com.fasterxml.jackson.databind.JsonNode;
import vn.actionmonth.report.domain.Indicator;
import vn.actionmonth.report.domain.IndicatorSet;
import vn.actionmonth.report.domain.ReportStatus;
import vn.actionmonth.report.domain.RowDeltas;

import java.util.List;
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
     * Adds {@code sign} times the report's contribution to the rows it lands in: one row per unit of
     * its frozen path (the last one is the reporting unit, which also gets the "own" part) in every
     * scope (campaign, plan and the plan's basis chain). {@code slots[i]} is the storage slot of the
     * set's i-th indicator.
     */
    public static void add(RowDeltas into, IndicatorSet set, int[] slots, JsonNode figures, ReportStatus status,
                           List<UUID> path, List<UUID> scopes, int sign) {
        add(into, set, slots, figures, status, path, scopes, sign, unit -> true);
    }

    /** As above, for the units of the path that {@code units} accepts only. */
    public static void add(RowDeltas into, IndicatorSet set, int[] slots, JsonNode figures, ReportStatus status,
                           List<UUID> path, List<UUID> scopes, int sign, Predicate<UUID> units) {
        long[] values = values(set, figures, status, sign);
        if (values == null) {
            return;
        }
        boolean approved = status == ReportStatus.APPROVED;
        int width = 0;
        for (int slot : slots) {
            width = Math.max(width, slot);
        }
        UUID self = path.get(path.size() - 1);
        for (UUID scope : scopes) {
            for (UUID unit : path) {
                if (!units.test(unit)) {
                    continue;
                }
                long[][] row = into.row(unit, scope, width);
                boolean own = unit.equals(self);
                for (int i = 0; i < values.length; i++) {
                    long v = values[i];
                    if (v == 0) {
                        continue;
                    }
                    int at = slots[i] - 1;
                    row[RowDeltas.TOTAL_SUBMITTED][at] += v;
                    if (own) {
                        row[RowDeltas.OWN_SUBMITTED][at] += v;
                    }
                    if (approved) {
                        row[RowDeltas.TOTAL_APPROVED][at] += v;
                        if (own) {
                            row[RowDeltas.OWN_APPROVED][at] += v;
                        }
                    }
                }
            }
        }
    }

    /** {@code sign} times each indicator's contribution, in the set's order; null when the report counts for nothing. */
    private static long[] values(IndicatorSet set, JsonNode figures, ReportStatus status, int sign) {
        if (status == null || !status.received() || figures == null) {
            return null;
        }
        List<Indicator> indicators = set.indicators();
        long[] out = new long[indicators.size()];
        for (int i = 0; i < out.length; i++) {
            Indicator indicator = indicators.get(i);
            out[i] = sign * indicator.contribution(figures.get(indicator.code()));
        }
        return out;
    }
}
