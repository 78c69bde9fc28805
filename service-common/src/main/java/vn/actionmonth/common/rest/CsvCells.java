package vn.actionmonth.common.rest;

/** Cells of the CSV files the services hand out, written so that a spreadsheet cannot run them. */
public final class CsvCells {

    private CsvCells() {
    }

    /** The cell quoted, with inner quotes doubled and a formula-like start neutralised; null is an empty cell. */
    public static String quote(String s) {
        return s == null ? "" : '"' + neutralised(s).replace("\"", "\"\"") + '"';
    }

    /**
     * A cell Excel would read as a formula ("=HYPERLINK(...)", "+1", "-1", "@SUM", or one that
     * starts with a tab or carriage return) gets a leading apostrophe, so a unit name typed by
     * anyone cannot run in the spreadsheet of the official who opens the export.
     */
    public static String neutralised(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }
}
