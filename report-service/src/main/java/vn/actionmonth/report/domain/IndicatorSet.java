package vn.actionmonth.report.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A versioned list of indicators, e.g. CAM version 1 (Tháng hành động vì trẻ em). */
public record IndicatorSet(String code, int version, String name, List<Indicator> indicators) {

    public IndicatorSet {
        indicators = List.copyOf(indicators);
    }

    public Map<String, Indicator> byCode() {
        Map<String, Indicator> out = new LinkedHashMap<>();
        indicators.forEach(i -> out.put(i.code(), i));
        return out;
    }

    /** Same indicators (ignoring the version): used to decide whether a shipped set is new. */
    public boolean sameDefinition(IndicatorSet other) {
        return name.equals(other.name) && indicators.equals(other.indicators);
    }
}
