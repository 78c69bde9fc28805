package vn.actionmonth.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import vn.actionmonth.report.domain.ConsolidationKey;
import vn.actionmonth.report.domain.FigureTotals;
import vn.actionmonth.report.domain.IndicatorSet;
import vn.actionmonth.report.domain.ReportStatus;
import vn.actionmonth.report.domain.RowDeltas;
import vn.actionmonth.report.domain.UnitScope;
import vn.actionmonth.report.service.Contributions;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a report adds to the consolidated rows: the consumer moves them by new - old, the
 * consistency check recomputes them from the reports, both through these rules.
 */
class ContributionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID PROVINCE = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID DISTRICT = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID WARD = UUID.fromString("00000000-0000-0000-0000-000000000003");
    private static final UUID CAMPAIGN = UUID.fromString("00000000-0000-0000-0000-0000000000c0");
    private static final UUID PLAN = UUID.fromString("00000000-0000-0000-0000-0000000000a0");
    private static final List<UUID> PATH = List.of(PROVINCE, DISTRICT, WARD);
    private static final List<UUID> SCOPES = List.of(CAMPAIGN, PLAN);

    private final IndicatorSet set = TestIndicatorSet.WITH_TEXT;
    /** Storage slots in another order than the set's, with a gap: a slot is the store's, not the set's. */
    private final int[] slots = {5, 4, 2, 1};
    private final Map<String, Integer> slotOf = Map.of("COMM_EVENTS", 5, "FUND_RAISED_VND", 4, "LAUNCH_CEREMONY_HELD", 2,
            "HIGHLIGHTS", 1);

    @Test
    void anApprovalWithOtherFiguresMovesTheRowsByNewMinusOld() {
        JsonNode submitted = figures(12, "Thành công", true);
        JsonNode approved = figures(7, "Tốt", false);
        RowDeltas rows = new RowDeltas();
        Contributions.add(rows, set, slots, submitted, ReportStatus.SUBMITTED, PATH, SCOPES, +1);
        Contributions.add(rows, set, slots, submitted, ReportStatus.SUBMITTED, PATH, SCOPES, -1);
        Contributions.add(rows, set, slots, approved, ReportStatus.APPROVED, PATH, SCOPES, +1);

        Map<ConsolidationKey, FigureTotals> figures = expand(rows);
        for (UUID scope : SCOPES) {
            // own and total at the ward, total only above it; the yes/no now says no: nothing to count
            assertThat(figures).containsEntry(new ConsolidationKey(WARD, scope, "COMM_EVENTS"), new FigureTotals(7, 7, 7, 7))
                    .containsEntry(new ConsolidationKey(DISTRICT, scope, "COMM_EVENTS"), new FigureTotals(0, 7, 0, 7))
                    .containsEntry(new ConsolidationKey(PROVINCE, scope, "COMM_EVENTS"), new FigureTotals(0, 7, 0, 7));
        }
        assertThat(figures).hasSize(PATH.size() * SCOPES.size());
    }

    @Test
    void aUnitFilterKeepsOnlyTheRowsOfTheUnitsItAccepts() {
        RowDeltas rows = new RowDeltas();
        Contributions.add(rows, set, slots, figures(2, "", true), ReportStatus.SUBMITTED, PATH, SCOPES, +1,
                DISTRICT::equals);
        assertThat(expand(rows)).containsOnlyKeys(new ConsolidationKey(DISTRICT, CAMPAIGN, "COMM_EVENTS"),
                new ConsolidationKey(DISTRICT, CAMPAIGN, "LAUNCH_CEREMONY_HELD"),
                new ConsolidationKey(DISTRICT, PLAN, "COMM_EVENTS"), new ConsolidationKey(DISTRICT, PLAN, "LAUNCH_CEREMONY_HELD"))
                .containsEntry(new ConsolidationKey(DISTRICT, PLAN, "LAUNCH_CEREMONY_HELD"), new FigureTotals(0, 1, 0, 0));
    }

    @Test
    void aReportTouchesEachUnitOfItsPathInEachScopeOnce() {
        RowDeltas rows = new RowDeltas();
        Contributions.add(rows, set, slots, figures(3, "", true), ReportStatus.SUBMITTED, PATH, SCOPES, +1);

        List<UnitScope> touched = rows.inLockOrder().stream().map(Map.Entry::getKey).toList();
        assertThat(touched).containsExactly(new UnitScope(PROVINCE, PLAN), new UnitScope(PROVINCE, CAMPAIGN),
                new UnitScope(DISTRICT, PLAN), new UnitScope(DISTRICT, CAMPAIGN), new UnitScope(WARD, PLAN),
                new UnitScope(WARD, CAMPAIGN));
        long[][] ward = rows.row(WARD, PLAN, 0);
        assertThat(ward[RowDeltas.OWN_SUBMITTED]).containsExactly(0, 1, 0, 0, 3);
        assertThat(ward[RowDeltas.TOTAL_APPROVED]).containsOnly(0);
    }

    @Test
    void aDraftAddsNothing() {
        RowDeltas rows = new RowDeltas();
        Contributions.add(rows, set, slots, figures(3, "", true), ReportStatus.DRAFT, PATH, SCOPES, +1);
        assertThat(rows.inLockOrder()).isEmpty();
    }

    private JsonNode figures(long events, String highlights, boolean launch) {
        return JSON.valueToTree(Map.of("COMM_EVENTS", events, "HIGHLIGHTS", highlights, "LAUNCH_CEREMONY_HELD", launch));
    }

    private Map<ConsolidationKey, FigureTotals> expand(RowDeltas rows) {
        Map<ConsolidationKey, FigureTotals> out = new HashMap<>();
        for (Map.Entry<UnitScope, long[][]> row : rows.inLockOrder()) {
            long[][] v = row.getValue();
            slotOf.forEach((code, slot) -> {
                int at = slot - 1;
                FigureTotals t = at >= v[0].length ? FigureTotals.ZERO : new FigureTotals(v[RowDeltas.OWN_SUBMITTED][at],
                        v[RowDeltas.TOTAL_SUBMITTED][at], v[RowDeltas.OWN_APPROVED][at], v[RowDeltas.TOTAL_APPROVED][at]);
                if (!t.isZero()) {
                    out.put(new ConsolidationKey(row.getKey().unitId(), row.getKey().scopeId(), code), t);
                }
            });
        }
        return out;
    }

}
