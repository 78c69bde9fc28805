package vn.actionmonth.report.domain;

/** How an indicator consolidates up the tree: summed, counted where true, or not at all (text). */
public enum Aggregation {
    SUM, COUNT_TRUE, NONE;

    public String code() {
        return name().toLowerCase();
    }

    public static Aggregation of(String code) {
        return code == null || code.isBlank() ? NONE : valueOf(code.trim().toUpperCase());
    }
}
