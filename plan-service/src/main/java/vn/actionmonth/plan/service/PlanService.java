package vn.actionmonth.plan.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.actionmonth.common.problem.Problem;
import vn.actionmonth.common.problem.Problems;
import vn.actionmonth.common.rest.Page;
import vn.actionmonth.events.EventPayload;
import vn.actionmonth.events.outbox.Outbox;
import vn.actionmonth.events.plan.ObligationCancelled;
import vn.actionmonth.events.plan.ObligationChanged;
import vn.actionmonth.events.plan.ObligationCreated;
import vn.actionmonth.events.plan.PlanAmended;
import vn.actionmonth.events.plan.PlanClosed;
import vn.actionmonth.events.plan.PlanPublished;
import vn.actionmonth.plan.domain.Obligation;
import vn.actionmonth.plan.domain.OrgUnit;
import vn.actionmonth.plan.domain.Plan;
import vn.actionmonth.plan.domain.PlanRevision;
import vn.actionmonth.plan.domain.PlanStatus;
import vn.actionmonth.plan.domain.UnitRef;
import vn.actionmonth.plan.repository.ObligationRepository;
import vn.actionmonth.plan.repository.PlanRepository;
import vn.actionmonth.plan.repository.RevisionRepository;
import vn.actionmonth.plan.repository.UnitRepository;
import vn.actionmonth.plan.rest.CoverageView;
import vn.actionmonth.plan.rest.PlanInput;
import vn.actionmonth.plan.rest.PlanView;
import vn.actionmonth.plan.rest.ReportingRequirement;
import vn.actionmonth.plan.rest.UnitSummary;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static vn.actionmonth.plan.messaging.PlanEvents.snapshot;
import static vn.actionmonth.plan.messaging.PlanEvents.summary;

/**
 * Plans from draft to closed. A draft is edited freely by its issuer's planner; publishing
 * creates the reporting obligations; after that a plan changes only by a recorded amendment, and
 * its obligations follow (created, changed or cancelled) with their events.
 */
@ApplicationScoped
public class PlanService {

    private final PlanRepository plans;
    private final ObligationRepository obligations;
    private final RevisionRepository revisions;
    private final UnitRepository units;
    private final PlanRules rules;
    private final Access access;
    private final Outbox outbox;
    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Clock clock;

