package vn.actionmonth.report.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import vn.actionmonth.common.VietnamTime;
import vn.actionmonth.common.problem.Problem;
import vn.actionmonth.common.problem.ProblemException;
import vn.actionmonth.common.problem.Problems;
import vn.actionmonth.common.problem.SqlStates;
import vn.actionmonth.common.rest.Page;
import vn.actionmonth.common.rest.Preconditions;
import vn.actionmonth.common.units.UnitDirectory;
import vn.actionmonth.common.units.UnitRecord;
import vn.actionmonth.events.outbox.Outbox;
import vn.actionmonth.events.report.ReportApproved;
import vn.actionmonth.events.report.ReportReturned;
import vn.actionmonth.events.report.ReportSubmitted;
import vn.actionmonth.report.domain.IndicatorSet;
import vn.actionmonth.report.domain.ObligationReplica;
import vn.actionmonth.report.domain.Report;
import vn.actionmonth.report.domain.ReportRevision;
import vn.actionmonth.report.domain.ReportStatus;
import vn.actionmonth.report.repository.ConsolidationRepository;
import vn.actionmonth.report.repository.ObligationRepository;
import vn.actionmonth.report.repository.PlanRepository;
import vn.actionmonth.report.repository.ReportRepository;
import vn.actionmonth.report.repository.ReportRevisionRepository;

import java.text.Normalizer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes reports. Each command is one short transaction: a handful of indexed reads, the report
 * update, one history row and one outbox row. Consolidation is not touched here: it follows the
 * report events (see ConsolidationHandler), so thousands of submissions do not queue on the
 * province's rows.
 */
@ApplicationScoped
public class ReportService {

    private final ReportRepository reports;
    private final ReportRevisionRepository revisions;
    private final ObligationRepository obligations;
    private final PlanRepository plans;
    private final UnitDirectory units;
    private final IndicatorSetService indicatorSets;
    private final FigureValidator validator;
    private final ReportAccess access;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final EntityManager em;
    private final ConsolidationRepository consolidation;

    public ReportService(ReportRepository reports, ReportRevisionRepository revisions, ObligationRepository obligations,
                         PlanRepository plans, UnitDirectory units, IndicatorSetService indicatorSets,
                         FigureValidator validator, ReportAccess access, Outbox outbox, ObjectMapper mapper, Clock clock,
                         EntityManager em, ConsolidationRepository consolidation) {
        this.consolidation = consolidation;
        this.reports = reports;
        this.revisions = revisions;
        this.obligations = obligations;
        this.plans = plans;
        this.units = units;
        this.indicatorSets = indicatorSets;
        this.validator = validator;
        this.access = access;
        this.outbox = outbox;
        this.mapper = mapper;
        this.clock = clock;
        this.em = em;
    }

    /** The report and whether this call created it (false: a retry with the same Idempotency-Key). */
    public record Created(Report report, boolean created) {
    }

