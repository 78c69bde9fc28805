package vn.actionmonth.plan.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.common.VietnamTime;
import vn.actionmonth.common.problem.Problem;
import vn.actionmonth.common.problem.ProblemException;
import vn.actionmonth.plan.domain.Activity;
import vn.actionmonth.plan.domain.Assignment;
import vn.actionmonth.plan.domain.Campaign;
import vn.actionmonth.plan.domain.OrgUnit;
import vn.actionmonth.plan.domain.Plan;
import vn.actionmonth.plan.domain.DueRule;
import vn.actionmonth.plan.domain.RequirementKind;
import vn.actionmonth.plan.domain.UnitKind;
import vn.actionmonth.plan.domain.UnitRule;
import vn.actionmonth.plan.domain.PlanStatus;
import vn.actionmonth.plan.domain.Reach;
import vn.actionmonth.plan.domain.UnitRef;
import vn.actionmonth.plan.repository.CampaignRepository;
import vn.actionmonth.plan.repository.PlanRepository;
import vn.actionmonth.plan.repository.UnitRepository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A draft plan from its document: the parts {@link PlanDocumentParser} reads, with the names in
 * it resolved against the tree (the issuer is the caller's unit; assignees within its subtree,
 * accent-insensitive and with the usual abbreviations spelled out), the basis plan by its number,
 * the campaign by the year. The draft is created when it passes the rules (nothing is sent: a
 * draft has no events); otherwise the answer holds what was read and why it was not created.
 * Never invents: what is not found stays empty and is listed.
 */
@ApplicationScoped
public class PlanImportService {

