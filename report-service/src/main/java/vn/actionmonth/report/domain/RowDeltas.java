package vn.actionmonth.report.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a batch of report changes adds to the consolidated figures, as the rows store them: per
 * (unit, scope), four vectors (own submitted, total submitted, own approved, total approved)
 * indexed by indicator slot (slot 1 at index 0). A report touches every (unit, scope) of its
 * path and scopes once, not once per indicator.
 */
public final class RowDeltas {

    public static final int OWN_SUBMITTED = 0;
    public static final int TOTAL_SUBMITTED = 1;
    public static final int OWN_APPROVED = 2;
    public static final int TOTAL_APPROVED = 3;

    private final Map<UnitScope, long[][]> rows = new HashMap<>();

    /** The vectors of a (unit, scope), at least {@code width} slots wide; added to in place. */
    public long[][] row(UUID unitId, UUID scopeId, int width) {
        long[][] v = rows.computeIfAbsent(new UnitScope(unitId, scopeId), k -> new long[4][width]);
        if (v[0].length < width) {
            for (int i = 0; i < 4; i++) {
                v[i] = Arrays.copyOf(v[i], width);
            }
        }
        return v;
    }

    /** Takes a row out: its vectors, or null when nothing was added to it. */
    public long[][] remove(UnitScope key) {
        return rows.remove(key);
    }

    /** The rows whose vectors are not all zero, in {@link UnitScope} order: the order writers lock rows in. */
    public List<Map.Entry<UnitScope, long[][]>> inLockOrder() {
        List<Map.Entry<UnitScope, long[][]>> out = new ArrayList<>(rows.size());
        for (Map.Entry<UnitScope, long[][]> e : rows.entrySet()) {
            if (!allZero(e.getValue())) {
                out.add(e);
            }
        }
        out.sort(Map.Entry.comparingByKey());
        return out;
    }

    private static boolean allZero(long[][] vectors) {
        for (long[] v : vectors) {
            for (long x : v) {
                if (x != 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
