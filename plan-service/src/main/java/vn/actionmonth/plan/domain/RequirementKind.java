package vn.actionmonth.plan.domain;

/**
 * What a report answers: an interim report (báo cáo sơ kết) during the campaign, or the final
 * one (báo cáo tổng kết). Consolidated figures and completeness are of final reports; an interim
 * report is read, approved and returned like any other but adds to no total, so a unit that sends
 * both is counted once.
 */
public enum RequirementKind {
    INTERIM, FINAL
}
