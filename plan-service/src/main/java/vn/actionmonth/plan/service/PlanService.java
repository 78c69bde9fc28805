package vn.actionmonth.plan.service;

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
import vn.actionmonth.plan.domain.Campaign;
import vn.actionmonth.plan.domain.Obligation;
import vn.actionmonth.plan.domain.ObligationStatus;
import vn.actionmonth.plan.domain.OrgUnit;
import vn.actionmonth.plan.domain.Plan;
import vn.actionmonth.plan.domain.PlanRevision;
import vn.actionmonth.plan.domain.PlanStatus;
import vn.actionmonth.plan.domain.Requirement;
import vn.actionmonth.plan.domain.UnitRef;
import vn.actionmonth.plan.repository.CampaignRepository;
import vn.actionmonth.plan.repository.ObligationRepository;
import vn.actionmonth.plan.repository.PlanRepository;
import vn.actionmonth.plan.repository.RevisionRepository;
import vn.actionmonth.plan.repository.UnitRepository;

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
    private final CampaignRepository campaigns;
    private final ObligationRepository obligations;
    private final RevisionRepository revisions;
    private final UnitRepository units;
    private final PlanRules rules;
    private final Access access;
    private final Outbox outbox;
    private final EntityManager em;
    private final PlanSnapshots snapshots;
    private final Clock clock;

    public PlanService(PlanRepository plans, CampaignRepository campaigns, ObligationRepository obligations, RevisionRepository revisions,
            UnitRepository units, PlanRules rules, Access access, Outbox outbox, EntityManager em, PlanSnapshots snapshots,
            Clock clock) {
        this.plans = plans;
        this.campaigns = campaigns;
        this.obligations = obligations;
        this.revisions = revisions;
        this.units = units;
        this.rules = rules;
        this.access = access;
        this.outbox = outbox;
        this.em = em;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    @Transactional
    public Plan create(PlanDraft in) {
        return create(UUID.randomUUID(), in);
    }

    /** With a given id: the sample plans keep fixed ids. */
    @Transactional
    public Plan create(UUID id, PlanDraft in) {
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
    public Plan update(UUID id, long expectedVersion, PlanDraft in) {
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
        check(PlanDraft.of(p), p.id);
        p.status = PlanStatus.PUBLISHED;
        p.revision = 1;
        p.version++;
        List<EventPayload> events = new ArrayList<>();
        events.addAll(syncObligations(p, false, null, false));
        events.add(0, new PlanPublished(summary(p, obligations.ofPlan(p.id))));
        em.flush();
        events.addAll(refreshOnward(p));
        outbox.appendAll(events);
        record(p, PlanRevision.Action.PUBLISHED, null);
        return p;
    }

    @Transactional
    public Plan amend(UUID id, long expectedVersion, String reason, PlanDraft in) {
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
        events.addAll(syncObligations(p, false, "removed from the plan by amendment: " + Texts.nfc(reason), named));
        events.add(0, new PlanAmended(summary(p, obligations.ofPlan(p.id)), Texts.nfc(reason)));
        em.flush();
        events.addAll(refreshOnward(p));
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
        events.add(new PlanClosed(summary(p, obligations.ofPlan(p.id))));
        events.addAll(syncObligations(p, true, "plan closed" + (reason == null ? "" : ": " + Texts.nfc(reason)), false));
        em.flush();
        events.addAll(refreshOnward(p));
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
            for (Requirement q : p.reporting) {
                q.recipientId = successorOf.getOrDefault(q.recipientId, q.recipientId);
                q.viaUnitId = q.viaUnitId == null ? null : successorOf.getOrDefault(q.viaUnitId, q.viaUnitId);
                if (Objects.equals(q.viaUnitId, q.recipientId)) {
                    q.viaUnitId = null;
                }
                q.copyToUnitIds = new ArrayList<>(q.copyToUnitIds.stream().map(u -> successorOf.getOrDefault(u, u))
                        .distinct().toList());
            }
            p.version++;
            readdressed.put(p.id, p);
            if (p.status == PlanStatus.PUBLISHED) {
                events.add(new PlanAmended(summary(p, obligations.ofPlan(p.id)), reason));
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
            events.add(new ObligationChanged(snapshot(o, p, requirementOf(p, o), yearOf(o.campaignId))));
        }
        em.flush();
        readdressed.values().forEach(p -> record(p, PlanRevision.Action.REORGANISED, reason));
        return new Handover(events, handedOver, readdressed.size());
    }

    /** What a reorganisation's handover did. */
    public record Handover(List<EventPayload> events, int obligationsHandedOver, int plansTouched) {
    }

    /**
     * Keeps the obligations of published plans whose reporting units are given by rule in line
     * with the tree, in the caller's transaction: a unit that now matches under the issuer owes a
     * report, one that no longer does (moved away, retired) is let off; an obligation a
     * reorganisation handed to a successor stays. {@code touched} holds the units that changed
     * and their ancestors old and new: only plans issued by one of them are looked at.
     *
     * @return the events
     */
    public List<EventPayload> followTree(java.util.Collection<UUID> touched) {
        return follow(plans.withUnitRules(touched));
    }

    /** {@link #followTree} for every plan issued within the tree of {@code root}: after an import or a reorganisation. */
    public List<EventPayload> followTreeOf(OrgUnit root) {
        return follow(plans.withUnitRulesIn(root.path));
    }

    private List<EventPayload> follow(List<Plan> withRules) {
        List<EventPayload> events = new ArrayList<>();
        for (Plan p : withRules) {
            List<EventPayload> changed = syncObligations(p, false, "no longer a reporting unit under the plan's rule",
                    false);
            if (!changed.isEmpty()) {
                em.flush();
                events.addAll(changed);
                events.addAll(refreshOnward(p));
            }
        }
        return events;
    }

    /**
     * Brings the plan's obligations in line with its reporting requirements: one open obligation
     * per requirement, campaign and reporting unit (listed, or reached by the rule today); the
     * others cancelled. A plan of a campaign owes for that campaign; a standing plan for each
     * campaign of this year or later that starts within its validity, its deadline rules resolved in
     * that campaign's year; obligations of earlier campaigns are left as they are. Returns the
     * events, in order.
     */
    private List<EventPayload> syncObligations(Plan p, boolean cancelAll, String cancelReason, boolean renamed) {
        List<Campaign> current = campaignsOf(p);
        java.util.Set<UUID> currentIds = new java.util.HashSet<>();
        current.forEach(c -> currentIds.add(c.id));
        Map<Key, Obligation> existing = new LinkedHashMap<>();
        // keyed by the unit the plan named: an obligation handed to a successor stays that unit's
        obligations.ofPlan(p.id).stream().filter(o -> currentIds.contains(o.campaignId))
                .forEach(o -> existing.put(new Key(o.requirementId, o.campaignId, o.originalUnitId), o));
        List<EventPayload> events = new ArrayList<>();
        if (!cancelAll) {
            OrgUnit issuer = units.findById(p.issuerId);
            for (Requirement q : p.reporting) {
                java.util.Set<UUID> reporting = reportingUnits(issuer, q);
                for (Campaign c : current) {
                    PlanRules.Resolved due = rules.resolveIn(p, q, c);
                    if (due.dueAt() == null) {
                        continue; // the rule gives no date in this campaign (no default deadline): nothing owed
                    }
                    Terms terms = new Terms(q, c, due.dueAt());
                    // handed over by a reorganisation: kept, and its new owner is covered
                    java.util.Set<UUID> covered = new java.util.HashSet<>();
                    existing.entrySet().removeIf(e -> {
                        Obligation o = e.getValue();
                        if (q.id.equals(o.requirementId) && c.id.equals(o.campaignId) && o.handedOverOn != null
                                && o.status == ObligationStatus.OPEN) {
                            covered.add(o.unitId);
                            covered.add(o.originalUnitId);
                            if (!terms.same(o) || renamed) {
                                terms.fill(o);
                                o.version++;
                                events.add(new ObligationChanged(snapshot(o, p, q, yearOf(o.campaignId))));
                            }
                            return true;
                        }
                        return false;
                    });
                    for (UUID unit : reporting) {
                        Obligation o = existing.remove(new Key(q.id, c.id, unit));
                        if (o == null && covered.contains(unit)) {
                            continue;
                        }
                        if (o == null) {
                            o = new Obligation();
                            o.id = UUID.randomUUID();
                            o.planId = p.id;
                            o.requirementId = q.id;
                            o.unitId = unit;
                            o.originalUnitId = unit;
                            o.version = 1;
                            terms.fill(o);
                            obligations.persist(o);
                            events.add(new ObligationCreated(snapshot(o, p, q, yearOf(o.campaignId))));
                        } else if (o.status == ObligationStatus.CANCELLED) {
                            terms.fill(o);
                            o.version++;
                            events.add(new ObligationCreated(snapshot(o, p, q, yearOf(o.campaignId))));
                        } else if (!terms.same(o) || renamed) {
                            terms.fill(o);
                            o.version++;
                            events.add(new ObligationChanged(snapshot(o, p, q, yearOf(o.campaignId))));
                        }
                    }
                }
            }
        }
        Map<UUID, Requirement> byId = new HashMap<>();
        p.reporting.forEach(q -> byId.put(q.id, q));
        for (Obligation o : existing.values()) {
            Requirement q = byId.get(o.requirementId);
            if (q == null) {
                o.requirementId = null; // the requirement is gone with the amendment
            }
            if (o.status == ObligationStatus.OPEN) {
                o.status = ObligationStatus.CANCELLED;
                o.version++;
                events.add(new ObligationCancelled(snapshot(o, p, q, yearOf(o.campaignId)), cancelReason));
            }
        }
        return events;
    }

    /**
     * The campaigns the plan owes reports for now: its own, or for a standing plan, the campaigns of
     * this year or later that start within its validity, and those it already owes open reports for
     * (to let them off when its validity ended).
     */
    private List<Campaign> campaignsOf(Plan p) {
        if (!p.standing()) {
            return List.of(campaigns.findById(p.campaignId));
        }
        int thisYear = LocalDate.now(clock.withZone(vn.actionmonth.common.VietnamTime.ZONE)).getYear();
        java.util.Set<UUID> owing = new java.util.HashSet<>();
        obligations.ofPlan(p.id).stream().filter(o -> o.status == ObligationStatus.OPEN).forEach(o -> owing.add(o.campaignId));
        return campaigns.list("year >= ?1 order by periodStart", thisYear).stream()
                .filter(c -> p.appliesFrom(c.periodStart) || owing.contains(c.id)).toList();
    }

    /**
     * Applies every published standing plan that covers a new campaign to it, in the caller's
     * transaction: the plans' obligations for that campaign. Returns the events.
     */
    public List<EventPayload> applyStandingPlans(Campaign campaign) {
        List<EventPayload> events = new ArrayList<>();
        for (Plan p : plans.standingFrom(campaign.periodStart)) {
            events.addAll(syncObligations(p, false, "no longer owed under the standing plan", false));
        }
        em.flush();
        return events;
    }

    /** An obligation's place in its plan: its requirement, its campaign and the unit the plan named. */
    private record Key(UUID requirementId, UUID campaignId, UUID unitId) {
    }

    /** What an obligation of a requirement owes in a campaign. */
    private record Terms(Requirement q, Campaign campaign, OffsetDateTime dueAt) {

        void fill(Obligation o) {
            o.campaignId = campaign.id;
            o.recipientId = q.recipientId;
            o.viaUnitId = q.viaUnitId;
            o.indicatorSetCode = q.indicatorSetCode;
            o.dueAt = dueAt;
            o.kind = q.kind;
            o.status = ObligationStatus.OPEN;
        }

        boolean same(Obligation o) {
            return Objects.equals(o.recipientId, q.recipientId) && Objects.equals(o.viaUnitId, q.viaUnitId)
                    && Objects.equals(o.indicatorSetCode, q.indicatorSetCode) && o.dueAt.isEqual(dueAt) && o.kind == q.kind;
        }
    }

    /** The units listed, then those the rule reaches today, without the recipient and consolidating unit. */
    private java.util.Set<UUID> reportingUnits(OrgUnit issuer, Requirement q) {
        java.util.Set<UUID> out = new java.util.LinkedHashSet<>(q.reportingUnitIds);
        if (q.unitRule != null) {
            for (OrgUnit u : units.matching(issuer, q.unitRule)) {
                if (!u.id.equals(q.recipientId) && !u.id.equals(q.viaUnitId)) {
                    out.add(u.id);
                }
            }
        }
        return out;
    }

    /**
     * Marks which units' obligations under the plan's basis are their consolidated report up (they
     * receive or consolidate reports under plans implementing the basis), and under the plan
     * itself, whose own implementing plans may already be issued. Returns the events.
     */
    private List<EventPayload> refreshOnward(Plan p) {
        List<EventPayload> events = new ArrayList<>();
        for (UUID planId : java.util.stream.Stream.of(p.basisPlanId, p.id).filter(Objects::nonNull).toList()) {
            java.util.Set<UUID> receiving = obligations.receivingUnder(planId);
            Plan plan = planId.equals(p.id) ? p : require(planId);
            Map<UUID, Requirement> byId = new HashMap<>();
            plan.reporting.forEach(q -> byId.put(q.id, q));
            for (Obligation o : obligations.ofPlan(planId)) {
                boolean consolidates = receiving.contains(o.unitId);
                if (o.status == ObligationStatus.OPEN && o.consolidates != consolidates) {
                    o.consolidates = consolidates;
                    o.version++;
                    events.add(new ObligationChanged(snapshot(o, plan, byId.get(o.requirementId), yearOf(o.campaignId))));
                }
            }
        }
        return events;
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

    public Page<Plan> list(UUID campaignId, UUID issuerId, PlanStatus status, Integer year, String number, int page, int size) {
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
        List<Plan> items = query.page(io.quarkus.panache.common.Page.of(page, size)).list();
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
    public PlanCoverage coverage(UUID id) {
        Plan p = readable(id);
        List<UUID> expected = obligations.ofPlan(id).stream().filter(o -> o.status == ObligationStatus.OPEN)
                .map(o -> o.unitId).filter(u -> !u.equals(p.issuerId)).distinct().toList();
        Map<UUID, Plan> issued = new HashMap<>();
        for (Plan child : plans.issuedImplementing(id)) {
            issued.putIfAbsent(child.issuerId, child);
        }
        Map<UUID, OrgUnit> byId = new HashMap<>();
        units.byIds(expected).forEach(u -> byId.put(u.id, u));
        List<PlanCoverage.Entry> done = new ArrayList<>();
        List<OrgUnit> missing = new ArrayList<>();
        for (UUID u : expected) {
            Plan child = issued.get(u);
            if (child != null) {
                done.add(new PlanCoverage.Entry(byId.get(u), child.id, child.number));
            } else {
                missing.add(byId.get(u));
            }
        }
        return new PlanCoverage(id, expected.size(), done, missing);
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

    private PlanRules.Checked check(PlanDraft in, UUID planId) {
        List<Problem.Violation> errors = new ArrayList<>();
        PlanRules.Checked checked = rules.check(in, planId, errors);
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        return checked;
    }

    private static void sameIssuer(Plan p, PlanDraft in) {
        if (!p.issuerId.equals(in.issuerId())) {
            throw Problems.invalid("issuerId", "a plan keeps its issuer; write a new plan for another unit");
        }
    }

    private void apply(Plan p, PlanDraft in, PlanRules.Checked checked) {
        p.number = Texts.nfc(in.number());
        p.title = Texts.nfc(in.title());
        p.issuerId = in.issuerId();
        p.issueDate = in.issueDate();
        p.issuePlace = Texts.nfc(in.issuePlace());
        p.dateLine = Texts.nfc(in.dateLine());
        p.campaignId = in.campaignId();
        p.year = checked.campaign() == null ? null : checked.campaign().year;
        p.validFrom = in.validFrom();
        p.validTo = in.validTo();
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
        applyRequirements(p, in, checked.requirements());
        p.recipients = new ArrayList<>(Texts.nfc(in.recipients()));
        p.signerName = in.signer() == null ? null : Texts.nfc(in.signer().name());
        p.signerTitle = in.signer() == null ? null : Texts.nfc(in.signer().title());
    }

    /**
     * The plan's requirements become those given: one given with its id, or else at the position
     * of one the plan has, keeps that requirement (and so its obligations); the others are new, and
     * those not given any more are removed.
     */
    private static void applyRequirements(Plan p, PlanDraft in, List<PlanRules.Resolved> given) {
        java.util.Set<UUID> claimed = new java.util.HashSet<>();
        given.forEach(g -> {
            if (g.given().id() != null) {
                claimed.add(g.given().id());
            }
        });
        Map<UUID, Requirement> byId = new HashMap<>();
        p.reporting.forEach(q -> byId.put(q.id, q));
        List<Requirement> old = List.copyOf(p.reporting);
        List<Requirement> next = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            PlanRules.Resolved g = given.get(i);
            RequirementDraft r = g.given();
            Requirement q = r.id() != null ? byId.get(r.id())
                    : i < old.size() && !claimed.contains(old.get(i).id) ? old.get(i) : null;
            if (q == null) {
                q = new Requirement();
                q.id = UUID.randomUUID();
                q.planId = p.id;
            }
            q.position = i;
            q.kind = r.kindOrDefault();
            q.text = Texts.nfc(r.text());
            q.reportingUnitIds = new ArrayList<>(r.listedUnits());
            q.unitRule = r.unitRule();
            q.recipientId = r.recipientId();
            q.viaUnitId = r.viaUnitId();
            q.copyToUnitIds = new ArrayList<>(r.copyTo().stream().distinct().toList());
            q.indicatorSetCode = Texts.nfc(r.indicatorSetCode());
            q.dueAt = g.dueAt();
            q.dueText = Texts.nfc(r.dueText());
            q.dueRule = r.dueRule();
            q.dueResolution = g.dueResolution();
            next.add(q);
        }
        p.reporting.retainAll(next);
        for (Requirement q : next) {
            if (!p.reporting.contains(q)) {
                p.reporting.add(q);
            }
        }
        p.reporting.sort(java.util.Comparator.comparingInt(q -> q.position));
    }

    private int yearOf(UUID campaignId) {
        return campaigns.findById(campaignId).year; // read once per transaction: the persistence context holds it
    }

    private static Requirement requirementOf(Plan p, Obligation o) {
        return p.reporting.stream().filter(q -> q.id.equals(o.requirementId)).findFirst().orElse(null);
    }

    private static UnitRef ref(UnitRef r) {
        return r == null ? null : new UnitRef(r.unitId(), Texts.nfc(r.name()));
    }

    private static List<UnitRef> refs(List<UnitRef> rs) {
        return rs == null ? List.of() : rs.stream().map(PlanService::ref).toList();
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
        r.snapshot = snapshots.of(p);
        revisions.persist(r);
    }

    private static void checkVersion(Plan p, long expected) {
        if (p.version != expected) {
            throw Problems.preconditionFailed("plan " + p.id + " is at version " + p.version + ", not " + expected);
        }
    }
}
