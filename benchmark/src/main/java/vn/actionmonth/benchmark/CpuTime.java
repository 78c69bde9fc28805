package vn.actionmonth.benchmark;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CPU time (user and system) processes have used, as the kernel counts it. Per submission it
 * says what a report costs each part of the system whatever else shares the machine, where the
 * rate moves with the machine (the same code measured 124 and 314 submissions/s on one day).
 */
final class CpuTime {

    private CpuTime() {
    }

    /** The CPU time of the process, and with {@code descendants} also of its living descendants; zero when it is gone. */
    static Duration of(long pid, boolean descendants) {
        return ProcessHandle.of(pid).map(p -> {
            Duration total = own(p);
            if (descendants) {
                total = p.descendants().map(CpuTime::own).reduce(total, Duration::plus);
            }
            return total;
        }).orElse(Duration.ZERO);
    }

    private static Duration own(ProcessHandle p) {
        return p.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Milliseconds per unit of work of each part between two samples, and their sum as "total". */
    static Map<String, Object> perUnit(Map<String, Duration> before, Map<String, Duration> after, int units) {
        Map<String, Object> out = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, Duration> e : after.entrySet()) {
            double ms = (e.getValue().toNanos() - before.getOrDefault(e.getKey(), Duration.ZERO).toNanos()) / 1e6 / units;
            out.put(e.getKey(), NationalBenchmark.round(ms));
            total += ms;
        }
        out.put("total", NationalBenchmark.round(total));
        return out;
    }
}
