package vn.actionmonth.common;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdjustableClockTest {

    @Test
    void runsOnFromTheTimeItWasSetTo() {
        Instant realNow = Instant.parse("2026-11-23T10:00:00Z");
        Clock base = Clock.fixed(realNow, ZoneOffset.UTC);
        AdjustableClock clock = new AdjustableClock(base, true);

        clock.set(Instant.parse("2024-07-19T17:00:00Z"));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2024-07-19T17:00:00Z"));
        assertThat(clock.withZone(VietnamTime.ZONE).instant()).isEqualTo(Instant.parse("2024-07-19T17:00:00Z"));
    }

    @Test
    void aClockThatIsNotAdjustableRefusesToMove() {
        AdjustableClock clock = new AdjustableClock(Clock.systemUTC(), false);

        assertThatThrownBy(() -> clock.set(Instant.EPOCH)).isInstanceOf(IllegalStateException.class);
        assertThat(clock.instant()).isAfter(Instant.parse("2025-01-01T00:00:00Z"));
    }

    @Test
    void dueBeforeADayMeansTheStartOfThatDayInVietnam() {
        assertThat(VietnamTime.dueBefore(java.time.LocalDate.of(2024, 7, 20)).toString())
                .isEqualTo("2024-07-20T00:00+07:00");
        assertThat(VietnamTime.date(java.time.OffsetDateTime.parse("2024-07-19T17:00:00Z"))).isEqualTo("20/07/2024");
    }
}
