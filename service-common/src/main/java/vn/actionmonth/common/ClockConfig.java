package vn.actionmonth.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "clock")
public interface ClockConfig {

    /**
     * Lets a {@code system} caller set the service's time through {@code PUT /api/v1/clock}: for
     * training drills and end-to-end runs that walk a past campaign. Never on in production.
     */
    @WithDefault("false")
    boolean adjustable();
}
