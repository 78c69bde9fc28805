package vn.actionmonth.common.units;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code units.replica.enabled}: keep a copy of the reporting tree from plan-service's events. */
@ConfigMapping(prefix = "units.replica")
public interface UnitReplicaConfig {

    @WithDefault("false")
    boolean enabled();
}
