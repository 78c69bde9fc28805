package vn.actionmonth.plan.domain;

/** Whether an obligation is still owed; an amendment that removes its requirement or its unit cancels it. */
public enum ObligationStatus {
    OPEN, CANCELLED
}
