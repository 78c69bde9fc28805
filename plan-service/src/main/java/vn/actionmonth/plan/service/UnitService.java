package vn.actionmonth.plan.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.actionmonth.common.VietnamTime;
import vn.actionmonth.common.problem.Problems;
import vn.actionmonth.common.rest.Page;
import vn.actionmonth.common.units.UnitPath;
import vn.actionmonth.events.EventPayload;
import vn.actionmonth.events.outbox.Outbox;
import vn.actionmonth.events.plan.UnitChanged;
import vn.actionmonth.events.plan.UnitCreated;
import vn.actionmonth.events.plan.UnitMoved;
import vn.actionmonth.events.plan.UnitRetired;
import vn.actionmonth.plan.domain.OrgUnit;
import vn.actionmonth.plan.domain.ParentPeriod;
import vn.actionmonth.plan.domain.UnitVersion;
import vn.actionmonth.plan.repository.UnitHistoryRepository;
import vn.actionmonth.plan.repository.UnitRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static vn.actionmonth.plan.messaging.UnitEvents.snapshot;

/** Units and the reporting tree: every change is written with its event in one transaction. */
@ApplicationScoped
public class UnitService {

    /** A nested tree is for small subtrees; bigger ones are read page by page. */
    public static final int MAX_TREE_NODES = 2000;
    /** An export holds a national tree with its departments. */
    public static final int MAX_EXPORT = 200_000;

    private final UnitRepository units;
    private final UnitHistoryRepository history;
    private final Outbox outbox;
    private final Access access;
    private final Clock clock;
    private final EntityManager em;
    private final PlanService plans;

    public UnitService(UnitRepository units, UnitHistoryRepository history, Outbox outbox, Access access, Clock clock,
            EntityManager em, PlanService plans) {
        this.plans = plans;
        this.units = units;
        this.history = history;
        this.outbox = outbox;
        this.access = access;
        this.clock = clock;
        this.em = em;
    }

    public OrgUnit require(UUID id) {
        return units.findByIdOptional(id).orElseThrow(() -> Problems.notFound("unit", id));
    }

    public OrgUnit readable(UUID id) {
        OrgUnit u = require(id);
        access.requireRead(u);
        return u;
    }

    @Transactional
    public OrgUnit create(UnitDraft in) {
        return create(UUID.randomUUID(), in);
    }

    /** With a given id: the sample data's units keep fixed ids, so that tokens can be minted for them. */
    @Transactional
    public OrgUnit create(UUID id, UnitDraft in) {
        OrgUnit parent = null;
        if (in.parentId() == null) {
            if (!access.isSystem()) {
                throw Problems.forbidden("only a system account creates a new root");
            }
        } else {
            parent = units.findByIdOptional(in.parentId())
                    .orElseThrow(() -> Problems.invalid("parentId", "no unit " + in.parentId()));
            access.requireAdminOf(parent);
            if (parent.retired) {
                throw Problems.invalid("parentId", "unit " + parent.id + " is retired");
            }
        }
        OrgUnit u = new OrgUnit();
        u.id = id;
        apply(u, in);
        u.validFrom = in.validFrom() == null ? today() : in.validFrom();
        place(u, parent);
        u.parentHistory.add(new ParentPeriod(u.parentId, u.validFrom, null));
        u.version = 1;
        checkCodesFree(u);
        units.persist(u);
        em.flush();
        history.record(List.of(u.id), u.validFrom);
        outbox.append(new UnitCreated(snapshot(u)));
        outbox.appendAll(plans.followTree(u.ancestorIds()));
        return u;
    }

    @Transactional
    public OrgUnit update(UUID id, long expectedVersion, UnitDraft in) {
        OrgUnit u = require(id);
        access.requireAdminOf(u);
        checkVersion(u, expectedVersion);
        if (in.parentId() != null && !in.parentId().equals(u.parentId)) {
            throw Problems.invalid("parentId", "the reporting parent changes only by POST /api/v1/units/" + id + "/move");
        }
        apply(u, in);
        if (in.validFrom() != null) {
            u.validFrom = in.validFrom();
        }
        checkCodesFree(u);
        u.version++;
        em.flush();
        // a change made today holds from today; one to a unit that starts later, from its start
        LocalDate day = today().isBefore(u.validFrom) ? u.validFrom : today();
        history.record(List.of(u.id), day);
        outbox.append(new UnitChanged(snapshot(u)));
        outbox.appendAll(plans.followTree(u.ancestorIds())); // its kind may have changed
        return u;
    }

    @Transactional
    public OrgUnit retire(UUID id, Long expectedVersion, LocalDate effectiveTo) {
        OrgUnit u = require(id);
        access.requireAdminOf(u);
        if (expectedVersion != null) {
            checkVersion(u, expectedVersion);
        }
        if (u.retired) {
            throw Problems.conflict("unit " + id + " is already retired");
        }
        if (units.count("parentId = ?1 and retired = false", id) > 0) {
            throw Problems.conflict("unit " + id + " still has current units under it: move or retire them first");
        }
        if (effectiveTo.isBefore(u.validFrom)) {
            throw Problems.invalid("effectiveTo", "must not be before the unit's validFrom " + u.validFrom);
        }
        u.retired = true;
        u.validTo = effectiveTo;
        u.parentHistory.get(u.parentHistory.size() - 1).validTo = effectiveTo;
        u.version++;
        em.flush();
        history.close(List.of(u.id), effectiveTo);
        outbox.append(new UnitRetired(snapshot(u), effectiveTo));
        outbox.appendAll(plans.followTree(u.ancestorIds()));
        return u;
    }

