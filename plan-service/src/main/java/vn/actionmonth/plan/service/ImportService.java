package vn.actionmonth.plan.service;

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
import vn.actionmonth.events.plan.UnitChanged;
import vn.actionmonth.events.plan.UnitCreated;
import vn.actionmonth.events.plan.UnitSnapshot;
import vn.actionmonth.plan.domain.OrgUnit;
import vn.actionmonth.plan.domain.UnitKind;
import vn.actionmonth.plan.domain.UnitLimits;
import vn.actionmonth.plan.repository.UnitHistoryRepository;
import vn.actionmonth.plan.repository.UnitImportRepository;
import vn.actionmonth.plan.repository.UnitImportRepository.Existing;
import vn.actionmonth.plan.repository.UnitRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import static vn.actionmonth.plan.messaging.UnitEvents.snapshot;

/**
 * Imports a tree of units in one transaction: every row is checked first and nothing is written
 * when any row is bad; rows are matched to current units of the tree by code, so importing the
 * same file twice changes nothing. New units go in by batches (see UnitImportRepository), their
 * events by one outbox batch.
 *
 * <p>An import creates units and updates names, kinds and codes; it does not move units (a row
 * whose parent differs from the unit's current parent is refused): moves keep a dated history
 * and go through the move operation.
 */
@ApplicationScoped
public class ImportService {

    private static final Pattern ADMIN_CODE = Pattern.compile("[0-9]{2,5}");
    private static final Pattern AGENCY_CODE = Pattern.compile("[0-9A-Z.]{1,35}");
    private static final int MAX_REPORTED = 200;

    /** A row and how error messages name it: {@code units[3]} for JSON, {@code rows[12]} (file line) for CSV. */
    public record Numbered(String label, UnitRow row) {
    }

    private final UnitRepository units;
    private final UnitHistoryRepository history;
    private final Access access;
    private final Outbox outbox;
    private final EntityManager em;
    private final UnitImportRepository bulk;
    private final Clock clock;
    private final PlanService plans;

    public ImportService(UnitRepository units, UnitHistoryRepository history, Access access, Outbox outbox, EntityManager em,
            UnitImportRepository bulk, Clock clock, PlanService plans) {
        this.plans = plans;
        this.units = units;
        this.history = history;
        this.access = access;
        this.outbox = outbox;
        this.em = em;
        this.bulk = bulk;
        this.clock = clock;
    }

