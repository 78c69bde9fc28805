package vn.actionmonth.plan.service;

import vn.actionmonth.plan.domain.OrgUnit;

import java.util.List;
import java.util.UUID;

/**
 * Of the units a plan expects to issue their own plan (its reporting units other than the issuer),
 * those that have issued one implementing it and those that have not.
 */
public record PlanCoverage(UUID planId, int expected, List<Entry> issued, List<OrgUnit> missing) {

    /** A unit and the plan it issued. */
    public record Entry(OrgUnit unit, UUID planId, String planNumber) {
    }
}