    /**
     * Moves a unit (with its subtree) under a new parent from {@code effectiveFrom}, closing the
     * current parent period. The unit gets UnitMoved; every descendant gets UnitChanged, because
     * its ancestors changed.
     */
    @Transactional
    public OrgUnit move(UUID id, Long expectedVersion, UUID newParentId, LocalDate effectiveFrom) {
        OrgUnit u = require(id);
        access.requireAdminOf(u);
        if (expectedVersion != null) {
            checkVersion(u, expectedVersion);
        }
        OrgUnit parent = units.findByIdOptional(newParentId)
                .orElseThrow(() -> Problems.invalid("parentId", "no unit " + newParentId));
        access.requireAdminOf(parent);
        if (u.contains(parent)) {
            throw Problems.invalid("parentId", "a unit cannot move under itself or its own subtree");
        }
        if (parent.retired || u.retired) {
            throw Problems.invalid("parentId", "retired units do not move");
        }
        if (newParentId.equals(u.parentId)) {
            throw Problems.invalid("parentId", "the unit already reports to " + newParentId);
        }
        ParentPeriod current = u.parentHistory.get(u.parentHistory.size() - 1);
        if (!effectiveFrom.isAfter(current.validFrom)) {
            throw Problems.invalid("effectiveFrom", "must be after the current parent's start " + current.validFrom);
        }
        List<OrgUnit> descendants = units.descendants(u);
        UUID from = u.parentId;
        String oldPath = u.path;
        int oldDepth = u.depth;
        current.validTo = effectiveFrom;
        u.parentHistory.add(new ParentPeriod(parent.id, effectiveFrom, null));
        place(u, parent);
        u.version++;
        List<EventPayload> events = new ArrayList<>();
        for (OrgUnit d : descendants) {
            d.path = u.path + d.path.substring(oldPath.length());
            d.depth += u.depth - oldDepth;
            d.version++;
        }
        em.flush();
        List<UUID> moved = new ArrayList<>(descendants.size() + 1);
        moved.add(u.id);
        descendants.forEach(d -> moved.add(d.id));
        history.record(moved, effectiveFrom);
        events.add(new UnitMoved(snapshot(u), from, parent.id, effectiveFrom));
        descendants.forEach(d -> events.add(new UnitChanged(snapshot(d))));
        // plans above where it was and above where it is now may reach it by rule
        java.util.Set<UUID> above = new java.util.HashSet<>(u.ancestorIds());
        above.addAll(UnitPath.ids(oldPath));
        events.addAll(plans.followTree(above));
        outbox.appendAll(events);
        return u;
    }

    /** The unit's children today, or with {@code asOf} those it had on that day, as they were then. */
    public Page<ListedUnit> children(UUID id, LocalDate asOf, int page, int size) {
        OrgUnit u = withinOwnSubtree(id);
        if (asOf == null) {
            return page(units.children(u.id), page, size);
        }
        return new Page<>(history.children(u.id, asOf, page, size).stream().map(ListedUnit::of).toList(), page, size,
                history.countChildren(u.id, asOf));
    }

    /** The subtree today, or with {@code asOf} the subtree the unit had on that day (empty if it did not exist). */
    public Page<ListedUnit> subtree(UUID id, LocalDate asOf, int page, int size) {
        OrgUnit u = withinOwnSubtree(id);
        if (asOf == null) {
            return page(units.subtree(u), page, size);
        }
        return history.on(u.id, asOf)
                .map(v -> new Page<>(history.subtree(v.path(), asOf, page, size).stream().map(ListedUnit::of).toList(),
                        page, size, history.countSubtree(v.path(), asOf)))
                .orElseGet(() -> new Page<>(List.of(), page, size, 0));
    }

    /** Every version of the unit, oldest first. */
    public List<UnitVersion> versions(UUID id) {
        return history.versions(readable(id).id);
    }

    /**
     * The subtree as of {@code asOf} (today when null), every row of it, for export: refused above
     * {@link #MAX_EXPORT} units.
     */
    public List<UnitVersion> export(UUID id, LocalDate asOf) {
        OrgUnit u = withinOwnSubtree(id);
        LocalDate day = asOf == null ? today() : asOf;
        return history.on(u.id, day).map(v -> {
            long count = history.countSubtree(v.path(), day);
            if (count > MAX_EXPORT) {
                throw Problems.conflict("the subtree had " + count + " units on " + day + "; export at most " + MAX_EXPORT
                        + " at once, from a unit lower down");
            }
            return history.subtree(v.path(), day, 0, MAX_EXPORT);
        }).orElseGet(List::of);
    }

