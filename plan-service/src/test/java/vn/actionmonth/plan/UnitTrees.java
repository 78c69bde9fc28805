package vn.actionmonth.plan;

import vn.actionmonth.plan.domain.OrgUnit;
import vn.actionmonth.plan.domain.UnitKind;

import java.util.UUID;

/** Units of a small reporting tree built in memory, for the rules that only read the tree. */
final class UnitTrees {

    private UnitTrees() {
    }

    static OrgUnit root(String name, UnitKind kind) {
        return unit(null, name, kind);
    }

    static OrgUnit unit(OrgUnit parent, String name, UnitKind kind) {
        OrgUnit u = new OrgUnit();
        u.id = UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        u.name = name;
        u.kind = kind;
        u.parentId = parent == null ? null : parent.id;
        u.path = OrgUnit.pathOf(parent, u.id);
        u.depth = parent == null ? 0 : parent.depth + 1;
        return u;
    }
}