    /** Abbreviations officials write, spelled out for the name search (on accent-free keys). */
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("ubnd", "uy ban nhan dan"), Map.entry("hdnd", "hoi dong nhan dan"),
            Map.entry("ldtbxh", "lao dong - thuong binh va xa hoi"), Map.entry("ld-tb&xh", "lao dong - thuong binh va xa hoi"),
            Map.entry("mttq", "mat tran to quoc"), Map.entry("lhpn", "lien hiep phu nu"),
            Map.entry("gd&dt", "giao duc va dao tao"), Map.entry("gddt", "giao duc va dao tao"),
            Map.entry("vhttdl", "van hoa, the thao va du lich"), Map.entry("tttt", "thong tin va truyen thong"));

    /** A name of the document that stayed unresolved or ambiguous, with the units it could be. */
    public record Candidates(String field, String name, List<UUID> unitIds) {
    }

    public record Imported(PlanDocumentParser.ParsedPlan parsed, PlanDraft plan, Plan draft, List<String> unresolved,
                           List<Candidates> candidates, List<Problem.Violation> problems) {
    }

    private final PlanService plans;
    private final PlanRepository planRepository;
    private final CampaignRepository campaigns;
    private final UnitRepository units;
    private final Access access;
    private final DraftConstraints constraints;

    public PlanImportService(PlanService plans, PlanRepository planRepository, CampaignRepository campaigns,
            UnitRepository units, Access access, DraftConstraints constraints) {
        this.plans = plans;
        this.planRepository = planRepository;
        this.campaigns = campaigns;
        this.units = units;
        this.access = access;
        this.constraints = constraints;
    }

    public Imported importText(String text) {
        OrgUnit issuer = access.home();
        access.requirePlannerOf(issuer.id);
        PlanDocumentParser.ParsedPlan p = PlanDocumentParser.parse(text);
        List<String> unresolved = new ArrayList<>(p.missing());
        List<Candidates> candidates = new ArrayList<>();
        if (p.issuingBody() != null) {
            String written = expand(Texts.searchKey(p.issuingBody()));
            if (!expand(Texts.searchKey(issuer.name)).contains(written)) {
                unresolved.add("issuerId: the document is issued by " + p.issuingBody() + "; the draft is "
                        + issuer.name + "'s, the caller's unit");
            }
        }

        UUID campaignId = null;
        if (p.year() != null) {
            List<Campaign> ofYear = campaigns.list("year", p.year());
            if (ofYear.size() == 1) {
                campaignId = ofYear.get(0).id;
            } else {
                unresolved.add("campaignId: " + ofYear.size() + " campaigns of " + p.year());
            }
        } else {
            unresolved.add("campaignId: the document gives no year");
        }
        UUID basisId = null;
        if (p.basisPlanNumber() != null) {
            List<Plan> numbered = planRepository.list("number = ?1 and status = ?2", p.basisPlanNumber(), PlanStatus.PUBLISHED);
            List<Plan> above = numbered.stream().filter(b -> issuerAbove(b, issuer)).toList();
            if (above.size() == 1) {
                basisId = above.get(0).id;
            } else {
                unresolved.add("basisPlanId: plan " + p.basisPlanNumber() + (above.isEmpty() ? " is not known above "
                        + issuer.name : " is ambiguous"));
            }
        }
        List<Assignment> assignments = new ArrayList<>();
        for (int i = 0; i < p.assignments().size(); i++) {
            PlanDocumentParser.NamedTask t = p.assignments().get(i);
            List<String> tasks = t.tasks().isBlank() ? List.of() : List.of(t.tasks().split("\n\n"));
            assignments.add(new Assignment(ref("assignments[" + i + "].unit", t.unitName(), issuer, candidates, unresolved),
                    tasks));
        }
        UUID via = null;
        if (p.viaName() != null) {
            UnitRef v = ref("reportingRequirement.viaUnitId", p.viaName(), issuer, candidates, unresolved);
            via = v.unitId();
        }
        RequirementDraft reporting = p.reportingText() == null ? null
                : requirement(p, issuer, via, basisId != null, unresolved);
        List<Activity> activities = new ArrayList<>();
        for (int i = 0; i < p.activities().size(); i++) {
            PlanDocumentParser.ParsedActivity a = p.activities().get(i);
            UnitRef lead = a.lead() == null ? null
                    : ref("activities[" + i + "].leadUnit", a.lead(), issuer, candidates, unresolved);
            activities.add(new Activity(a.title(), null, lead, List.of(), a.time(), null, null, a.place(), List.of()));
        }
        PlanDraft.Signer signer = p.signerTitle() == null && p.signerName() == null ? null : new PlanDraft.Signer(p.signerName(), p.signerTitle());
        PlanDraft input = new PlanDraft(p.number(), p.title(), issuer.id, p.issueDate(), p.issuePlace(), p.dateLine(),
                campaignId, null, null, basisId, p.basisDocuments(), p.theme(), p.periodStart(), p.periodEnd(), p.objectives(),
                p.requirements(), p.messages(), activities, assignments, reporting, null, p.recipients(), signer);

        List<Problem.Violation> problems = new ArrayList<>();
        if (campaignId == null) {
            // an imported plan is of a campaign; a standing plan is written through the API
            problems.add(Problem.Violation.body("campaignId", "no campaign could be found for the document: choose one"));
        }
        problems.addAll(constraints.violations(input));
        Plan draft = null;
        if (problems.isEmpty()) {
            try {
                draft = plans.create(input);
            } catch (ProblemException e) {
                problems.addAll(e.violations() == null || e.violations().isEmpty()
                        ? List.of(Problem.Violation.body("plan", e.getMessage())) : e.violations());
            }
        }
        return new Imported(p, input, draft, unresolved, candidates, problems);
    }

    /** The lead time a level keeps to consolidate, assumed when a plan says only "theo quy định". */
    static final int LEAD_DAYS = 10;

    private static final java.util.regex.Pattern YEARLY_DAY = java.util.regex.Pattern.compile(
            "(\\d{1,2})(?:/|\\s+tháng\\s+)(\\d{1,2})");

    /**
     * The reporting sentence as a requirement: who reports when it names groups of the issuer's
     * units ("Các sở, ban, ngành, đoàn thể tỉnh, UBND các huyện, thành phố" becomes a rule over
     * its children of those kinds, reporting to the issuer), through whom, and by when: a date, or
     * by rule ("trước ngày 15/7 hằng năm" a day of the campaign's year; "theo quy định" the
     * issuer's own deadline under the basis plan less {@link #LEAD_DAYS}, said so in unresolved).
     */
    private static RequirementDraft requirement(PlanDocumentParser.ParsedPlan p, OrgUnit issuer, UUID via,
                                                    boolean hasBasis, List<String> unresolved) {
        String text = p.reportingText();
        int verb = text.toLowerCase(java.util.Locale.ROOT).indexOf("báo cáo");
        List<UnitKind> kinds = groupsIn(verb < 0 ? text : text.substring(0, verb));
        UnitRule rule = kinds.isEmpty() ? null : new UnitRule(kinds, UnitRule.Depth.CHILDREN);
        boolean toIssuer = rule != null && p.recipientName() != null
                && p.recipientName().matches("(?i)(UBND|Ủy ban nhân dân)\\b.*");
        if (rule == null) {
            unresolved.add("reportingRequirement.reportingUnitIds: who reports is written as a sentence; choose the units");
        } else if (!toIssuer) {
            unresolved.add("reportingRequirement.recipientId: the reports go to \"" + p.recipientName() + "\"; choose the unit");
        }
        DueRule dueRule = null;
        if (p.dueByRule()) {
            java.util.regex.Matcher day = YEARLY_DAY.matcher(p.dueText() == null ? "" : p.dueText());
            if (day.find()) {
                dueRule = new DueRule(DueRule.Type.DAY_OF_MONTH, null, Integer.parseInt(day.group(1)),
                        Integer.parseInt(day.group(2)));
            } else if (hasBasis) {
                dueRule = new DueRule(DueRule.Type.BASIS_MINUS_DAYS, LEAD_DAYS, null, null);
                unresolved.add("reportingRequirement.dueRule: the document says \"" + p.dueText() + "\"; taken as "
                        + LEAD_DAYS + " days before the issuer's own deadline under the basis plan, check it");
            } else {
                dueRule = new DueRule(DueRule.Type.CAMPAIGN_DEFAULT, null, null, null);
                unresolved.add("reportingRequirement.dueRule: the document says \"" + p.dueText() + "\"; taken as the "
                        + "campaign's default deadline, check it");
            }
        }
        return new RequirementDraft(null, RequirementKind.FINAL, text, List.of(), rule, toIssuer ? issuer.id : null,
                via, List.of(), rule == null ? null : DEFAULT_SET,
                p.dueDate() == null ? null : VietnamTime.dueBefore(p.dueDate()), p.dueText(), dueRule, null);
    }

    /** The indicator set a plan of the campaign reports with, unless the planner chooses another. */
    static final String DEFAULT_SET = "CAM";

    /** Kinds of unit a sentence names as groups ("các sở, ban, ngành", "đoàn thể", "UBND các huyện", "các xã, phường"). */
    static List<UnitKind> groupsIn(String subject) {
        String s = Texts.searchKey(subject);
        List<UnitKind> out = new ArrayList<>();
        if (s.matches(".*\\bcac so\\b.*|.*\\bso, ban, nganh\\b.*")) {
            out.add(UnitKind.DEPARTMENT);
        }
        if (s.matches(".*\\bdoan the\\b.*|.*\\bcac hoi\\b.*")) {
            out.add(UnitKind.MASS_ORGANISATION);
        }
        if (s.matches(".*\\bcac huyen\\b.*|.*\\bcac quan\\b.*")) {
            out.add(UnitKind.DISTRICT);
        }
        if (s.matches(".*\\bcac (xa|phuong|thi tran)\\b.*")) {
            out.add(UnitKind.COMMUNE);
        }
        return out;
    }

    private boolean issuerAbove(Plan basis, OrgUnit issuer) {
        OrgUnit basisIssuer = units.findById(basis.issuerId);
        return basisIssuer != null && Reach.of(issuer, basisIssuer) == Reach.ANCESTOR;
    }

    /** The unit a name in the document means, within the issuer's subtree; the name alone when none or several. */
    private UnitRef ref(String field, String name, OrgUnit issuer, List<Candidates> candidates, List<String> unresolved) {
        String key = expand(Texts.searchKey(name));
        List<OrgUnit> found = key.length() < 3 ? List.of() : units.searchName(key, issuer.path).page(0, 6).list();
        List<OrgUnit> exact = found.stream().filter(u -> u.searchName.equals(key)).toList();
        List<OrgUnit> chosen = exact.size() == 1 ? exact : found;
        if (chosen.size() == 1) {
            return new UnitRef(chosen.get(0).id, name);
        }
        if (!chosen.isEmpty()) {
            candidates.add(new Candidates(field, name, chosen.stream().map(u -> u.id).toList()));
        }
        unresolved.add(field + ": " + name + (chosen.isEmpty() ? " is no unit of " + issuer.name : " could be "
                + chosen.size() + " units"));
        return new UnitRef(null, name);
    }

    static String expand(String key) {
        StringBuilder out = new StringBuilder();
        for (String word : key.split(" ")) {
            out.append(out.length() == 0 ? "" : " ").append(ABBREVIATIONS.getOrDefault(word, word));
        }
        return out.toString();
    }

    /** For the answer: the parts read, field by field, with the line and the confidence. */
    public static Map<String, List<PlanDocumentParser.Source>> sourcesByField(PlanDocumentParser.ParsedPlan p) {
        Map<String, List<PlanDocumentParser.Source>> out = new LinkedHashMap<>();
        p.sources().forEach(s -> out.computeIfAbsent(s.field(), k -> new ArrayList<>()).add(s));
        return out;
    }
}
