package vn.actionmonth.report.domain;

/** DRAFT -> SUBMITTED -> RETURNED (with a reason) -> SUBMITTED again -> APPROVED. */
public enum ReportStatus {
    DRAFT, SUBMITTED, RETURNED, APPROVED;

    /** Whether the figures count in consolidation over submitted and approved reports. */
    public boolean received() {
        return this == SUBMITTED || this == APPROVED;
    }

    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