    public PlanService(PlanRepository plans, ObligationRepository obligations, RevisionRepository revisions,
            UnitRepository units, PlanRules rules, Access access, Outbox outbox, EntityManager em, ObjectMapper mapper,
            Clock clock) {
        this.plans = plans;
        this.obligations = obligations;
        this.revisions = revisions;
        this.units = units;
        this.rules = rules;
        this.access = access;
        this.outbox = outbox;
        this.em = em;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional
    public Plan create(PlanInput in) {
        return create(UUID.randomUUID(), in);
    }

    /** With a given id: the sample plans keep fixed ids. */
    @Transactional
    public Plan create(UUID id, PlanInput in) {
        access.requirePlannerOf(in.issuerId());
        Plan p = new Plan();
        p.id = id;
        apply(p, in, check(in, p.id));
        p.status = PlanStatus.DRAFT;
        p.revision = 0;
        p.version = 1;
        plans.persist(p);
        record(p, PlanRevision.Action.CREATED, null);
        return p;
    }

    @Transactional
    public Plan update(UUID id, long expectedVersion, PlanInput in) {
        Plan p = require(id);
        access.requirePlannerOf(p.issuerId);
        checkVersion(p, expectedVersion);
        if (p.status != PlanStatus.DRAFT) {
            throw Problems.conflict("plan " + id + " is " + p.status + ": a published plan changes only by an amendment "
                    + "(POST /api/v1/plans/" + id + "/amendments)");
        }
        sameIssuer(p, in);
        apply(p, in, check(in, p.id));
        p.version++;
        record(p, PlanRevision.Action.EDITED, null);
        return p;
    }

    @Transactional
    public Plan publish(UUID id, Long expectedVersion) {
        Plan p = require(id);
        access.requirePlannerOf(p.issuerId);
        if (expectedVersion != null) {
            checkVersion(p, expectedVersion);
        }
        if (p.status != PlanStatus.DRAFT) {
            throw Problems.conflict("plan " + id + " is " + p.status + "; only a draft is published");
        }
        // The basis may have been closed since the draft was written: check again.
        check(inputOf(p), p.id);
        p.status = PlanStatus.PUBLISHED;
        p.revision = 1;
        p.version++;
        List<EventPayload> events = new ArrayList<>();
        events.add(new PlanPublished(summary(p)));
        events.addAll(syncObligations(p, false, null, false));
        em.flush();
        outbox.appendAll(events);
        record(p, PlanRevision.Action.PUBLISHED, null);
        return p;
    }

    @Transactional
    public Plan amend(UUID id, long expectedVersion, String reason, PlanInput in) {
        Plan p = require(id);
        access.requirePlannerOf(p.issuerId);
        checkVersion(p, expectedVersion);
        if (p.status != PlanStatus.PUBLISHED) {
            throw Problems.conflict("plan " + id + " is " + p.status + "; only a published plan is amended");
        }
        sameIssuer(p, in);
        String oldNumber = p.number;
        String oldTitle = p.title;
        apply(p, in, check(in, p.id));
        p.revision++;
        p.version++;
        boolean named = !Objects.equals(oldNumber, p.number) || !Objects.equals(oldTitle, p.title);
        List<EventPayload> events = new ArrayList<>();
        events.add(new PlanAmended(summary(p), Texts.nfc(reason)));
        events.addAll(syncObligations(p, false, "removed from the plan by amendment: " + Texts.nfc(reason), named));
        em.flush();
        outbox.appendAll(events);
        record(p, PlanRevision.Action.AMENDED, reason);
        return p;
    }

    @Transactional
    public Plan close(UUID id, Long expectedVersion, String reason) {
        Plan p = require(id);
        access.requirePlannerOf(p.issuerId);
        if (expectedVersion != null) {
            checkVersion(p, expectedVersion);
        }
        if (p.status != PlanStatus.PUBLISHED) {
            throw Problems.conflict("plan " + id + " is " + p.status + "; only a published plan is closed");
        }
        p.status = PlanStatus.CLOSED;
        p.version++;
        List<EventPayload> events = new ArrayList<>();
        events.add(new PlanClosed(summary(p)));
        events.addAll(syncObligations(p, true, "plan closed" + (reason == null ? "" : ": " + Texts.nfc(reason)), false));
        em.flush();
        outbox.appendAll(events);
        record(p, PlanRevision.Action.CLOSED, reason);
        return p;
    }

    /** The units among {@code ceased} that owe, receive or consolidate an open obligation, or receive a plan not closed. */
    public java.util.Set<UUID> unitsWithDuties(java.util.Collection<UUID> ceased) {
        return obligations.unitsWithDuties(ceased);
    }

    /**
     * Hands the duties of units that ceased on {@code day} to their successors, in the caller's
     * transaction: an open obligation owed by such a unit is owed by its successor from then on
     * (it keeps the unit the plan named as its original unit), a recipient or consolidating unit is
     * replaced by its successor in the obligation and in its plan (recorded as a REORGANISED
     * revision). {@code successorOf} must hold every such unit ({@link #unitsWithDuties}).
     *
     * @return the events, and how many obligations changed hands
     */
    public Handover handOver(Map<UUID, UUID> successorOf, LocalDate day, String reason) {
        List<EventPayload> events = new ArrayList<>();
        Map<UUID, Plan> readdressed = new LinkedHashMap<>();
        for (Plan p : plans.addressedTo(successorOf.keySet())) {
            p.recipientId = successorOf.getOrDefault(p.recipientId, p.recipientId);
            p.viaUnitId = p.viaUnitId == null ? null : successorOf.getOrDefault(p.viaUnitId, p.viaUnitId);
            if (Objects.equals(p.viaUnitId, p.recipientId)) {
                p.viaUnitId = null;
            }
            p.version++;
            readdressed.put(p.id, p);
            if (p.status == PlanStatus.PUBLISHED) {
                events.add(new PlanAmended(summary(p), reason));
            }
        }
        Map<UUID, Plan> planOf = new HashMap<>(readdressed);
        int handedOver = 0;
        for (Obligation o : obligations.openTouching(successorOf.keySet())) {
            Plan p = planOf.computeIfAbsent(o.planId, plans::findById);
            UUID owner = successorOf.get(o.unitId);
            if (owner != null) {
                o.unitId = owner;
                o.handedOverOn = day;
                handedOver++;
            }
            o.recipientId = successorOf.getOrDefault(o.recipientId, o.recipientId);
            o.viaUnitId = o.viaUnitId == null ? null : successorOf.getOrDefault(o.viaUnitId, o.viaUnitId);
            if (Objects.equals(o.viaUnitId, o.recipientId)) {
                o.viaUnitId = null;
            }
            o.version++;
            events.add(new ObligationChanged(snapshot(o, p)));
        }
        em.flush();
        readdressed.values().forEach(p -> record(p, PlanRevision.Action.REORGANISED, reason));
        return new Handover(events, handedOver, readdressed.size());
    }

    /** What a reorganisation's handover did. */
    public record Handover(List<EventPayload> events, int obligationsHandedOver, int plansTouched) {
    }

    /**
     * Brings the plan's obligations in line with its reporting requirement: one open obligation
     * per reporting unit; the others cancelled. Returns the events, in order.
     */
    private List<EventPayload> syncObligations(Plan p, boolean cancelAll, String cancelReason, boolean renamed) {
        Map<UUID, Obligation> existing = new LinkedHashMap<>();
        // keyed by the unit the plan named: an obligation handed to a successor stays that unit's
        obligations.ofPlan(p.id).forEach(o -> existing.put(o.originalUnitId, o));
        List<EventPayload> events = new ArrayList<>();
        if (!cancelAll) {
            for (UUID unit : p.reportingUnitIds) {
                Obligation o = existing.remove(unit);
                if (o == null) {
                    o = new Obligation();
                    o.id = UUID.randomUUID();
                    o.planId = p.id;
                    o.unitId = unit;
                    o.originalUnitId = unit;
                    o.version = 1;
                    fill(o, p);
                    obligations.persist(o);
                    events.add(new ObligationCreated(snapshot(o, p)));
                } else if (Obligation.CANCELLED.equals(o.status)) {
                    fill(o, p);
                    o.version++;
                    events.add(new ObligationCreated(snapshot(o, p)));
                } else if (!sameTerms(o, p) || renamed) {
                    fill(o, p);
                    o.version++;
                    events.add(new ObligationChanged(snapshot(o, p)));
                }
            }
        }
        for (Obligation o : existing.values()) {
            if (Obligation.OPEN.equals(o.status)) {
                o.status = Obligation.CANCELLED;
                o.version++;
                events.add(new ObligationCancelled(snapshot(o, p), cancelReason));
            }
        }
        return events;
    }

    private static void fill(Obligation o, Plan p) {
        o.recipientId = p.recipientId;
        o.viaUnitId = p.viaUnitId;
        o.indicatorSetCode = p.indicatorSetCode;
        o.dueAt = p.dueAt;
        o.status = Obligation.OPEN;
    }

    private static boolean sameTerms(Obligation o, Plan p) {
        return Objects.equals(o.recipientId, p.recipientId) && Objects.equals(o.viaUnitId, p.viaUnitId)
                && Objects.equals(o.indicatorSetCode, p.indicatorSetCode) && o.dueAt.isEqual(p.dueAt);
    }

    // ---- reads

    public Plan require(UUID id) {
        return plans.findByIdOptional(id).orElseThrow(() -> Problems.notFound("plan", id));
    }

    /**
     * A plan is readable by system accounts, by users whose subtree holds its issuer, and by users
     * under its issuer (an ancestor's plan concerns the whole subtree below it).
     */
    public Plan readable(UUID id) {
        Plan p = require(id);
        if (!access.isSystem()) {
            OrgUnit issuer = units.findById(p.issuerId);
            if (!access.canRead(issuer)) {
                throw Problems.forbidden("plan " + id + " is issued outside the caller's subtree and ancestors");
            }
        }
        return p;
    }

    public Page<PlanView> list(UUID campaignId, UUID issuerId, PlanStatus status, Integer year, String number, int page, int size) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (campaignId != null) {
            q.append(" and campaignId = :campaign");
            params.and("campaign", campaignId);
        }
        if (issuerId != null) {
            q.append(" and issuerId = :issuer");
            params.and("issuer", issuerId);
        }
        if (status != null) {
            q.append(" and status = :status");
            params.and("status", status);
        }
        if (year != null) {
            q.append(" and year = :year");
            params.and("year", year);
        }
        if (number != null && !number.isBlank()) {
            q.append(" and number = :number");
            params.and("number", Texts.nfc(number));
        }
        if (!access.isSystem()) {
            q.append(" and (issuerId in (select u.id from OrgUnit u where u.path like :scope) or issuerId in :ancestors)");
            params.and("scope", access.home().path + "%");
            List<UUID> ancestors = new ArrayList<>(access.home().ancestorIds());
            ancestors.add(access.home().id);
            params.and("ancestors", ancestors);
        }
        PanacheQuery<Plan> query = plans.find(q.toString(), Sort.by("year").descending().and("issueDate").and("id"), params);
        List<PlanView> items = query.page(io.quarkus.panache.common.Page.of(page, size)).list().stream().map(PlanView::of).toList();
        return new Page<>(items, page, size, query.count());
    }

