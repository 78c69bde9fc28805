package vn.actionmonth.report.domain;

/**
 * A figure as now: exact when {@code low == high}; otherwise a range, because part of an old unit
 * that was split went in and nobody agreed how much (lower bound without it, upper with it all).
 */
public record Bounds(long low, long high) {

    public static final Bounds ZERO = new Bounds(0, 0);

    public boolean exact() {
        return low == high;
    }

    public Bounds plus(long both) {
        return new Bounds(low + both, high + both);
    }

    public Bounds plusUpperOnly(long value) {
        return new Bounds(low, high + value);
    }
}
