package vn.actionmonth.report;

import org.junit.jupiter.api.Test;
import vn.actionmonth.report.domain.PairMark;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PairMarkTest {

    @Test
    void pairsAreLockedInPostgresqlsUuidOrderNotJavasSignedOne() {
        UUID low = UUID.fromString("10000000-0000-0000-0000-000000000000");
        UUID high = UUID.fromString("80000000-0000-0000-0000-000000000000");
        UUID plan = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID campaign = UUID.randomUUID();
        assertThat(high.compareTo(low)).as("Java compares the most significant bits signed").isNegative();

        List<PairMark> sorted = new java.util.ArrayList<>(List.of(new PairMark(high, plan, campaign),
                new PairMark(low, high, campaign), new PairMark(low, plan, campaign)));
        sorted.sort(PairMark.LOCK_ORDER);

        assertThat(sorted).containsExactly(new PairMark(low, plan, campaign), new PairMark(low, high, campaign),
                new PairMark(high, plan, campaign));
    }

    @Test
    void theLockOrderIsTheOrderOfTheUuidsText() {
        UUID campaign = UUID.randomUUID();
        List<PairMark> marks = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            marks.add(new PairMark(UUID.randomUUID(), UUID.randomUUID(), campaign));
        }
        List<PairMark> byText = new java.util.ArrayList<>(marks);
        byText.sort(java.util.Comparator.comparing((PairMark m) -> m.unitId().toString())
                .thenComparing(m -> m.planId().toString()));

        marks.sort(PairMark.LOCK_ORDER);

        assertThat(marks).containsExactlyElementsOf(byText);
    }
}
