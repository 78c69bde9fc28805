package vn.actionmonth.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.common.Caller;
import vn.actionmonth.common.Roles;
import vn.actionmonth.common.problem.Problems;
import vn.actionmonth.common.units.UnitDirectory;
import vn.actionmonth.common.units.UnitPath;
import vn.actionmonth.common.units.UnitRecord;
import vn.actionmonth.report.domain.Report;
import vn.actionmonth.report.repository.ObligationRepository;

import java.util.UUID;

/**
 * Who may do what: a reporter writes its own unit's reports, an approver acts on reports sent to
 * its unit, everyone else reads its own unit's subtree (plus what was sent to it); system
 * accounts read everything. The consolidating unit a plan names ("qua Sở …") acts for the
 * recipient: it reads, approves and returns the reports that pass through it, and reads the
 * recipient's figures and completeness for that plan.
 */
@ApplicationScoped
public class ReportAccess {

    private final Caller caller;
    private final UnitDirectory units;
    private final ObligationRepository obligations;

    public ReportAccess(Caller caller, UnitDirectory units, ObligationRepository obligations) {
        this.caller = caller;
        this.units = units;
        this.obligations = obligations;
    }

    public void requireReporterOf(UUID unitId) {
        caller.require(Roles.REPORTER);
        if (!caller.unitId().equals(unitId)) {
            throw Problems.forbidden("a reporter writes only its own unit's reports");
        }
    }

    public void requireRecipient(Report r) {
        caller.require(Roles.APPROVER);
        if (!caller.unitId().equals(r.recipientId) && !consolidates(r)) {
            throw Problems.forbidden("only the unit the report is sent to, or the consolidating unit it passes through, "
                    + "may return or approve it");
        }
    }

    public void requireRead(Report r) {
        if (caller.isSystem() || caller.unitId().equals(r.recipientId) || caller.unitId().equals(r.unitId) || consolidates(r)
                || copied(r)) {
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

    /**
     * Reads about unit U in a scope: within the caller's subtree, or, for a plan, by the
     * consolidating unit that plan's reports to U pass through.
     */
    public void requireReadUnit(UUID unitId, UUID scopeId) {
        if (caller.isSystem() || caller.unitId().equals(unitId) || units.isWithin(unitId, caller.unitId())) {
            return;
        }
        if (!obligations.consolidatesFor(caller.unitId(), unitId, scopeId)) {
            throw Problems.forbidden("unit " + unitId + " is outside the caller's subtree, and the caller consolidates "
                    + "nothing for it under " + scopeId);
        }
    }

    /** True when the caller is the consolidating unit the report's obligation names. */
    private boolean consolidates(Report r) {
        return obligations.findByIdOptional(r.obligationId).map(o -> caller.unitId().equals(o.viaUnitId)).orElse(false);
    }

    /** True when the caller is among the units the report's obligation sends a copy to. */
    private boolean copied(Report r) {
        return obligations.findByIdOptional(r.obligationId).map(o -> o.copiedTo(caller.unitId())).orElse(false);
    }

    /** The path prefix that limits lists to the caller's subtree; null for system accounts (no limit). */
    public String subtreePrefix() {
        if (caller.isSystem()) {
            return null;
        }
        return units.find(caller.unitId()).map(UnitRecord::path).orElse(UnitPath.root(caller.unitId()));
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
