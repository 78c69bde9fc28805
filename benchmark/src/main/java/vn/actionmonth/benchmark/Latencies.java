package vn.actionmonth.benchmark;

import java.util.Arrays;

/** Latency samples in microseconds, thread-safe to record, with percentiles by nearest rank. */
public final class Latencies {

    private long[] samples = new long[1024];
    private int count;

    public synchronized void record(long micros) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = micros;
    }

    public synchronized int count() {
        return count;
    }

    /** The p-th percentile (0 < p ≤ 100) in milliseconds; NaN when nothing was recorded. */
    public synchronized double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count, rank) - 1)] / 1000.0;
    }
}
