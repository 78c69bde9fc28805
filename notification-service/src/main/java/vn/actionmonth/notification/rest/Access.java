package vn.actionmonth.notification.rest;

import jakarta.enterprise.context.RequestScoped;
import vn.actionmonth.common.Caller;
import vn.actionmonth.common.Roles;
import vn.actionmonth.common.problem.Problems;
import vn.actionmonth.common.units.UnitDirectory;

import java.util.UUID;

/** Who may see and change what: a unit sees its own subtree; only a unit's admin changes its channels. */
@RequestScoped
public class Access {

    private final Caller caller;
    private final UnitDirectory units;

    public Access(Caller caller, UnitDirectory units) {
        this.caller = caller;
        this.units = units;
    }

    /** The caller's unit may read {@code unitId}'s data (it is the unit or an ancestor); system accounts read all. */
    public void requireReadable(UUID unitId) {
        if (caller.isSystem()) {
            return;
        }
        if (!units.isWithin(unitId, caller.unitId())) {
            throw Problems.forbidden("unit " + unitId + " is outside the caller's unit and its subtree");
        }
    }

    /** Only an admin of the unit itself. */
    public void requireAdminOf(UUID unitId) {
        if (!caller.has(Roles.ADMIN) || !caller.unitId().equals(unitId)) {
            throw Problems.forbidden("only an admin of unit " + unitId + " changes its channels");
        }
    }

    /** A system account, or an admin of a top unit of the reporting tree (the ministry). */
    public void requirePolicyAdmin() {
        if (caller.isSystem()) {
            return;
        }
        boolean topAdmin = caller.has(Roles.ADMIN)
                && units.find(caller.unitId()).map(u -> u.parentId() == null).orElse(false);
        if (!topAdmin) {
            throw Problems.forbidden("only a system account or an admin of a top unit changes reminder policies");
        }
    }

    public UUID unitId() {
        return caller.unitId();
    }

    public String name() {
        return caller.name();
    }
}
