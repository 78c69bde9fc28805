package vn.actionmonth.report.domain;

import com.fasterxml.jackson.databind.JsonNode;

/** One indicator of a set, e.g. FUND_RAISED_VND (money, sum). */
public record Indicator(String code, String group, String nameVi, String nameEn, String unit, IndicatorType type,
                        Aggregation aggregation) {

    public boolean consolidates() {
        return aggregation != Aggregation.NONE && type != IndicatorType.TEXT;
    }

    /** What a (valid) figure adds to the consolidation: the number, or 1 for a true yes/no. */
    public long contribution(JsonNode value) {
        if (value == null || value.isNull() || !consolidates()) {
            return 0;
        }
        if (aggregation == Aggregation.COUNT_TRUE) {
            return value.asBoolean() ? 1 : 0;
        }
        return value.asLong();
    }
}
