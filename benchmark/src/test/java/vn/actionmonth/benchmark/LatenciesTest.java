package vn.actionmonth.benchmark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatenciesTest {

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        Latencies l = new Latencies();
        for (int i = 100; i >= 1; i--) {
            l.record(i * 1000L);
        }

        assertThat(l.count()).isEqualTo(100);
        assertThat(l.percentileMillis(50)).isEqualTo(50.0);
        assertThat(l.percentileMillis(99)).isEqualTo(99.0);
        assertThat(l.percentileMillis(100)).isEqualTo(100.0);
    }

    @Test
    void noSamplesGiveNoFigure() {
        assertThat(new Latencies().percentileMillis(50)).isNaN();
    }
}
