package vn.actionmonth.notification;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Replaces the system clock in tests: time is set and moved, never waited for. */
@Singleton
public class TestClock extends Clock {

    private volatile Instant now = Instant.parse("2024-07-01T00:00:00Z");

    public void set(OffsetDateTime t) {
        now = t.toInstant();
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }
}
