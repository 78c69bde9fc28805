package vn.actionmonth.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that runs with its base clock, shifted by an offset that only an adjustable clock may change. */
public class AdjustableClock extends Clock {

    private final Clock base;
    private final boolean adjustable;
    private final AtomicReference<Duration> offset;

    public AdjustableClock(Clock base, boolean adjustable) {
        this(base, adjustable, new AtomicReference<>(Duration.ZERO));
    }

    private AdjustableClock(Clock base, boolean adjustable, AtomicReference<Duration> offset) {
        this.base = base;
        this.adjustable = adjustable;
        this.offset = offset;
    }

    public boolean isAdjustable() {
        return adjustable;
    }

    /** From now on the clock reads {@code now} and runs on from there. */
    public void set(Instant now) {
        if (!adjustable) {
            throw new IllegalStateException("this clock is not adjustable");
        }
        offset.set(Duration.between(base.instant(), now));
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new AdjustableClock(base.withZone(zone), adjustable, offset);
    }
}