    /** A national tree with its offices is 100,000 rows; on a busy machine that outlasts the default 60 s. */
    @Transactional
    @io.quarkus.narayana.jta.runtime.TransactionConfiguration(timeout = 900)
    public ImportCounts importTree(UUID rootId, LocalDate validFrom, List<Numbered> rows) {
        long started = System.nanoTime();
        OrgUnit root = units.findByIdOptional(rootId)
                .orElseThrow(() -> Problems.invalid("rootId", "no unit " + rootId));
        OrgUnit treeRoot = units.findById(root.rootId());
        access.requireRootAdmin(treeRoot);
        LocalDate from = validFrom == null ? LocalDate.now(clock.withZone(VietnamTime.ZONE)) : validFrom;

        Map<String, Existing> existing = existingByCode(treeRoot.id);
        List<Problem.Violation> errors = new ArrayList<>();
        List<Parsed> parsed = parse(rows, errors);
        Map<String, Parsed> inFile = new HashMap<>();
        for (Parsed p : parsed) {
            Parsed twin = inFile.putIfAbsent(p.key, p);
            if (twin != null) {
                errors.add(Problem.Violation.body(p.label + "." + p.keyField(),
                        "code " + p.key + " appears twice (also " + twin.label + ")"));
            }
        }
        for (Parsed p : parsed) {
            p.match = existing.get(p.key);
            if (p.match == null && p.row.agencyCode() != null && p.row.code() != null) {
                p.match = existing.get(p.row.agencyCode());
            }
            String parentCode = p.row.parentCode();
            if (parentCode == null) {
                p.parentId = root.id;
            } else if (inFile.containsKey(parentCode)) {
                p.parentRow = inFile.get(parentCode);
            } else if (existing.containsKey(parentCode)) {
                p.parentId = existing.get(parentCode).id();
            } else {
                errors.add(Problem.Violation.body(p.label + ".parentCode",
                        "no unit with code " + parentCode + " in the file or in the tree"));
            }
        }
        List<Parsed> created = new ArrayList<>();
        List<Parsed> changed = new ArrayList<>();
        java.util.Set<UUID> retiredIds = bulk.retiredIds(treeRoot.id);
        for (Parsed p : parsed) {
            if (p.match == null) {
                p.id = idOf(treeRoot.id, p.key, from, retiredIds);
                created.add(p);
            }
        }
        for (Parsed p : parsed) {
            UUID parent = p.parentRow != null ? (p.parentRow.match != null ? p.parentRow.match.id() : p.parentRow.id) : p.parentId;
            p.parentId = parent;
            if (p.match != null && parent != null) {
                if (!parent.equals(p.match.parentId())) {
                    errors.add(Problem.Violation.body(p.label + ".parentCode", "unit " + p.key + " reports to another parent now; "
                            + "move it with POST /api/v1/units/" + p.match.id() + "/move"));
                } else if (p.differs()) {
                    changed.add(p);
                }
            }
        }
        errors.addAll(placeNew(created, existing, root));
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors.size() > MAX_REPORTED ? errors.subList(0, MAX_REPORTED) : errors);
        }

        List<EventPayload> events = new ArrayList<>(created.size() + changed.size());
        bulk.insert(created.stream().map(p -> new UnitImportRepository.NewUnit(p.id, p.kind, p.name, p.row.shortName(),
                Texts.searchKey(p.name), p.row.code(), p.row.agencyCode(), p.parentId, p.path, p.depth)).toList(), from);
        for (Parsed p : created) {
            events.add(new UnitCreated(newSnapshot(p, from)));
        }
        for (Parsed p : changed) {
            OrgUnit u = units.findById(p.match.id());
            u.name = p.name;
            u.searchName = Texts.searchKey(p.name);
            u.kind = p.kind;
            if (p.row.shortName() != null) {
                u.shortName = p.row.shortName();
            }
            if (p.row.agencyCode() != null) {
                u.agencyCode = p.row.agencyCode();
            }
            u.version++;
            events.add(new UnitChanged(snapshot(u)));
        }
        em.flush();
        List<UUID> versioned = new ArrayList<>(created.size() + changed.size());
        created.forEach(p -> versioned.add(p.id));
        changed.forEach(p -> versioned.add(p.match.id()));
        history.record(versioned, from);
        outbox.appendAll(events);
        outbox.appendAll(plans.followTreeOf(treeRoot));
        return new ImportCounts(created.size(), changed.size(), parsed.size() - created.size() - changed.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private List<Parsed> parse(List<Numbered> rows, List<Problem.Violation> errors) {
        List<Parsed> out = new ArrayList<>(rows.size());
        for (Numbered n : rows) {
            int before = errors.size();
            text(errors, n.label() + ".name", n.row().name(), UnitLimits.NAME);
            text(errors, n.label() + ".shortName", n.row().shortName(), UnitLimits.SHORT_NAME);
            text(errors, n.label() + ".code", n.row().code(), UnitLimits.CODE);
            text(errors, n.label() + ".parentCode", n.row().parentCode(), UnitLimits.AGENCY_CODE);
            text(errors, n.label() + ".agencyCode", n.row().agencyCode(), UnitLimits.AGENCY_CODE);
            text(errors, n.label() + ".kind", n.row().kind(), UnitLimits.KIND);
            if (errors.size() > before) {
                continue;
            }
            UnitRow r = clean(n.row());
            if (r.name() == null) {
                errors.add(Problem.Violation.body(n.label() + ".name", "must not be blank"));
            }
            if (r.code() == null && r.agencyCode() == null) {
                errors.add(Problem.Violation.body(n.label() + ".code", "give the administrative code or the agencyCode"));
            }
            if (r.code() != null && !ADMIN_CODE.matcher(r.code()).matches()) {
                errors.add(Problem.Violation.body(n.label() + ".code", "must be 2 to 5 digits"));
            }
            if (r.agencyCode() != null && !AGENCY_CODE.matcher(r.agencyCode()).matches()) {
                errors.add(Problem.Violation.body(n.label() + ".agencyCode",
                        "must be at most 35 characters of 0-9, A-Z and dots (QCVN 102)"));
            }
            UnitKind kind = kindOf(r);
            if (kind == null) {
                errors.add(Problem.Violation.body(n.label() + ".kind", "must be one of "
                        + java.util.Arrays.toString(UnitKind.values()) + " (or left blank for a 2, 3 or 5 digit code)"));
            }
            if (errors.size() == before) {
                out.add(new Parsed(n.label(), r, kind));
            }
        }
        return out;
    }

    private static void text(List<Problem.Violation> errors, String field, String value, int max) {
        String problem = TextRules.problem(value, max, true);
        if (problem != null) {
            errors.add(Problem.Violation.body(field, problem));
        }
    }

    private static UnitRow clean(UnitRow r) {
        return new UnitRow(Texts.nfc(r.code()), Texts.nfc(r.name()), Texts.nfc(r.kind()), Texts.nfc(r.parentCode()),
                Texts.nfc(r.shortName()), Texts.nfc(r.agencyCode()));
    }

    /** The kind given, or the one a statistical code's length implies. */
    private static UnitKind kindOf(UnitRow r) {
        if (r.kind() != null) {
            try {
                return UnitKind.valueOf(r.kind().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        if (r.code() == null) {
            return null;
        }
        return switch (r.code().length()) {
            case 2 -> UnitKind.PROVINCE;
            case 3 -> UnitKind.DISTRICT;
            case 5 -> UnitKind.COMMUNE;
            default -> null;
        };
    }

    /** Paths for new units, parents before children; a row whose parents loop is refused. */
    private List<Problem.Violation> placeNew(List<Parsed> created, Map<String, Existing> existing, OrgUnit root) {
        Map<UUID, String> paths = new HashMap<>();
        Map<UUID, Integer> depths = new HashMap<>();
        for (Existing e : existing.values()) {
            paths.put(e.id(), e.path());
            depths.put(e.id(), e.depth());
        }
        paths.put(root.id, root.path);
        depths.put(root.id, root.depth);
        Map<UUID, Parsed> byId = new HashMap<>();
        created.forEach(p -> byId.put(p.id, p));
        List<Problem.Violation> errors = new ArrayList<>();
        for (Parsed p : created) {
            List<Parsed> chain = new ArrayList<>();
            Parsed cur = p;
            while (cur != null && !paths.containsKey(cur.id) && cur.parentId != null) {
                if (chain.contains(cur)) {
                    errors.add(Problem.Violation.body(p.label + ".parentCode", "the parents of " + p.key + " form a loop"));
                    chain.clear();
                    break;
                }
                chain.add(cur);
                cur = paths.containsKey(cur.parentId) ? null : byId.get(cur.parentId);
            }
            for (int i = chain.size() - 1; i >= 0; i--) {
                Parsed c = chain.get(i);
                String parentPath = paths.get(c.parentId);
                if (parentPath == null) {
                    break;
                }
                paths.put(c.id, UnitPath.of(parentPath, c.id));
                depths.put(c.id, depths.get(c.parentId) + 1);
                c.path = paths.get(c.id);
                c.depth = depths.get(c.id);
            }
        }
        created.sort(java.util.Comparator.comparingInt(p -> p.depth));
        return errors;
    }

    private static UnitSnapshot newSnapshot(Parsed p, LocalDate from) {
        List<UUID> ancestors = UnitPath.ancestorIds(p.path);
        return new UnitSnapshot(p.id, p.kind.name(), p.name, p.row.shortName(), p.row.code(), p.row.agencyCode(),
                p.parentId, ancestors, List.of(new UnitSnapshot.ParentPeriod(p.parentId, from, null)), from, null, false, 1);
    }

    /**
     * New units get ids derived from the tree, their code and validFrom, so that the same file
     * gives the same ids in every environment (tokens and links stay valid); a retired unit
     * holding that id already makes it random.
     */
    static UUID idOf(UUID rootId, String key, LocalDate from, java.util.Set<UUID> taken) {
        UUID id = UUID.nameUUIDFromBytes((rootId + ":" + key + ":" + from).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return taken.contains(id) ? UUID.randomUUID() : id;
    }

    /** Current units of the tree by administrative and by agency code. */
    private Map<String, Existing> existingByCode(UUID rootId) {
        List<Existing> current = bulk.currentWithCode(rootId);
        Map<String, Existing> out = new HashMap<>(current.size() * 2);
        for (Existing e : current) {
            if (e.adminCode() != null) {
                out.put(e.adminCode(), e);
            }
            if (e.agencyCode() != null) {
                out.put(e.agencyCode(), e);
            }
        }
        return out;
    }

    private static final class Parsed {
        final String label;
        final UnitRow row;
        final UnitKind kind;
        final String key;
        final String name;
        Existing match;
        Parsed parentRow;
        UUID parentId;
        UUID id;
        String path;
        int depth;

        Parsed(String label, UnitRow row, UnitKind kind) {
            this.label = label;
            this.row = row;
            this.kind = kind;
            this.key = row.code() != null ? row.code() : row.agencyCode();
            this.name = row.name();
        }

        String keyField() {
            return row.code() != null ? "code" : "agencyCode";
        }

        boolean differs() {
            return !name.equals(match.name()) || kind != match.kind()
                    || (row.shortName() != null && !row.shortName().equals(match.shortName()))
                    || (row.agencyCode() != null && !Objects.equals(row.agencyCode(), match.agencyCode()));
        }
    }
}