    /** The plan's bases, nearest first, up to the one with no basis (the ministry guidance). */
    public List<Plan> basisChain(UUID id) {
        Plan p = readable(id);
        List<Plan> chain = new ArrayList<>();
        java.util.Set<UUID> seen = new java.util.HashSet<>();
        while (p.basisPlanId != null && seen.add(p.basisPlanId)) {
            p = require(p.basisPlanId);
            chain.add(p);
        }
        return chain;
    }

    public List<Plan> implementing(UUID id) {
        readable(id);
        return plans.implementing(id).stream().filter(p -> access.isSystem() || access.canRead(units.findById(p.issuerId)))
                .toList();
    }

    /**
     * Of the units the plan expects to issue their own plan (its reporting units other than the
     * issuer itself), which have published one implementing it and which have not.
     */
    public CoverageView coverage(UUID id) {
        Plan p = readable(id);
        List<UUID> expected = p.reportingUnitIds.stream().filter(u -> !u.equals(p.issuerId)).toList();
        Map<UUID, Plan> issued = new HashMap<>();
        for (Plan child : plans.issuedImplementing(id)) {
            issued.putIfAbsent(child.issuerId, child);
        }
        Map<UUID, OrgUnit> byId = new HashMap<>();
        units.byIds(expected).forEach(u -> byId.put(u.id, u));
        List<CoverageView.Entry> done = new ArrayList<>();
        List<UnitSummary> missing = new ArrayList<>();
        for (UUID u : expected) {
            Plan child = issued.get(u);
            if (child != null) {
                done.add(new CoverageView.Entry(UnitSummary.of(byId.get(u)), child.id, child.number));
            } else {
                missing.add(UnitSummary.of(byId.get(u)));
            }
        }
        return new CoverageView(id, expected.size(), done, missing);
    }

