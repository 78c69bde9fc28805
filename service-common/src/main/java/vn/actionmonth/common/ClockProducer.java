package vn.actionmonth.common;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * The service's clock: the system clock, which a drill or an end-to-end run may move forward
 * when {@code clock.adjustable=true} (see {@link ClockResource}). Tests may replace the bean.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    AdjustableClock clock(ClockConfig config) {
        return new AdjustableClock(Clock.systemUTC(), config.adjustable());
    }
}
