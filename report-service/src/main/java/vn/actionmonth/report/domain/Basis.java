package vn.actionmonth.report.domain;

/** Which reports count: submitted and approved ones (the default), or approved ones only. */
public enum Basis {
    SUBMITTED, APPROVED
}
