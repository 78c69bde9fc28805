package vn.actionmonth.report.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** report-service settings, under {@code report.}. */
@ConfigMapping(prefix = "report")
public interface ReportConfig {

    Consolidation consolidation();

    interface Consolidation {
        /** How often moved consolidations are published (at most one ConsolidationChanged per unit and plan each time). */
        @WithDefault("1s")
        String publishEvery();

        /** Unit-and-plan pairs published per tick; the rest wait for the next one. */
        @WithDefault("500")
        int publishBatch();
    }
}
