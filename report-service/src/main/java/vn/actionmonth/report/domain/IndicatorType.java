package vn.actionmonth.report.domain;

/** The kind of value an indicator takes. Money is an exact whole number of VND. */
public enum IndicatorType {
    INTEGER, MONEY, BOOLEAN, TEXT;

    public String code() {
        return name().toLowerCase();
    }

    public static IndicatorType of(String code) {
        return valueOf(code.trim().toUpperCase());
    }
}
