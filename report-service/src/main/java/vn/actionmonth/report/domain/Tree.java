package vn.actionmonth.report.domain;

/** Which tree figures and completeness are read on. */
public enum Tree {
    /** The tree as it was when each report was first submitted: its frozen path. Reorganisations change nothing. */
    AS_THEN("asThen"),
    /** Today's tree: each report's unit mapped through the lineage of every reorganisation since. */
    AS_NOW("asNow");

    private final String param;

    Tree(String param) {
        this.param = param;
    }

    public String param() {
        return param;
    }

    /** From the query parameter: asThen or asNow (any case). */
    public static Tree fromString(String s) {
        for (Tree t : values()) {
            if (t.param.equalsIgnoreCase(s) || t.name().equalsIgnoreCase(s)) {
                return t;
            }
        }
        throw new IllegalArgumentException("tree must be asThen or asNow, not " + s);
    }

    @Override
    public String toString() {
        return param;
    }
}
