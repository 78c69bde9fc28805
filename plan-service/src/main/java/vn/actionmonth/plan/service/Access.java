package vn.actionmonth.plan.service;

import jakarta.enterprise.context.RequestScoped;
import vn.actionmonth.common.Caller;
import vn.actionmonth.common.Roles;
import vn.actionmonth.common.problem.Problems;
import vn.actionmonth.plan.domain.OrgUnit;
import vn.actionmonth.plan.repository.UnitRepository;

/**
 * What the caller may see and do in the tree: a user reads its own subtree and its ancestors;
 * an admin manages units within its subtree; a system account reads everything.
 */
@RequestScoped
public class Access {

    private final Caller caller;
    private final UnitRepository units;
    private OrgUnit home;
    private String systemActor;

    public Access(Caller caller, UnitRepository units) {
        this.caller = caller;
        this.units = units;
    }

    /**
     * Acts as a system account for the rest of this request context: for work the service does
     * on its own (loading the sample data at start), which has no caller.
     */
    public void actAsSystem(String actor) {
        this.systemActor = actor;
    }

    public boolean isSystem() {
        return systemActor != null || caller.isSystem();
    }

    public String actor() {
        return systemActor != null ? systemActor : caller.name();
    }

    /** The caller's own unit; a token naming no known unit is refused. */
    public OrgUnit home() {
        if (home == null) {
            home = units.findByIdOptional(caller.unitId())
                    .orElseThrow(() -> Problems.forbidden("the caller's unit " + caller.unitId() + " is not a known unit"));
        }
        return home;
    }

    /** Path prefix of what the caller may list: everything for a system account, else its subtree. */
    public String scopePath() {
        return isSystem() ? "/" : home().path;
    }

    public boolean canRead(OrgUnit unit) {
        return isSystem() || home().contains(unit) || unit.contains(home());
    }

    public void requireRead(OrgUnit unit) {
        if (!canRead(unit)) {
            throw Problems.forbidden("unit " + unit.id + " is outside the caller's subtree and ancestors");
        }
    }

    /** Admins manage units of their own subtree; system accounts manage all. */
    public void requireAdminOf(OrgUnit unit) {
        if (isSystem()) {
            return;
        }
        caller.require(Roles.ADMIN);
        if (!home().contains(unit)) {
            throw Problems.forbidden("an admin manages units within its own unit's subtree only");
        }
    }

    /** Bulk import and new roots: a system account, or an admin of the tree's root (the ministry). */
    public void requireRootAdmin(OrgUnit root) {
        if (isSystem()) {
            return;
        }
        caller.require(Roles.ADMIN);
        if (!home().id.equals(root.id)) {
            throw Problems.forbidden("only an admin of the root unit or a system account may do this");
        }
    }

    /** Planners create and publish the plans their own unit issues. */
    public void requirePlannerOf(java.util.UUID issuerId) {
        if (isSystem()) {
            return;
        }
        caller.require(Roles.PLANNER);
        if (!caller.unitId().equals(issuerId)) {
            throw Problems.forbidden("a planner acts only on plans its own unit issues");
        }
    }

    public boolean has(String role) {
        return caller.has(role);
    }
}
