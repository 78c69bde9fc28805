package vn.actionmonth.report.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** report-service settings, under {@code report.}. */
@ConfigMapping(prefix = "report")
public interface ReportConfig {

    Consolidation consolidation();

    Consistency consistency();

    interface Consistency {
        /**
         * Above this many submitted reports the consistency check recomputes the figures in 16
         * passes (by the first hex digit of the unit id), so that they fit the heap.
         */
        @WithDefault("5000")
        int reportsPerPass();
    }

    interface Consolidation {
        /** How often the publisher looks for moved consolidations; {@code off} stops this replica publishing them. */
        @WithDefault("1s")
        String publishEvery();

        /** Unit-and-plan pairs published per tick; the rest wait for the next one. */
        @WithDefault("2000")
        int publishBatch();

        /**
         * How long a tick's claim on its pairs lasts. A replica that dies while publishing leaves
         * its pairs to the others after this; it must be longer than a tick's work takes.
         */
        @WithDefault("60s")
        Duration claimTimeout();

        /**
         * At most one ConsolidationChanged per unit and plan in this time: a busy province is
         * published with its latest state once per window, a quiet pair on the next tick.
         */
        @WithDefault("10s")
        Duration minInterval();
    }
}
