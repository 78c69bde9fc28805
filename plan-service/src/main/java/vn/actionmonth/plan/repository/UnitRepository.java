package vn.actionmonth.plan.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.common.units.UnitPath;
import vn.actionmonth.plan.domain.OrgUnit;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class UnitRepository implements PanacheRepositoryBase<OrgUnit, UUID> {

    private static final Sort BY_PATH = Sort.by("depth").and("name").and("id");

    /** The unit's current children (those that ceased are read with a day: see UnitHistoryRepository). */
    public PanacheQuery<OrgUnit> children(UUID parentId) {
        return find("parentId = ?1 and retired = false", Sort.by("name").and("id"), parentId);
    }

    /** The unit and every current unit under it, shallowest first. */
    public PanacheQuery<OrgUnit> subtree(OrgUnit root) {
        return find("path like ?1 and (retired = false or id = ?2)", BY_PATH, root.path + "%", root.id);
    }

    /** Everything strictly under the unit. */
    public List<OrgUnit> descendants(OrgUnit root) {
        return list("path like ?1 and id <> ?2", BY_PATH, root.path + "%", root.id);
    }

    /** The current units a reporting rule reaches from {@code issuer}, in tree order. */
    public List<OrgUnit> matching(OrgUnit issuer, vn.actionmonth.plan.domain.UnitRule rule) {
        List<vn.actionmonth.plan.domain.UnitKind> kinds = List.copyOf(rule.kinds());
        return rule.depthOrDefault() == vn.actionmonth.plan.domain.UnitRule.Depth.CHILDREN
                ? list("parentId = ?1 and retired = false and kind in ?2", BY_PATH, issuer.id, kinds)
                : list("path like ?1 and id <> ?2 and retired = false and kind in ?3", BY_PATH, issuer.path + "%", issuer.id,
                        kinds);
    }

    public List<OrgUnit> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /** Current (not retired) units with this administrative or agency code, within the subtree {@code scopePath}. */
    public PanacheQuery<OrgUnit> byCode(String code, String scopePath) {
        return find("(adminCode = ?1 or agencyCode = ?1) and retired = false and path like ?2",
                BY_PATH, code, scopePath + "%");
    }

    public Optional<OrgUnit> byAdminCodeInTree(UUID rootId, String code) {
        return find("adminCode = ?1 and retired = false and path like ?2", code, UnitPath.root(rootId) + "%")
                .firstResultOptional();
    }

    /** Accent-insensitive name search: {@code key} is already a search key (see SearchText). */
    public PanacheQuery<OrgUnit> searchName(String key, String scopePath) {
        return find("searchName like ?1 and path like ?2 and retired = false", Sort.by("searchName").and("id"),
                "%" + key + "%", scopePath + "%");
    }
}