    /**
     * Creates the draft of the caller's unit for an obligation it owes. A retry with the same
     * Idempotency-Key answers with the report the first call created, also when it arrives while
     * the first is still running: the key is claimed before the report is written, so the retry
     * waits on the key until the first commits and then answers with its report.
     */
    @Transactional
    public Created create(UUID obligationId, DraftInput input, String idempotencyKey) {
        UUID id = UUID.randomUUID();
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            Optional<Created> replay = replayCreate(idempotencyKey, obligationId);
            if (replay.isPresent()) {
                return replay.get();
            }
            if (!claimKey(idempotencyKey, "CREATE", id, 0)) {
                return replayCreate(idempotencyKey, obligationId).orElseThrow(ReportService::keyReused);
            }
        }
        return new Created(create(id, obligationId, input), true);
    }

    private Optional<Created> replayCreate(String idempotencyKey, UUID obligationId) {
        Optional<Report> earlier = keyOwner(idempotencyKey, "CREATE").flatMap(reports::findByIdOptional);
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        access.requireReporterOf(earlier.get().unitId);
        if (!earlier.get().obligationId.equals(obligationId)) {
            throw keyReused();
        }
        return Optional.of(new Created(earlier.get(), false));
    }

    private Report create(UUID id, UUID obligationId, DraftInput input) {
        return create(id, obligationId, input, false);
    }

    /**
     * Creates the draft and, with {@code submit}, submits it before it is written: the report is
     * inserted once, at the version its two changes make (created 0, submitted 1), with a history
     * row for each.
     */
    private Report create(UUID id, UUID obligationId, DraftInput input, boolean submit) {
        ObligationReplica o = obligations.findByIdOptional(obligationId)
                .orElseThrow(() -> Problems.notFound("obligation", obligationId));
        access.requireReporterOf(o.unitId);
        if (!o.open()) {
            throw Problems.conflict("obligation " + obligationId + " is cancelled");
        }
        reports.findByObligation(obligationId).ifPresent(existing -> {
            throw Problems.conflict("obligationId", "a report for this obligation already exists: " + existing.id);
        });
        IndicatorSet set = indicatorSets.latest(o.indicatorSetCode);
        ObjectNode figures = validator.validate(set, input.figures());
        OffsetDateTime now = now();
        Report r = new Report();
        r.id = id;
        r.obligationId = o.id;
        r.planId = o.planId;
        r.campaignId = o.campaignId;
        r.unitId = o.unitId;
        r.recipientId = o.recipientId;
        r.indicatorSetCode = set.code();
        r.indicatorSetVersion = set.version();
        r.status = ReportStatus.DRAFT;
        r.kind = o.isFinal() ? "FINAL" : "INTERIM";
        r.dueAt = o.dueAt;
        r.createdAt = now;
        applyDraft(r, figures, input, now);
        ReportRevision created = ReportRevision.of(r, 0, ReportRevision.Action.CREATED, r.updatedBy, access.callerUnit(), now);
        Submission submission = submit ? markSubmitted(r, o) : null;
        if (submission != null) {
            r.version = 1;
        }
        try {
            reports.persistAndFlush(r);
        } catch (PersistenceException e) {
            if (SqlStates.isUniqueViolation(e)) {
                throw Problems.conflict("obligationId", "a report for this obligation already exists");
            }
            throw e;
        }
        revisions.persist(created);
        if (submission != null) {
            recordSubmission(r, submission, (int) r.version);
        }
        return r;
    }

    /** What one-request reporting did: the report, and whether it was created by this request. */
    public record Put(Report report, boolean created) {
    }

    /**
     * The report of an obligation in one request: creates or replaces its draft and, with
     * {@code submit}, submits it, all in one transaction. The obligation is the natural key: a
     * retry of a submission that went through (same figures and narrative) answers with the report
     * as it is and changes nothing, so a client on a flaky network needs no Idempotency-Key.
     * If-Match, when sent, must match the report's ETag.
     */
    @Transactional
    public Put put(UUID obligationId, String ifMatch, DraftInput input, boolean submit) {
        ObligationReplica o = obligations.findByIdOptional(obligationId)
                .orElseThrow(() -> Problems.notFound("obligation", obligationId));
        access.requireReporterOf(o.unitId);
        Optional<Report> existing = reports.findByObligation(obligationId);
        if (existing.isEmpty()) {
            if (ifMatch != null && !ifMatch.isBlank()) {
                throw Problems.preconditionFailed("the obligation has no report yet; send no If-Match to create it");
            }
            return new Put(create(reportIdOf(obligationId), obligationId, input, submit), true);
        }
        Report r = existing.get();
        if (!r.status.editable()) {
            if (submit && sameAsSubmitted(r, input)) {
                return new Put(r, false);
            }
            throw Problems.conflict("the report is already " + r.status + "; it must be returned before it changes");
        }
        Preconditions.check(ifMatch, r.version, false, "report");
        if (!o.open()) {
            throw Problems.conflict("obligation " + o.id + " is cancelled");
        }
        ObjectNode figures = validator.validate(indicatorSets.get(r.indicatorSetCode, r.indicatorSetVersion), input.figures());
        OffsetDateTime now = now();
        applyDraft(r, figures, input, now);
        history(r, ReportRevision.Action.UPDATED, now, null, null);
        if (submit) {
            // Each history row is one version of the report: the update's is written before the submission's.
            reports.flush();
        }
        return new Put(submit ? submitChecked(r, o) : r, false);
    }

    /** The id of an obligation's report made by one-request reporting: the same for every retry. */
    static UUID reportIdOf(UUID obligationId) {
        return UUID.nameUUIDFromBytes(("report:" + obligationId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** True when the input says what the report already says: a retry of its submission. */
    private boolean sameAsSubmitted(Report r, DraftInput input) {
        ObjectNode figures = validator.validate(indicatorSets.get(r.indicatorSetCode, r.indicatorSetVersion), input.figures());
        return validator.write(figures).equals(r.figures) && java.util.Objects.equals(nfc(input.results()), r.results)
                && java.util.Objects.equals(nfc(input.difficulties()), r.difficulties)
                && java.util.Objects.equals(nfc(input.proposals()), r.proposals);
    }

    /** Replaces the draft's figures and narrative; only while DRAFT or RETURNED, and only at the ETag given. */
    @Transactional
    public Report update(UUID id, String ifMatch, DraftInput input) {
        Report r = find(id);
        access.requireReporterOf(r.unitId);
        Preconditions.check(ifMatch, r.version, true, "report");
        if (!r.status.editable()) {
            throw Problems.conflict("a " + r.status + " report cannot be edited; it must be returned first");
        }
        ObjectNode figures = validator.validate(indicatorSets.get(r.indicatorSetCode, r.indicatorSetVersion), input.figures());
        OffsetDateTime now = now();
        applyDraft(r, figures, input, now);
        history(r, ReportRevision.Action.UPDATED, now, null, null);
        return r;
    }

    /**
     * Submits the report. With an Idempotency-Key, a retry of a submission that already went
     * through answers with the report as it is and submits nothing again.
     */
    @Transactional
    public Report submit(UUID id, String ifMatch, String idempotencyKey) {
        Report r = find(id);
        access.requireReporterOf(r.unitId);
        if (idempotencyKey != null && !idempotencyKey.isBlank() && !claimKey(idempotencyKey, "SUBMIT", r.id, r.revision + 1)) {
            if (!keyOwner(idempotencyKey, "SUBMIT").map(r.id::equals).orElse(false)) {
                throw keyReused();
            }
            em.refresh(r);
            return r;
        }
        Preconditions.check(ifMatch, r.version, false, "report");
        if (!r.status.editable()) {
            throw Problems.conflict("the report is already " + r.status);
        }
        ObligationReplica o = obligations.findByIdOptional(r.obligationId)
                .orElseThrow(() -> Problems.notFound("obligation", r.obligationId));
        if (!o.open()) {
            throw Problems.conflict("obligation " + o.id + " is cancelled");
        }
        return submitChecked(r, o);
    }

    /** Submits a report whose caller, precondition, status and open obligation were checked. */
    private Report submitChecked(Report r, ObligationReplica o) {
        recordSubmission(r, markSubmitted(r, o), (int) r.version + 1);
        return r;
    }

    /** A submission's moment and whether it came in time. */
    private record Submission(OffsetDateTime at, boolean onTime) {
    }

    /** The report's fields as the submission leaves them. */
    private Submission markSubmitted(Report r, ObligationReplica o) {
        OffsetDateTime now = now();
        boolean onTime = o.dueAfter(now);
        if (r.frozenPath == null) {
            UnitRecord unit = units.find(r.unitId).orElseThrow(() -> Problems.conflict(
                    "the reporting tree does not know unit " + r.unitId + " yet; try again shortly"));
            r.frozenPath = unit.path();
            r.scopeIds = plans.basisChain(r.planId).stream().map(UUID::toString).collect(Collectors.joining(","));
            r.firstSubmittedAt = now;
            r.onTime = onTime;
        }
        r.dueAt = o.dueAt;
        r.recipientId = o.recipientId;
        r.revision++;
        r.status = ReportStatus.SUBMITTED;
        r.submittedAt = now;
        r.returnReason = null;
        if (o.consolidates && o.isFinal()) {
            r.sentFigures = validator.write(sent(r));
            r.sentAt = now;
        }
        touch(r, now);
        return new Submission(now, onTime);
    }

    /** The submission's history row (the report version {@code seq}) and its event. */
    private void recordSubmission(Report r, Submission s, int seq) {
        ReportRevision h = ReportRevision.of(r, seq, ReportRevision.Action.SUBMITTED, r.updatedBy, access.callerUnit(), s.at());
        h.onTime = s.onTime();
        revisions.persist(h);
        outbox.append(new ReportSubmitted(r.id, r.obligationId, r.planId, r.campaignId, r.unitId, r.recipientId, r.revision,
                r.indicatorSetCode, r.indicatorSetVersion, figuresMap(r), s.at(), r.dueAt, s.onTime()));
    }

    /**
     * What a consolidated report up sends: for each indicator the unit consolidates, its own figure
     * plus what it received (submitted reports under the plan and the plans implementing it, as
     * consolidated so far), a yes/no figure becoming the count of units that said yes; its other
     * figures as they are.
     */
    private ObjectNode sent(Report r) {
        ObjectNode own = validator.read(r.figures);
        ObjectNode out = own.deepCopy();
        consolidation.snapshot(r.unitId, r.planId).figures().forEach((code, t) -> {
            long received = t.totalSubmitted() - t.ownSubmitted();
            com.fasterxml.jackson.databind.JsonNode mine = own.get(code);
            if (mine == null || mine.isIntegralNumber()) {
                out.put(code, (mine == null ? 0 : mine.asLong()) + received);
            } else if (mine.isBoolean()) {
                // counted across units ("launch ceremony held": how many held one)
                out.put(code, (mine.asBoolean() ? 1 : 0) + received);
            }
        });
        return out;
    }

    @Transactional
    public Report returnForCorrection(UUID id, String ifMatch, String reason) {
        Report r = find(id);
        access.requireRecipient(r);
        Preconditions.check(ifMatch, r.version, false, "report");
        if (r.status != ReportStatus.SUBMITTED) {
            throw Problems.conflict("only a SUBMITTED report can be returned; this one is " + r.status);
        }
        String why = Normalizer.normalize(reason.strip(), Normalizer.Form.NFC);
        OffsetDateTime now = now();
        r.status = ReportStatus.RETURNED;
        r.returnReason = why;
        touch(r, now);
        history(r, ReportRevision.Action.RETURNED, now, why, null);
        outbox.append(new ReportReturned(r.id, r.obligationId, r.planId, r.campaignId, r.unitId, r.recipientId, r.revision,
                why, r.updatedBy, now));
        return r;
    }

    @Transactional
    public Report approve(UUID id, String ifMatch) {
        Report r = find(id);
        access.requireRecipient(r);
        Preconditions.check(ifMatch, r.version, false, "report");
        if (r.status != ReportStatus.SUBMITTED) {
            throw Problems.conflict("only a SUBMITTED report can be approved; this one is " + r.status);
        }
        OffsetDateTime now = now();
        r.status = ReportStatus.APPROVED;
        r.approvedAt = now;
        touch(r, now);
        history(r, ReportRevision.Action.APPROVED, now, null, null);
        outbox.append(new ReportApproved(r.id, r.obligationId, r.planId, r.campaignId, r.unitId, r.recipientId, r.revision,
                r.updatedBy, now));
        return r;
    }

    @Transactional
    public Report get(UUID id) {
        Report r = find(id);
        access.requireRead(r);
        return r;
    }

    @Transactional
    public List<ReportRevision> history(UUID id) {
        get(id);
        return revisions.history(id);
    }

    @Transactional
    public Page<Report> list(UUID plan, UUID unit, ReportStatus status, int page, int size) {
        PanacheQuery<Report> q = reports.search(plan, unit, status, access.subtreePrefix(), access.callerUnit());
        long total = q.count();
        return new Page<>(q.page(page, size).list(), page, size, total);
    }

    private Report find(UUID id) {
        return reports.findByIdOptional(id).orElseThrow(() -> Problems.notFound("report", id));
    }

    /**
     * Records the key; false when it was recorded before. A concurrent retry waits here on the
     * key's unique index until the first attempt commits, then sees the key taken.
     */
    private boolean claimKey(String key, String action, UUID reportId, int revision) {
        return !em.createNativeQuery("INSERT INTO idempotency_key (idempotency_key, action, report_id, revision) "
                        + "VALUES (:key, :action, :report, :revision) ON CONFLICT DO NOTHING RETURNING report_id")
                .setParameter("key", key).setParameter("action", action).setParameter("report", reportId)
                .setParameter("revision", revision).getResultList().isEmpty();
    }

    private Optional<UUID> keyOwner(String key, String action) {
        List<?> owner = em.createNativeQuery("SELECT report_id FROM idempotency_key WHERE idempotency_key = :key "
                        + "AND action = :action")
                .setParameter("key", key).setParameter("action", action).getResultList();
        return owner.stream().findFirst().map(o -> UUID.fromString(o.toString()));
    }

    private static ProblemException keyReused() {
        return Problems.invalid(List.of(Problem.Violation.header("Idempotency-Key",
                "this key was already used for another request")));
    }

    private void applyDraft(Report r, ObjectNode figures, DraftInput input, OffsetDateTime now) {
        r.figures = validator.write(figures);
        r.results = nfc(input.results());
        r.difficulties = nfc(input.difficulties());
        r.proposals = nfc(input.proposals());
        touch(r, now);
    }

    private void touch(Report r, OffsetDateTime now) {
        r.updatedAt = now;
        r.updatedBy = access.callerName();
    }

    private void history(Report r, ReportRevision.Action action, OffsetDateTime now, String reason, Boolean onTime) {
        // The entity's version is incremented at flush: the history row takes the version this change produces.
        ReportRevision h = ReportRevision.of(r, (int) r.version + 1, action, r.updatedBy, access.callerUnit(), now);
        h.reason = reason;
        h.onTime = onTime;
        revisions.persist(h);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> figuresMap(Report r) {
        return mapper.convertValue(validator.read(r.figures), Map.class);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).atZoneSameInstant(VietnamTime.ZONE).toOffsetDateTime();
    }

    private static String nfc(String s) {
        return s == null ? null : Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
