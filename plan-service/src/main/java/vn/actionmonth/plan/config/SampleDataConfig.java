package vn.actionmonth.plan.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The sample hierarchy and plans, under {@code plan.sample-data.} (env PLAN_SAMPLE_DATA). */
@ConfigMapping(prefix = "plan.sample-data")
public interface SampleDataConfig {

    /** Load the sample at start (idempotent: what exists already is left alone). */
    @WithDefault("false")
    boolean enabled();
}
