package vn.actionmonth.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.common.Caller;
import vn.actionmonth.common.Roles;
import vn.actionmonth.common.problem.Problems;
import vn.actionmonth.common.units.UnitDirectory;
import vn.actionmonth.common.units.UnitRecord;
import vn.actionmonth.report.domain.Report;

import java.util.UUID;

/**
 * Who may do what: a reporter writes its own unit's reports, an approver acts on reports sent to
 * its unit, everyone else reads its own unit's subtree (plus what was sent to it); system
 * accounts read everything.
 */
@ApplicationScoped
public class ReportAccess {

    private final Caller caller;
    private final UnitDirectory units;

    public ReportAccess(Caller caller, UnitDirectory units) {
        this.caller = caller;
        this.units = units;
    }

    public void requireReporterOf(UUID unitId) {
        caller.require(Roles.REPORTER);
        if (!caller.unitId().equals(unitId)) {
            throw Problems.forbidden("a reporter writes only its own unit's reports");
        }
    }

    public void requireRecipient(Report r) {
        caller.require(Roles.APPROVER);
        if (!caller.unitId().equals(r.recipientId)) {
            throw Problems.forbidden("only the unit the report is sent to may return or approve it");
        }
    }

    public void requireRead(Report r) {
        if (caller.isSystem() || caller.unitId().equals(r.recipientId) || caller.unitId().equals(r.unitId)) {
            return;
        }
        if (!units.isWithin(r.unitId, caller.unitId())) {
            throw Problems.forbidden("the report's unit is outside the caller's subtree");
        }
    }

    /** Reads about unit U (consolidation, completeness) are allowed within the caller's subtree. */
    public void requireReadUnit(UUID unitId) {
        if (caller.isSystem() || caller.unitId().equals(unitId)) {
            return;
        }
        if (!units.isWithin(unitId, caller.unitId())) {
            throw Problems.forbidden("unit " + unitId + " is outside the caller's subtree");
        }
    }

    /** The path prefix that limits lists to the caller's subtree; null for system accounts (no limit). */
    public String subtreePrefix() {
        if (caller.isSystem()) {
            return null;
        }
        return units.find(caller.unitId()).map(UnitRecord::path).orElse("/" + caller.unitId() + "/");
    }

    /**
     * Country-wide operations (the consistency check recomputes every figure of the country): a
     * system account, or an admin of a root unit of the tree (the ministry).
     */
    public void requireCountryWide() {
        if (caller.isSystem()) {
            return;
        }
        caller.require(Roles.ADMIN);
        boolean root = units.find(caller.unitId()).map(u -> u.parentId() == null).orElse(false);
        if (!root) {
            throw Problems.forbidden("country-wide operations belong to system accounts and the admins of a root unit");
        }
    }

    public UUID callerUnit() {
        return caller.unitId();
    }

    public String callerName() {
        return caller.name();
    }
}
