package vn.actionmonth.plan.service;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.actionmonth.common.VietnamTime;
import vn.actionmonth.common.problem.Problem;
import vn.actionmonth.common.problem.Problems;
import vn.actionmonth.common.units.UnitPath;
import vn.actionmonth.common.validation.TextRules;
import vn.actionmonth.events.EventPayload;
import vn.actionmonth.events.outbox.Outbox;
import vn.actionmonth.events.plan.LineageEdge;
import vn.actionmonth.events.plan.UnitChanged;
import vn.actionmonth.events.plan.UnitMoved;
import vn.actionmonth.events.plan.UnitRetired;
import vn.actionmonth.events.plan.UnitSplit;
import vn.actionmonth.events.plan.UnitsMerged;
import vn.actionmonth.plan.domain.OrgUnit;
import vn.actionmonth.plan.domain.Share;
import vn.actionmonth.plan.domain.UnitKind;
import vn.actionmonth.plan.domain.UnitLimits;
import vn.actionmonth.plan.repository.ReorganisationRepository.Lineage;
import vn.actionmonth.plan.repository.ReorganisationRepository.Reorganisation;
import vn.actionmonth.plan.repository.ReorganisationRepository.TreeUnit;
import vn.actionmonth.plan.repository.ReorganisationRepository.UnitRow;
import vn.actionmonth.plan.repository.ReorganisationRepository;
import vn.actionmonth.plan.repository.UnitHistoryRepository;
import vn.actionmonth.plan.repository.UnitRepository;
import vn.actionmonth.plan.service.ReorganisationSpec.Edge;
import vn.actionmonth.plan.service.ReorganisationSpec.NewUnit;
import vn.actionmonth.plan.service.ReorganisationSpec.Placement;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static vn.actionmonth.plan.messaging.UnitEvents.snapshot;

/**
 * Applies a reorganisation of a tree: merges and splits effective on one day, checked whole first
 * and applied in one transaction, or refused naming every bad row and changing nothing.
 *
 * <p>What a reorganisation does, from its list of units and its lineage:
 * <ul>
 * <li>A unit of the list formed from exactly one old unit that went whole to it alone continues
 *     that unit (same identity, a new version: name, code, kind, parent); any other unit of the
 *     list is a new identity, with lineage edges to the old units it was formed from.</li>
 * <li>Every other old unit named in the lineage ceases on the effective day. So does an
 *     administrative unit the lineage does not name that is left with no administrative unit
 *     under it (the districts of 2025): its successors are derived, the units its former children
 *     now report to ({@code FULL} when there is one, {@code PARTIAL} edges when several).</li>
 * <li>A unit that stays (a department, an office, a mass organisation) under a unit that ceased
 *     moves under that unit's successor, unless a placement names its new parent; for a unit that
 *     went to several, the placement or the successor taking over its duties is required.</li>
 * <li>Open obligations owed, received or consolidated by a unit that ceased pass to its successor
 *     (the one it went to whole, or the one named as taking over its duties), which is required
 *     for every such unit.</li>
 * </ul>
 * A reorganisation takes effect on a day not after today (Vietnam time): one dated in the future
 * is refused, as nothing would apply it on its day.
 */
@ApplicationScoped
public class ReorganisationService {

    private static final Pattern ADMIN_CODE = Pattern.compile("[0-9]{2,5}");
    private static final int MAX_REPORTED = 200;
    private static final int SNAPSHOT_CHUNK = 2000;

    /** What applying a reorganisation did. */
    public record Result(UUID id, LocalDate effectiveDate, int unitsCreated, int unitsContinued, int unitsCeased,
                         int unitsMoved, int obligationsHandedOver, int plansReaddressed, int lineageRows, long tookMs) {
    }

    private final UnitRepository units;
    private final UnitHistoryRepository history;
    private final ReorganisationRepository repository;
    private final PlanService plans;
    private final Access access;
    private final Outbox outbox;
    private final EntityManager em;
    private final Clock clock;

    public ReorganisationService(UnitRepository units, UnitHistoryRepository history, ReorganisationRepository repository,
            PlanService plans, Access access, Outbox outbox, EntityManager em, Clock clock) {
        this.units = units;
        this.history = history;
        this.repository = repository;
        this.plans = plans;
        this.access = access;
        this.outbox = outbox;
        this.em = em;
        this.clock = clock;
    }