    public List<Obligation> obligationsOf(UUID id) {
        readable(id);
        return obligations.ofPlan(id);
    }

    public List<PlanRevision> revisionsOf(UUID id) {
        readable(id);
        return revisions.ofPlan(id);
    }

    // ---- helpers

    private PlanRules.Checked check(PlanInput in, UUID planId) {
        List<Problem.Violation> errors = new ArrayList<>();
        PlanRules.Checked checked = rules.check(in, planId, errors);
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        return checked;
    }

    private static void sameIssuer(Plan p, PlanInput in) {
        if (!p.issuerId.equals(in.issuerId())) {
            throw Problems.invalid("issuerId", "a plan keeps its issuer; write a new plan for another unit");
        }
    }

    private void apply(Plan p, PlanInput in, PlanRules.Checked checked) {
        p.number = Texts.nfc(in.number());
        p.title = Texts.nfc(in.title());
        p.issuerId = in.issuerId();
        p.issueDate = in.issueDate();
        p.issuePlace = Texts.nfc(in.issuePlace());
        p.dateLine = Texts.nfc(in.dateLine());
        p.campaignId = in.campaignId();
        p.year = checked.campaign().year;
        p.basisPlanId = in.basisPlanId();
        p.basisDocuments = new ArrayList<>(Texts.nfc(in.basisDocuments()));
        p.theme = Texts.nfc(in.theme());
        p.periodStart = checked.periodStart();
        p.periodEnd = checked.periodEnd();
        p.warnings = new ArrayList<>(checked.warnings());
        p.objectives = Texts.nfc(in.objectives());
        p.requirements = Texts.nfc(in.requirements());
        p.messages = new ArrayList<>(Texts.nfc(in.messages()));
        p.activities = in.activities() == null ? new ArrayList<>() : in.activities().stream()
                .map(a -> new vn.actionmonth.plan.domain.Activity(Texts.nfc(a.title()), Texts.nfc(a.description()),
                        ref(a.leadUnit()), refs(a.coordinatingUnits()), Texts.nfc(a.time()), a.startDate(), a.endDate(),
                        Texts.nfc(a.place()), refs(a.leadUnits())))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        p.assignments = in.assignments() == null ? new ArrayList<>() : in.assignments().stream()
                .map(a -> new vn.actionmonth.plan.domain.Assignment(ref(a.unit()), Texts.nfc(a.tasks())))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        ReportingRequirement r = in.reportingRequirement();
        p.reportingText = r == null ? null : Texts.nfc(r.text());
        p.reportingUnitIds = r == null || r.reportingUnitIds() == null ? new ArrayList<>() : new ArrayList<>(r.reportingUnitIds());
        p.recipientId = r == null ? null : r.recipientId();
        p.viaUnitId = r == null ? null : r.viaUnitId();
        p.indicatorSetCode = r == null ? null : Texts.nfc(r.indicatorSetCode());
        p.dueAt = checked.dueAt();
        p.dueRule = r == null ? null : r.dueRule();
        p.dueResolution = checked.dueResolution();
        p.dueText = r == null ? null : Texts.nfc(r.dueText());
        p.recipients = new ArrayList<>(Texts.nfc(in.recipients()));
        p.signerName = in.signer() == null ? null : Texts.nfc(in.signer().name());
        p.signerTitle = in.signer() == null ? null : Texts.nfc(in.signer().title());
    }

