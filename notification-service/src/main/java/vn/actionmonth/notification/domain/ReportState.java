package vn.actionmonth.notification.domain;

/** Where the unit's report stands, as report-service's events last said. */
public enum ReportState {
    /** Nothing submitted yet. */
    NONE,
    SUBMITTED,
    /** Sent back for correction: owed again. */
    RETURNED,
    APPROVED;

    /** The report is in: the deadline is met. */
    public boolean met() {
        return this == SUBMITTED || this == APPROVED;
    }
}