    /** Lists below a unit show siblings of the caller's ancestors, so they stop at the caller's own subtree. */
    private OrgUnit withinOwnSubtree(UUID id) {
        OrgUnit u = readable(id);
        if (!access.isSystem() && !access.home().contains(u)) {
            throw Problems.forbidden("the caller lists units within its own subtree only");
        }
        return u;
    }

    /** The subtree nested; refused for subtrees of more than {@link #MAX_TREE_NODES} units. */
    public UnitTree tree(UUID id) {
        OrgUnit root = withinOwnSubtree(id);
        PanacheQuery<OrgUnit> q = units.subtree(root);
        long count = q.count();
        if (count > MAX_TREE_NODES) {
            throw Problems.conflict("the subtree has " + count + " units; read it with /subtree page by page (nested trees are limited to "
                    + MAX_TREE_NODES + ")");
        }
        Map<UUID, List<OrgUnit>> byParent = new HashMap<>();
        for (OrgUnit u : q.list()) {
            byParent.computeIfAbsent(u.parentId, k -> new ArrayList<>()).add(u);
        }
        return node(root, byParent);
    }

    private UnitTree node(OrgUnit u, Map<UUID, List<OrgUnit>> byParent) {
        List<UnitTree> children = byParent.getOrDefault(u.id, List.of()).stream()
                .sorted(java.util.Comparator.comparing((OrgUnit c) -> c.name))
                .map(c -> node(c, byParent)).toList();
        return new UnitTree(u, children);
    }

    /** Root first, down to the unit's parent. */
    public List<OrgUnit> ancestors(UUID id) {
        OrgUnit u = readable(id);
        List<UUID> ids = u.ancestorIds();
        Map<UUID, OrgUnit> found = new HashMap<>();
        units.byIds(ids).forEach(a -> found.put(a.id, a));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /**
     * By code or by name, among the units of the caller's scope; with {@code asOf}, among the
     * versions that held on that day, so a code reused after a reorganisation finds the unit that
     * bore it then.
     */
    public Page<ListedUnit> search(String name, String code, LocalDate asOf, int page, int size) {
        if (code != null && !code.isBlank()) {
            if (asOf == null) {
                return page(units.byCode(code.strip(), access.scopePath()), page, size);
            }
            return new Page<>(history.byCode(code.strip(), access.scopePath(), asOf, page, size).stream()
                    .map(ListedUnit::of).toList(), page, size, history.countByCode(code.strip(), access.scopePath(), asOf));
        }
        if (name == null || Texts.searchKey(name).length() < 2) {
            throw Problems.invalid(List.of(vn.actionmonth.common.problem.Problem.Violation.query("name",
                    "give a name of at least 2 letters, or a code")));
        }
        String key = Texts.searchKey(name);
        if (asOf == null) {
            return page(units.searchName(key, access.scopePath()), page, size);
        }
        return new Page<>(history.byName(key, access.scopePath(), asOf, page, size).stream().map(ListedUnit::of).toList(),
                page, size, history.countByName(key, access.scopePath(), asOf));
    }

    private Page<ListedUnit> page(PanacheQuery<OrgUnit> q, int page, int size) {
        List<ListedUnit> items = q.page(io.quarkus.panache.common.Page.of(page, size)).list().stream()
                .map(ListedUnit::of).toList();
        return new Page<>(items, page, size, q.count());
    }

    private void apply(OrgUnit u, UnitDraft in) {
        u.kind = in.kind();
        u.name = Texts.nfc(in.name());
        u.searchName = Texts.searchKey(u.name);
        u.shortName = Texts.nfc(in.shortName());
        u.adminCode = Texts.nfc(in.adminCode());
        u.agencyCode = Texts.nfc(in.agencyCode());
        u.email = Texts.nfc(in.email());
        u.phone = Texts.nfc(in.phone());
        u.address = Texts.nfc(in.address());
        u.validTo = in.validTo();
    }

    private static void place(OrgUnit u, OrgUnit parent) {
        u.parentId = parent == null ? null : parent.id;
        u.path = OrgUnit.pathOf(parent, u.id);
        u.depth = parent == null ? 0 : parent.depth + 1;
    }

    /** Codes name one current unit per tree; answer 409 naming the field rather than a constraint error. */
    private void checkCodesFree(OrgUnit u) {
        String tree = UnitPath.root(u.rootId()) + "%";
        if (u.adminCode != null && units.count("adminCode = ?1 and retired = false and path like ?2 and id <> ?3",
                u.adminCode, tree, u.id) > 0) {
            throw Problems.conflict("adminCode", "another current unit of this tree has code " + u.adminCode);
        }
        if (u.agencyCode != null && units.count("agencyCode = ?1 and retired = false and path like ?2 and id <> ?3",
                u.agencyCode, tree, u.id) > 0) {
            throw Problems.conflict("agencyCode", "another current unit of this tree has agency code " + u.agencyCode);
        }
    }

    static void checkVersion(OrgUnit u, long expected) {
        if (u.version != expected) {
            throw Problems.preconditionFailed("unit " + u.id + " is at version " + u.version + ", not " + expected);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(VietnamTime.ZONE));
    }
}