    private static UnitRef ref(UnitRef r) {
        return r == null ? null : new UnitRef(r.unitId(), Texts.nfc(r.name()));
    }

    private static List<UnitRef> refs(List<UnitRef> rs) {
        return rs == null ? List.of() : rs.stream().map(PlanService::ref).toList();
    }

    /** The plan as an input, to check the rules again at publication. */
    private static PlanInput inputOf(Plan p) {
        PlanView v = PlanView.of(p);
        ReportingRequirement r = v.reportingRequirement();
        // a deadline by rule is resolved again, from the rule, not taken as a date
        ReportingRequirement asWritten = r.dueRule() == null ? r : new ReportingRequirement(r.text(), r.reportingUnitIds(),
                r.recipientId(), r.viaUnitId(), r.indicatorSetCode(), null, r.dueText(), r.dueRule(), null);
        return new PlanInput(v.number(), v.title(), v.issuerId(), v.issueDate(), v.issuePlace(), v.dateLine(), v.campaignId(),
                v.basisPlanId(), v.basisDocuments(), v.theme(), v.periodStart(), v.periodEnd(), v.objectives(),
                v.requirements(), v.messages(), v.activities(), v.assignments(), asWritten, v.recipients(), v.signer());
    }

    private void record(Plan p, PlanRevision.Action action, String reason) {
        PlanRevision r = new PlanRevision();
        r.id = UUID.randomUUID();
        r.planId = p.id;
        r.revision = p.revision;
        r.action = action;
        r.reason = Texts.nfc(reason);
        r.actor = access.actor();
        r.at = OffsetDateTime.now(clock);
        try {
            r.snapshot = mapper.writeValueAsString(PlanView.of(p));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        revisions.persist(r);
    }

    private static void checkVersion(Plan p, long expected) {
        if (p.version != expected) {
            throw Problems.preconditionFailed("plan " + p.id + " is at version " + p.version + ", not " + expected);
        }
    }
}