    /**
     * The root of the tree {@code rootId} names, once the caller is found to be allowed to
     * reorganise it: checked before a file is read, so that nobody learns what is wrong with a file
     * they may not apply.
     */
    public OrgUnit requireMayReorganise(UUID rootId) {
        if (rootId == null) {
            throw Problems.invalid("rootId", "is required");
        }
        OrgUnit root = units.findByIdOptional(rootId).orElseThrow(() -> Problems.invalid("rootId", "no unit " + rootId));
        if (root.parentId != null) {
            throw Problems.invalid("rootId", "a reorganisation applies to a whole tree: give its root, " + root.rootId());
        }
        access.requireRootAdmin(root);
        return root;
    }

    @Transactional
    @TransactionConfiguration(timeout = 900)
    public Result apply(ReorganisationSpec spec) {
        long started = System.nanoTime();
        OrgUnit root = requireMayReorganise(spec.rootId());
        LocalDate day = spec.effectiveDate();
        List<Problem.Violation> errors = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        if (day == null) {
            errors.add(Problem.Violation.body("effectiveDate", "is required"));
        } else if (day.isAfter(today)) {
            errors.add(Problem.Violation.body("effectiveDate", "is after today (" + today
                    + "): apply a reorganisation on or after the day it takes effect"));
        } else if (!day.isAfter(root.validFrom)) {
            errors.add(Problem.Violation.body("effectiveDate", "must be after the tree's first day " + root.validFrom));
        }
        String titleProblem = spec.title() == null || spec.title().isBlank() ? "is required: the decision it follows, e.g. "
                + "\"Nghị quyết 202/2025/QH15\"" : TextRules.problem(spec.title(), 500, false);
        if (titleProblem != null) {
            errors.add(Problem.Violation.body("title", titleProblem));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        Layout plan = new Layout(root, day, repository.currentUnits(root.id));
        plan.check(spec, errors);
        if (errors.isEmpty()) {
            Set<UUID> withDuties = plans.unitsWithDuties(plan.ceasing);
            for (UUID id : withDuties) {
                if (plan.dutySuccessor(id) == null) {
                    TreeUnit u = plan.byId.get(id);
                    errors.add(Problem.Violation.body(plan.labelOf(id), "unit " + describe(u) + " has open obligations or "
                            + "receives reports, and goes to several units: name the one that takes over its duties"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors.size() > MAX_REPORTED ? errors.subList(0, MAX_REPORTED) : errors);
        }
        return write(spec, plan, started);
    }

    private Result write(ReorganisationSpec spec, Layout plan, long started) {
        LocalDate day = spec.effectiveDate();
        UUID id = UUID.randomUUID();
        String title = Texts.nfc(spec.title());
        repository.writeUnits(plan.created, plan.changed, plan.reparented, plan.ceasing, day);
        history.close(plan.ceasing, day);
        List<UUID> versioned = new ArrayList<>(plan.created.size() + plan.changed.size());
        plan.created.forEach(r -> versioned.add(r.id()));
        plan.changed.forEach(r -> versioned.add(r.id()));
        history.record(versioned, day);

        Map<UUID, UUID> successorOf = new HashMap<>();
        for (UUID old : plan.ceasing) {
            UUID s = plan.dutySuccessor(old);
            if (s != null) {
                successorOf.put(old, s);
            }
        }
        String reason = "reorganisation of " + day + ": " + title;
        em.clear();
        PlanService.Handover handover = plans.handOver(successorOf, day, reason);

        List<Lineage> lineage = new ArrayList<>();
        plan.edges.values().forEach(edges -> edges.forEach(e -> lineage.add(lineageRow(id, e))));
        plan.continuedEdges.forEach(e -> lineage.add(lineageRow(id, e)));
        repository.insert(new Reorganisation(id, plan.root.id, day, title, Instant.now(clock), access.actor(),
                plan.created.size(), plan.ceasing.size(), plan.moved.size(), handover.obligationsHandedOver()), lineage);

        em.flush();
        em.clear();
        Map<UUID, List<LineageEdge>> intoNew = new HashMap<>();
        plan.edges.values().forEach(edges -> edges.forEach(e -> intoNew.computeIfAbsent(e.newUnitId(), k -> new ArrayList<>()).add(e)));
        // the events go out in chunks, the units of each chunk loaded, written and let go: a
        // national reorganisation's 14,000 units and their events would not fit a service's heap at once
        inChunks(plan.created.stream().map(UnitRow::id).toList(), u -> {
            List<LineageEdge> in = intoNew.getOrDefault(u.id, List.of());
            return new UnitsMerged(snapshot(u), in.stream().map(LineageEdge::oldUnitId).toList(), day, id, in);
        });
        inChunks(plan.changed.stream().map(UnitRow::id).toList(), u -> plan.reparented.contains(u.id)
                ? new UnitMoved(snapshot(u), plan.byId.get(u.id).parentId(), u.parentId, day)
                : new UnitChanged(snapshot(u)));
        inChunks(new ArrayList<>(plan.ceasing), u -> {
            List<LineageEdge> out = plan.edges.getOrDefault(u.id, List.of());
            return out.size() > 1 ? new UnitSplit(snapshot(u), day, id, out) : new UnitRetired(snapshot(u), day);
        });
        outbox.appendAll(handover.events());
        outbox.appendAll(plans.followTreeOf(units.findById(plan.root.id)));
        return new Result(id, day, plan.created.size(), plan.continued.size(), plan.ceasing.size(), plan.moved.size(),
                handover.obligationsHandedOver(), handover.plansTouched(), lineage.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The event of each unit, in the order given, appended to the outbox a chunk at a time. */
    private void inChunks(List<UUID> ids, java.util.function.Function<OrgUnit, EventPayload> event) {
        for (int i = 0; i < ids.size(); i += SNAPSHOT_CHUNK) {
            List<UUID> chunk = ids.subList(i, Math.min(ids.size(), i + SNAPSHOT_CHUNK));
            Map<UUID, OrgUnit> loaded = new HashMap<>();
            units.byIds(chunk).forEach(u -> loaded.put(u.id, u));
            List<EventPayload> events = new ArrayList<>(chunk.size());
            chunk.forEach(unitId -> events.add(event.apply(loaded.get(unitId))));
            outbox.appendAll(events);
            em.flush();
            em.clear();
        }
    }

    private static Lineage lineageRow(UUID reorganisationId, LineageEdge e) {
        return new Lineage(reorganisationId, e.oldUnitId(), e.newUnitId(), Share.valueOf(e.share()), e.takesOverDuties(),
                e.derived(), e.allocation());
    }

    public Reorganisation read(UUID id) {
        Reorganisation r = repository.find(id).orElseThrow(() -> Problems.notFound("reorganisation", id));
        access.requireRead(units.findById(r.rootId()));
        return r;
    }

    public List<Reorganisation> ofTree(UUID rootId) {
        OrgUnit root = units.findByIdOptional(rootId).orElseThrow(() -> Problems.notFound("unit", rootId));
        access.requireRead(root);
        return repository.ofTree(root.rootId());
    }

    public List<Lineage> lineage(UUID id) {
        return repository.lineage(read(id).id());
    }

    /** The lineage rows the unit is in, as old or new unit, across every reorganisation of its tree. */
    public List<Lineage> lineageOfUnit(UUID unitId) {
        OrgUnit u = units.findByIdOptional(unitId).orElseThrow(() -> Problems.notFound("unit", unitId));
        access.requireRead(u);
        return repository.lineageOfUnit(u.id);
    }

    /** The id a unit formed by a reorganisation gets: the same for the same tree, code and day everywhere. */
    static UUID newUnitId(UUID rootId, String code, LocalDate day) {
        return UUID.nameUUIDFromBytes(("reorganisation:" + rootId + ":" + code + ":" + day).getBytes(StandardCharsets.UTF_8));
    }

    private static String describe(TreeUnit u) {
        return u.name() + (u.adminCode() == null ? "" : " (" + u.adminCode() + ")");
    }

    /** The reorganisation worked out in memory against the tree's current units, before anything is written. */
    private static final class Layout {
        final OrgUnit root;
        final LocalDate day;
        final Map<UUID, TreeUnit> byId = new HashMap<>();
        final Map<String, TreeUnit> byCode = new HashMap<>();
        final Map<UUID, List<TreeUnit>> childrenBefore = new HashMap<>();
        /** Where errors about a unit that ceased point: the first lineage row naming it, or the tree. */
        final Map<UUID, String> labels = new HashMap<>();

        final Map<String, NewUnit> newByCode = new LinkedHashMap<>();
        final Map<String, UUID> idOfCode = new HashMap<>();
        final Set<UUID> continued = new LinkedHashSet<>();
        final Set<UUID> ceasing = new LinkedHashSet<>();
        final Map<UUID, List<LineageEdge>> edges = new LinkedHashMap<>();
        /** A unit that continues is its own successor: recorded, so the lineage holds every row given. */
        final List<LineageEdge> continuedEdges = new ArrayList<>();
        final Map<UUID, UUID> parentAfter = new HashMap<>();
        final Set<UUID> moved = new LinkedHashSet<>();

        final List<UnitRow> created = new ArrayList<>();
        final List<UnitRow> changed = new ArrayList<>();
        final Set<UUID> reparented = new HashSet<>();

        Layout(OrgUnit root, LocalDate day, List<TreeUnit> tree) {
            this.root = root;
            this.day = day;
            for (TreeUnit u : tree) {
                byId.put(u.id(), u);
                if (u.adminCode() != null) {
                    byCode.put(u.adminCode(), u);
                }
                if (u.parentId() != null) {
                    childrenBefore.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u);
                }
            }
        }

        String labelOf(UUID unit) {
            return labels.getOrDefault(unit, "lineage");
        }

        UUID dutySuccessor(UUID old) {
            List<LineageEdge> out = edges.getOrDefault(old, List.of());
            if (out.size() == 1) {
                return out.get(0).newUnitId();
            }
            return out.stream().filter(LineageEdge::takesOverDuties).map(LineageEdge::newUnitId).findFirst().orElse(null);
        }

        void check(ReorganisationSpec spec, List<Problem.Violation> errors) {
            checkUnits(spec.units() == null ? List.of() : spec.units(), errors);
            Map<UUID, List<Edge>> byOld = checkLineage(spec.lineage() == null ? List.of() : spec.lineage(), errors);
            if (!errors.isEmpty()) {
                return;
            }
            identities(spec.lineage(), byOld);
            checkCodes(errors);
            parents(errors);
            if (!errors.isEmpty()) {
                return;
            }
            deriveCeasing();
            placeOrphans(spec.placements() == null ? List.of() : spec.placements(), errors);
            if (errors.isEmpty()) {
                rows(errors);
            }
        }

        private void checkUnits(List<NewUnit> list, List<Problem.Violation> errors) {
            if (list.isEmpty()) {
                errors.add(Problem.Violation.body("units", "give the units formed or continued on the effective date"));
            }
            for (NewUnit n : list) {
                int before = errors.size();
                text(errors, n.label() + ".code", n.code(), UnitLimits.CODE, true);
                text(errors, n.label() + ".name", n.name(), UnitLimits.NAME, true);
                text(errors, n.label() + ".parentCode", n.parentCode(), UnitLimits.CODE, false);
                if (errors.size() > before) {
                    continue;
                }
                if (!ADMIN_CODE.matcher(n.code()).matches()) {
                    errors.add(Problem.Violation.body(n.label() + ".code", "must be 2 to 5 digits"));
                } else if (n.kind() == null) {
                    errors.add(Problem.Violation.body(n.label() + ".kind", "give the kind (PROVINCE or COMMUNE for a 2 "
                            + "or 5 digit code)"));
                } else {
                    NewUnit twin = newByCode.putIfAbsent(n.code(), n);
                    if (twin != null) {
                        errors.add(Problem.Violation.body(n.label() + ".code", "code " + n.code() + " appears twice (also "
                                + twin.label() + ")"));
                    }
                }
            }
        }

        private Map<UUID, List<Edge>> checkLineage(List<Edge> list, List<Problem.Violation> errors) {
            Map<UUID, List<Edge>> byOld = new LinkedHashMap<>();
            Set<String> pairs = new HashSet<>();
            Set<String> withSources = new HashSet<>();
            for (Edge e : list) {
                int before = errors.size();
                text(errors, e.label() + ".newCode", e.newCode(), UnitLimits.CODE, true);
                text(errors, e.label() + ".oldCode", e.oldCode(), UnitLimits.CODE, true);
                text(errors, e.label() + ".oldName", e.oldName(), UnitLimits.NAME, false);
                if (errors.size() > before) {
                    continue;
                }
                if (e.share() == null) {
                    errors.add(Problem.Violation.body(e.label() + ".share", "must be full or partial"));
                    continue;
                }
                if (!newByCode.containsKey(e.newCode())) {
                    errors.add(Problem.Violation.body(e.label() + ".newCode", "no unit with code " + e.newCode()
                            + " in the reorganisation's units"));
                    continue;
                }
                TreeUnit old = byCode.get(e.oldCode());
                if (old == null) {
                    errors.add(Problem.Violation.body(e.label() + ".oldCode", "no current unit of the tree has code "
                            + e.oldCode() + " on " + day.minusDays(1)));
                    continue;
                }
                if (e.oldName() != null && !Texts.nfc(e.oldName()).equals(old.name())) {
                    errors.add(Problem.Violation.body(e.label() + ".oldName", "unit " + e.oldCode() + " is " + old.name()
                            + ", not " + Texts.nfc(e.oldName())));
                    continue;
                }
                if (e.allocation() != null && (e.share() != Share.PARTIAL || e.allocation().signum() <= 0
                        || e.allocation().compareTo(BigDecimal.ONE) > 0)) {
                    errors.add(Problem.Violation.body(e.label() + ".allocation", "an allocation is a share above 0 and at "
                            + "most 1, given for a partial row only"));
                    continue;
                }
                if (!pairs.add(e.oldCode() + ">" + e.newCode())) {
                    errors.add(Problem.Violation.body(e.label(), "unit " + e.oldCode() + " into " + e.newCode()
                            + " is listed twice"));
                    continue;
                }
                withSources.add(e.newCode());
                labels.putIfAbsent(old.id(), e.label());
                byOld.computeIfAbsent(old.id(), k -> new ArrayList<>()).add(e);
            }
            for (Map.Entry<UUID, List<Edge>> entry : byOld.entrySet()) {
                List<Edge> out = entry.getValue();
                TreeUnit old = byId.get(entry.getKey());
                long full = out.stream().filter(x -> x.share() == Share.FULL).count();
                Edge first = out.get(0);
                if (full > 0 && out.size() > 1) {
                    errors.add(Problem.Violation.body(first.label() + ".share", "unit " + describe(old) + " goes whole "
                            + "(full) to exactly one unit, but " + out.size() + " rows name it: " + labelsOf(out)));
                } else if (out.stream().filter(Edge::takesOverDuties).count() > 1) {
                    errors.add(Problem.Violation.body(first.label() + ".takesOverDuties", "only one successor of "
                            + describe(old) + " takes over its duties: " + labelsOf(out)));
                } else if (out.stream().map(Edge::allocation).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add)
                        .compareTo(BigDecimal.ONE) > 0) {
                    errors.add(Problem.Violation.body(first.label() + ".allocation", "the allocations of " + describe(old)
                            + " add up to more than 1"));
                }
            }
            for (NewUnit n : newByCode.values()) {
                if (!withSources.contains(n.code())) {
                    errors.add(Problem.Violation.body(n.label(), "unit " + n.code() + " has no lineage row: say which old "
                            + "units it was formed from"));
                }
            }
            return byOld;
        }

        private void identities(List<Edge> list, Map<UUID, List<Edge>> byOld) {
            Map<String, List<Edge>> byNew = new HashMap<>();
            list.forEach(e -> byNew.computeIfAbsent(e.newCode(), k -> new ArrayList<>()).add(e));
            for (NewUnit n : newByCode.values()) {
                List<Edge> in = byNew.get(n.code());
                TreeUnit only = in.size() == 1 ? byCode.get(in.get(0).oldCode()) : null;
                if (only != null && in.get(0).share() == Share.FULL && byOld.get(only.id()).size() == 1) {
                    idOfCode.put(n.code(), only.id());
                    continued.add(only.id());
                    continuedEdges.add(new LineageEdge(only.id(), only.id(), Share.FULL.name(), true, false, null));
                } else {
                    idOfCode.put(n.code(), newUnitId(root.id, n.code(), day));
                }
            }
            for (Map.Entry<UUID, List<Edge>> entry : byOld.entrySet()) {
                if (continued.contains(entry.getKey())) {
                    continue;
                }
                ceasing.add(entry.getKey());
                List<LineageEdge> out = new ArrayList<>();
                for (Edge e : entry.getValue()) {
                    boolean duties = e.share() == Share.FULL || e.takesOverDuties();
                    out.add(new LineageEdge(entry.getKey(), idOfCode.get(e.newCode()), e.share().name(), duties, false,
                            e.allocation()));
                }
                edges.put(entry.getKey(), out);
            }
        }

        /** A code names one unit on the day: no unit that stays may keep a code the list gives another. */
        private void checkCodes(List<Problem.Violation> errors) {
            for (NewUnit n : newByCode.values()) {
                TreeUnit holder = byCode.get(n.code());
                if (holder != null && !ceasing.contains(holder.id()) && !continued.contains(holder.id())) {
                    errors.add(Problem.Violation.body(n.label() + ".code", "code " + n.code() + " is " + describe(holder)
                            + "'s, which the reorganisation keeps: it cannot name another unit on " + day));
                }
            }
        }

        /** The parent each unit has from the day: the list's for its units, the present one for the others. */
        private void parents(List<Problem.Violation> errors) {
            for (TreeUnit u : byId.values()) {
                if (!ceasing.contains(u.id())) {
                    parentAfter.put(u.id(), u.parentId());
                }
            }
            for (NewUnit n : newByCode.values()) {
                UUID parent;
                String pc = n.parentCode();
                if (pc == null || pc.isBlank()) {
                    parent = root.id;
                } else if (newByCode.containsKey(pc)) {
                    parent = idOfCode.get(pc);
                } else if (byCode.containsKey(pc) && !ceasing.contains(byCode.get(pc).id())
                        && !continued.contains(byCode.get(pc).id())) {
                    parent = byCode.get(pc).id();
                } else {
                    errors.add(Problem.Violation.body(n.label() + ".parentCode", "no unit has code " + pc + " on " + day
                            + " in the list or the tree"));
                    continue;
                }
                parentAfter.put(idOfCode.get(n.code()), parent);
            }
        }

        /**
         * Administrative units the lineage does not name and that are left with no administrative
         * unit under them cease too (the abolished level); their successors are where their former
         * children's successors now report. Repeated until nothing more ceases, lowest level first.
         */
        private void deriveCeasing() {
            boolean more = true;
            while (more) {
                more = false;
                Set<UUID> adminParentsAfter = new HashSet<>();
                for (Map.Entry<UUID, UUID> e : parentAfter.entrySet()) {
                    if (isAdministrative(e.getKey())) {
                        adminParentsAfter.add(e.getValue());
                    }
                }
                for (TreeUnit u : byId.values()) {
                    if (u.adminCode() == null || ceasing.contains(u.id()) || continued.contains(u.id())
                            || adminParentsAfter.contains(u.id())) {
                        continue;
                    }
                    List<TreeUnit> formerChildren = childrenBefore.getOrDefault(u.id(), List.of()).stream()
                            .filter(c -> c.adminCode() != null).toList();
                    if (formerChildren.isEmpty()) {
                        continue;
                    }
                    Set<UUID> successors = new LinkedHashSet<>();
                    for (TreeUnit c : formerChildren) {
                        for (UUID s : successorsOf(c.id())) {
                            UUID p = parentAfter.get(s);
                            if (p != null && !p.equals(root.id)) {
                                successors.add(p);
                            }
                        }
                    }
                    if (successors.isEmpty()) {
                        continue;
                    }
                    ceasing.add(u.id());
                    parentAfter.remove(u.id());
                    boolean single = successors.size() == 1;
                    edges.put(u.id(), successors.stream().map(s -> new LineageEdge(u.id(), s,
                            single ? Share.FULL.name() : Share.PARTIAL.name(), single, true, null)).toList());
                    more = true;
                }
            }
        }

        private Collection<UUID> successorsOf(UUID old) {
            if (continued.contains(old)) {
                return List.of(old);
            }
            return edges.getOrDefault(old, List.of()).stream().map(LineageEdge::newUnitId).toList();
        }

        private boolean isAdministrative(UUID id) {
            TreeUnit u = byId.get(id);
            return u == null || u.adminCode() != null;
        }

        /** Units that stay under a unit that ceased move to where the placements or its successor say. */
        private void placeOrphans(List<Placement> placements, List<Problem.Violation> errors) {
            Map<UUID, Placement> placed = new HashMap<>();
            for (Placement p : placements) {
                TreeUnit u = p.unitId() == null ? null : byId.get(p.unitId());
                if (u == null || ceasing.contains(u.id())) {
                    errors.add(Problem.Violation.body(p.label() + ".unitId", "no current unit " + p.unitId()
                            + " of the tree stays after the reorganisation"));
                } else if (!newByCode.containsKey(p.parentCode()) && !(byCode.containsKey(p.parentCode())
                        && !ceasing.contains(byCode.get(p.parentCode()).id()))) {
                    errors.add(Problem.Violation.body(p.label() + ".parentCode", "no unit has code " + p.parentCode()
                            + " on " + day));
                } else {
                    placed.put(u.id(), p);
                }
            }
            List<TreeUnit> orphans = byId.values().stream()
                    .filter(u -> !ceasing.contains(u.id()) && !continued.contains(u.id()) && ceasing.contains(u.parentId()))
                    .sorted(Comparator.comparing(TreeUnit::depth).thenComparing(TreeUnit::name)).toList();
            for (TreeUnit u : orphans) {
                Placement p = placed.remove(u.id());
                UUID to;
                if (p != null) {
                    to = newByCode.containsKey(p.parentCode()) ? idOfCode.get(p.parentCode()) : byCode.get(p.parentCode()).id();
                } else {
                    to = dutySuccessor(u.parentId());
                    if (to == null) {
                        TreeUnit parent = byId.get(u.parentId());
                        errors.add(Problem.Violation.body(labelOf(parent.id()), describe(u) + " reports to "
                                + describe(parent) + ", which goes to several units: place it (placements) or name the "
                                + "successor that takes over the duties of " + describe(parent)));
                        continue;
                    }
                }
                parentAfter.put(u.id(), to);
                moved.add(u.id());
            }
            placed.values().forEach(p -> errors.add(Problem.Violation.body(p.label() + ".unitId", "unit " + p.unitId()
                    + " does not report to a unit that ceases: move it with POST /api/v1/units/" + p.unitId() + "/move")));
        }

        /** Paths from the root through the parents after the day, and the rows to write. */
        private void rows(List<Problem.Violation> errors) {
            Map<UUID, String> paths = new HashMap<>();
            paths.put(root.id, root.path);
            Map<UUID, NewUnit> newById = new HashMap<>();
            newByCode.values().forEach(n -> newById.put(idOfCode.get(n.code()), n));
            for (UUID id : parentAfter.keySet()) {
                if (pathOf(id, paths, new HashSet<>()) == null) {
                    errors.add(Problem.Violation.body("units", "the parents of unit " + id + " form a loop"));
                    return;
                }
            }
            for (Map.Entry<UUID, UUID> e : parentAfter.entrySet()) {
                UUID id = e.getKey();
                String path = paths.get(id);
                int depth = (int) path.chars().filter(c -> c == '/').count() - 2;
                NewUnit n = newById.get(id);
                TreeUnit before = byId.get(id);
                if (before == null) {
                    created.add(new UnitRow(id, n.kind(), Texts.nfc(n.name()), Texts.searchKey(Texts.nfc(n.name())),
                            n.code(), e.getValue(), path, depth));
                    continue;
                }
                String name = n == null ? before.name() : Texts.nfc(n.name());
                UnitKind kind = n == null ? before.kind() : n.kind();
                String code = n == null ? before.adminCode() : n.code();
                boolean reparent = !Objects.equals(before.parentId(), e.getValue());
                if (reparent || !path.equals(before.path()) || !name.equals(before.name()) || kind != before.kind()
                        || !Objects.equals(code, before.adminCode())) {
                    changed.add(new UnitRow(id, kind, name, Texts.searchKey(name), code, e.getValue(), path, depth));
                    if (reparent) {
                        reparented.add(id);
                    }
                }
            }
            created.sort(Comparator.comparingInt(UnitRow::depth));
        }

        private String pathOf(UUID id, Map<UUID, String> paths, Set<UUID> seen) {
            String known = paths.get(id);
            if (known != null) {
                return known;
            }
            if (!seen.add(id)) {
                return null;
            }
            UUID parent = parentAfter.get(id);
            if (parent == null) {
                return null;
            }
            String parentPath = pathOf(parent, paths, seen);
            if (parentPath == null) {
                return null;
            }
            String path = UnitPath.of(parentPath, id);
            paths.put(id, path);
            return path;
        }

        private static String labelsOf(List<Edge> rows) {
            return String.join(", ", rows.stream().map(Edge::label).toList());
        }

        private static void text(List<Problem.Violation> errors, String field, String value, int max, boolean required) {
            if (required && (value == null || value.isBlank())) {
                errors.add(Problem.Violation.body(field, "must not be blank"));
                return;
            }
            String problem = TextRules.problem(value, max, true);
            if (problem != null) {
                errors.add(Problem.Violation.body(field, problem));
            }
        }
    }
}
