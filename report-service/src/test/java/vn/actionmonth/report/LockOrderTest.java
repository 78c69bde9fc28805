package vn.actionmonth.report;

import org.junit.jupiter.api.Test;
import vn.actionmonth.report.domain.ConsolidationKey;
import vn.actionmonth.report.domain.UnitScope;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consolidation writers lock (unit, scope) rows in one order, so two of them never wait on each
 * other in a cycle; the order of the figures inside a row does not matter to the locks.
 */
class LockOrderTest {

    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    // Compared as signed longs, as UUID.compareTo does: this one sorts before A.
    private static final UUID HIGH_BIT = UUID.fromString("80000000-0000-0000-0000-000000000000");

    @Test
    void rowsGoByUnitThenScope() {
        List<UnitScope> rows = new ArrayList<>(List.of(new UnitScope(B, A), new UnitScope(A, B), new UnitScope(A, A),
                new UnitScope(HIGH_BIT, B)));
        rows.sort(null);
        assertThat(rows).containsExactly(new UnitScope(HIGH_BIT, B), new UnitScope(A, A), new UnitScope(A, B),
                new UnitScope(B, A));
    }

    @Test
    void figuresGoByTheirRowThenIndicator() {
        List<ConsolidationKey> keys = new ArrayList<>(List.of(new ConsolidationKey(A, B, "AA"),
                new ConsolidationKey(A, A, "ZZ"), new ConsolidationKey(A, B, "A"), new ConsolidationKey(B, A, "A")));
        keys.sort(null);
        assertThat(keys).containsExactly(new ConsolidationKey(A, A, "ZZ"), new ConsolidationKey(A, B, "A"),
                new ConsolidationKey(A, B, "AA"), new ConsolidationKey(B, A, "A"));
        assertThat(new ConsolidationKey(A, B, "A").compareTo(new ConsolidationKey(A, B, "A"))).as("equal keys").isZero();
    }
}
