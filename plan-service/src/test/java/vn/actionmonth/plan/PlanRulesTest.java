package vn.actionmonth.plan;

import org.junit.jupiter.api.Test;
import vn.actionmonth.common.VietnamTime;
import vn.actionmonth.common.problem.Problem;
import vn.actionmonth.plan.domain.Activity;
import vn.actionmonth.plan.domain.Assignment;
import vn.actionmonth.plan.domain.Campaign;
import vn.actionmonth.plan.domain.DueRule;
import vn.actionmonth.plan.domain.OrgUnit;
import vn.actionmonth.plan.domain.Plan;
import vn.actionmonth.plan.domain.PlanStatus;
import vn.actionmonth.plan.domain.PlanWarning;
import vn.actionmonth.plan.domain.Requirement;
import vn.actionmonth.plan.domain.RequirementKind;
import vn.actionmonth.plan.domain.UnitKind;
import vn.actionmonth.plan.domain.UnitRef;
import vn.actionmonth.plan.domain.UnitRule;
import vn.actionmonth.plan.repository.CampaignRepository;
import vn.actionmonth.plan.repository.ObligationRepository;
import vn.actionmonth.plan.repository.PlanRepository;
import vn.actionmonth.plan.repository.UnitRepository;
import vn.actionmonth.plan.rest.PlanInput;
import vn.actionmonth.plan.rest.ReportingRequirement;
import vn.actionmonth.plan.service.PlanRules;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.actionmonth.plan.UnitTrees.root;
import static vn.actionmonth.plan.UnitTrees.unit;

/**
 * The rules a plan meets before it is written, on a tree kept in memory: the repositories PlanRules
 * reads through are stood in for by maps (the same rules against the database: PlanApiTest,
 * ReportingRequirementsTest).
 */
class PlanRulesTest {

    private final OrgUnit ministry = root("Bộ Lao động - Thương binh và Xã hội", UnitKind.MINISTRY);
    private final OrgUnit province = unit(ministry, "UBND tỉnh Hải Dương", UnitKind.PROVINCE);
    private final OrgUnit otherProvince = unit(ministry, "UBND tỉnh Hưng Yên", UnitKind.PROVINCE);
    private final OrgUnit department = unit(province, "Sở LĐTBXH Hải Dương", UnitKind.DEPARTMENT);
    private final OrgUnit chiLinh = unit(province, "UBND thành phố Chí Linh", UnitKind.DISTRICT);
    private final OrgUnit kinhMon = unit(province, "UBND thị xã Kinh Môn", UnitKind.DISTRICT);
    private final OrgUnit saoDo = unit(chiLinh, "UBND phường Sao Đỏ", UnitKind.COMMUNE);
    private final OrgUnit anLuu = unit(kinhMon, "UBND phường An Lưu", UnitKind.COMMUNE);
    private final OrgUnit vanLam = unit(otherProvince, "UBND huyện Văn Lâm", UnitKind.DISTRICT);
    private final OrgUnit merged = unit(province, "UBND huyện Nam Sách cũ", UnitKind.DISTRICT);

    private final Campaign campaign = new Campaign();
    private final Map<UUID, OrgUnit> units = new HashMap<>();
    private final Map<UUID, Campaign> campaigns = new HashMap<>();
    private final Map<UUID, Plan> plans = new HashMap<>();
    private final Map<List<Object>, OffsetDateTime> obligationDues = new HashMap<>();

    private final PlanRules rules = new PlanRules(
            new UnitRepository() {
                @Override
                public OrgUnit findById(UUID id) {
                    return units.get(id);
                }

                @Override
                public List<OrgUnit> byIds(Collection<UUID> ids) {
                    return ids.stream().map(units::get).filter(Objects::nonNull).toList();
                }
            },
            new CampaignRepository() {
                @Override
                public Campaign findById(UUID id) {
                    return campaigns.get(id);
                }
            },
            new PlanRepository() {
                @Override
                public Plan findById(UUID id) {
                    return plans.get(id);
                }
            },
            new ObligationRepository() {
                @Override
                public OffsetDateTime dueOf(UUID planId, UUID unitId, RequirementKind kind, UUID campaignId) {
                    return obligationDues.get(Arrays.asList(planId, unitId, kind, campaignId));
                }
            });

    PlanRulesTest() {
        merged.retired = true;
        for (OrgUnit u : List.of(ministry, province, otherProvince, department, chiLinh, kinhMon, saoDo, anLuu, vanLam, merged)) {
            units.put(u.id, u);
        }
        campaign.id = UUID.randomUUID();
        campaign.name = "Tháng hành động vì trẻ em 2024";
        campaign.year = 2024;
        campaign.periodStart = LocalDate.of(2024, 6, 1);
        campaign.periodEnd = LocalDate.of(2024, 6, 30);
        campaign.defaultDueDate = LocalDate.of(2024, 7, 25);
        campaigns.put(campaign.id, campaign);
    }

    // --- issuer, campaign, validity and period

    @Test
    void aPlanWithinTheRulesPassesWithItsPeriodTakenFromTheCampaign() {
        PlanRules.Checked checked = check(plan(requirement(List.of(chiLinh.id, kinhMon.id), province.id, due(2024, 7, 20))));

        assertThat(errors).isEmpty();
        assertThat(checked.issuer()).isSameAs(province);
        assertThat(checked.campaign()).isSameAs(campaign);
        assertThat(checked.periodStart()).isEqualTo(LocalDate.of(2024, 6, 1));
        assertThat(checked.periodEnd()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(checked.warnings()).isEmpty();
        assertThat(checked.requirements()).singleElement().satisfies(r -> {
            assertThat(r.dueAt()).isEqualTo(due(2024, 7, 20));
            assertThat(r.dueResolution()).isNull();
        });
    }

    @Test
    void theIssuerIsAKnownUnitStillInService() {
        UUID unknown = UUID.randomUUID();
        check(plan().issuer(unknown));
        assertThat(violations()).containsExactly(tuple("issuerId", "no unit " + unknown));

        check(plan().issuer(merged.id));
        assertThat(violations()).containsExactly(tuple("issuerId", "unit UBND huyện Nam Sách cũ is retired"));
    }

    @Test
    void aCampaignPlanNamesAKnownCampaignAndHasNoValidityOfItsOwn() {
        UUID unknown = UUID.randomUUID();
        check(plan().campaign(unknown).period(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30)));
        assertThat(violations()).containsExactly(tuple("campaignId", "no campaign " + unknown));

        String validity = "a plan of a campaign has no validity of its own; leave campaignId out for a standing plan";
        check(plan().validity(LocalDate.of(2024, 1, 1), null));
        assertThat(violations()).containsExactly(tuple("validFrom", validity));
        check(plan().validity(null, LocalDate.of(2025, 1, 1)));
        assertThat(violations()).containsExactly(tuple("validTo", validity));
    }

    @Test
    void aStandingPlanStartsOnADayAndEndsOnALaterOne() {
        check(plan().campaign(null));
        assertThat(violations()).containsExactly(tuple("campaignId", "is required, or validFrom for a standing plan"));

        check(plan().campaign(null).validity(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1)));
        assertThat(violations()).containsExactly(tuple("validTo", "must be after validFrom 2024-01-01"));

        PlanRules.Checked checked = check(plan().campaign(null).validity(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2)));
        assertThat(errors).isEmpty();
        assertThat(checked.campaign()).isNull();
        assertThat(checked.periodStart()).as("each campaign's, unless the plan gives one").isNull();

        check(plan().campaign(null).validity(LocalDate.of(2024, 1, 1), null));
        assertThat(errors).isEmpty();
    }

    @Test
    void aCampaignPlanNeedsAPeriodFromItselfOrItsCampaign() {
        campaign.periodStart = null;
        campaign.periodEnd = null;
        check(plan());
        assertThat(violations()).containsExactly(tuple("periodStart", "is required (the campaign gives none)"),
                tuple("periodEnd", "is required (the campaign gives none)"));

        PlanRules.Checked checked = check(plan().period(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 1)));
        assertThat(errors).as("a period of one day").isEmpty();
        assertThat(checked.periodStart()).isEqualTo(LocalDate.of(2024, 6, 1));
        assertThat(checked.periodEnd()).isEqualTo(LocalDate.of(2024, 6, 1));
    }

    @Test
    void thePeriodDoesNotEndBeforeItStarts() {
        check(plan().period(LocalDate.of(2024, 6, 10), LocalDate.of(2024, 6, 9)));
        assertThat(violations()).containsExactly(tuple("periodEnd", "must not be before periodStart 2024-06-10"));
    }

    // --- the basis plan

    @Test
    void theBasisIsAPublishedPlanOfTheSameCampaignIssuedAboveTheIssuer() {
        Plan basis = basis(ministry, PlanStatus.PUBLISHED);
        check(plan().basis(basis.id));
        assertThat(errors).isEmpty();

        UUID unknown = UUID.randomUUID();
        check(plan().basis(unknown));
        assertThat(violations()).containsExactly(tuple("basisPlanId", "no plan " + unknown));

        basis.status = PlanStatus.DRAFT;
        check(plan().basis(basis.id));
        assertThat(violations()).containsExactly(tuple("basisPlanId", "plan 75/KH-BLĐTBXH is DRAFT, not PUBLISHED"));
    }

    @Test
    void aPlanDoesNotImplementItself() {
        Plan basis = basis(ministry, PlanStatus.PUBLISHED);
        check(plan().basis(basis.id), basis.id);
        assertThat(violations()).containsExactly(tuple("basisPlanId", "a plan cannot implement itself"));
    }

    @Test
    void theBasisIsIssuedByAnAncestorNotBySelfPeerOrDescendant() {
        for (OrgUnit issuer : List.of(province, otherProvince, chiLinh)) {
            Plan basis = basis(issuer, PlanStatus.PUBLISHED);
            check(plan().basis(basis.id));
            assertThat(violations()).containsExactly(tuple("basisPlanId", "plan 75/KH-BLĐTBXH is issued by " + issuer.name
                    + ", which is not above UBND tỉnh Hải Dương in the reporting tree"));
        }
    }

    @Test
    void theBasisBelongsToTheSameCampaignOrIsAStandingPlanThatApplies() {
        Plan other = basis(ministry, PlanStatus.PUBLISHED);
        other.campaignId = UUID.randomUUID();
        check(plan().basis(other.id));
        assertThat(violations()).containsExactly(tuple("basisPlanId", "plan 75/KH-BLĐTBXH belongs to another campaign"));

        Plan standing = basis(ministry, PlanStatus.PUBLISHED);
        standing.campaignId = null;
        standing.validFrom = LocalDate.of(2024, 6, 1);
        check(plan().basis(standing.id));
        assertThat(errors).as("applies from the campaign's first day").isEmpty();

        standing.validFrom = LocalDate.of(2024, 6, 2);
        check(plan().basis(standing.id));
        assertThat(violations()).containsExactly(tuple("basisPlanId", "standing plan 75/KH-BLĐTBXH does not apply to "
                + "campaign Tháng hành động vì trẻ em 2024"));
    }

    @Test
    void aStandingPlanImplementsOnlyAStandingPlan() {
        Plan ofCampaign = basis(ministry, PlanStatus.PUBLISHED);
        check(plan().campaign(null).validity(LocalDate.of(2024, 1, 1), null).basis(ofCampaign.id));
        assertThat(violations()).containsExactly(tuple("basisPlanId", "plan 75/KH-BLĐTBXH is of one campaign: a standing "
                + "plan implements a standing plan"));

        ofCampaign.campaignId = null;
        ofCampaign.validFrom = LocalDate.of(2020, 1, 1);
        check(plan().campaign(null).validity(LocalDate.of(2024, 1, 1), null).basis(ofCampaign.id));
        assertThat(errors).isEmpty();
    }

    @Test
    void aPlanWithoutADocumentNumberIsNamedByItsTitle() {
        Plan basis = basis(ministry, PlanStatus.CLOSED);
        basis.number = null;
        check(plan().basis(basis.id));
        assertThat(violations()).containsExactly(tuple("basisPlanId",
                "plan \"Kế hoạch Tháng hành động vì trẻ em năm 2024\" is CLOSED, not PUBLISHED"));

        basis.number = "/KH-BLĐTBXH";
        check(plan().basis(basis.id));
        assertThat(violations()).containsExactly(tuple("basisPlanId",
                "plan \"Kế hoạch Tháng hành động vì trẻ em năm 2024\" is CLOSED, not PUBLISHED"));
    }

    // --- deadlines

    @Test
    void aDeadlineByRuleIsTheBasisPlansLessTheDaysTheIssuerKeeps() {
        Plan basis = basis(ministry, PlanStatus.PUBLISHED);
        obligationDues.put(Arrays.asList(basis.id, province.id, RequirementKind.FINAL, campaign.id), due(2024, 7, 20));

        PlanRules.Checked checked = check(plan().basis(basis.id)
                .requirement(requirement(List.of(chiLinh.id), province.id, null).rule(new DueRule(DueRule.Type.BASIS_MINUS_DAYS, 10, null, null))));

        assertThat(errors).isEmpty();
        assertThat(checked.requirements()).singleElement().satisfies(r -> {
            assertThat(r.dueAt()).isEqualTo(due(2024, 7, 10));
            assertThat(r.dueResolution()).isEqualTo("plan 75/KH-BLĐTBXH is due before 20/07/2024; less 10 days");
        });
    }

    @Test
    void withoutItsOwnObligationTheIssuerKeepsToTheBasisPlansFirstFinalDeadline() {
        Plan basis = basis(ministry, PlanStatus.PUBLISHED);
        basis.reporting.add(requirementOf(RequirementKind.INTERIM, due(2024, 6, 15)));
        basis.reporting.add(requirementOf(RequirementKind.FINAL, null));
        basis.reporting.add(requirementOf(RequirementKind.FINAL, due(2024, 7, 25)));
        basis.reporting.add(requirementOf(RequirementKind.FINAL, due(2024, 7, 30)));

        assertThat(rules.basisDeadline(basis, province.id, campaign)).isEqualTo(due(2024, 7, 25));

        obligationDues.put(Arrays.asList(basis.id, province.id, RequirementKind.FINAL, campaign.id), due(2024, 7, 20));
        assertThat(rules.basisDeadline(basis, province.id, campaign)).isEqualTo(due(2024, 7, 20));
    }

    @Test
    void aStandingBasisGivesOnlyTheIssuersOwnDeadline() {
        Plan basis = basis(ministry, PlanStatus.PUBLISHED);
        basis.campaignId = null;
        basis.reporting.add(requirementOf(RequirementKind.FINAL, due(2024, 7, 25)));
        assertThat(rules.basisDeadline(basis, province.id, null)).isNull();

        obligationDues.put(Arrays.asList(basis.id, province.id, RequirementKind.FINAL, null), due(2024, 7, 20));
        assertThat(rules.basisDeadline(basis, province.id, null)).isEqualTo(due(2024, 7, 20));
    }

    @Test
    void basisMinusDaysNeedsTheDaysAndABasisWithADeadline() {
        check(plan().requirement(reporting().rule(new DueRule(DueRule.Type.BASIS_MINUS_DAYS, null, null, null))));
        assertThat(violations()).contains(tuple("reportingRequirement.dueRule.days", "is required for BASIS_MINUS_DAYS"));

        check(plan().requirement(reporting().rule(new DueRule(DueRule.Type.BASIS_MINUS_DAYS, 10, null, null))));
        assertThat(violations()).contains(tuple("reportingRequirement.dueRule",
                "BASIS_MINUS_DAYS needs a basis plan with a deadline"));

        Plan basis = basis(ministry, PlanStatus.PUBLISHED);
        check(plan().basis(basis.id).requirement(reporting().rule(new DueRule(DueRule.Type.BASIS_MINUS_DAYS, 10, null, null))));
        assertThat(violations()).contains(tuple("reportingRequirement.dueRule",
                "BASIS_MINUS_DAYS needs a basis plan with a deadline"));
    }

    @Test
    void aDayOfTheMonthIsThatDayOfTheCampaignsYear() {
        PlanRules.Checked checked = check(plan().requirement(reporting().rule(new DueRule(DueRule.Type.DAY_OF_MONTH, null, 15, 7))));
        assertThat(errors).isEmpty();
        assertThat(checked.requirements().get(0).dueAt()).isEqualTo(due(2024, 7, 15));
        assertThat(checked.requirements().get(0).dueResolution()).isEqualTo("day 15 of month 7 of the campaign's year 2024");

        check(plan().requirement(reporting().rule(new DueRule(DueRule.Type.DAY_OF_MONTH, null, 15, null))));
        assertThat(violations()).contains(tuple("reportingRequirement.dueRule", "DAY_OF_MONTH needs day and month"));
        check(plan().requirement(reporting().rule(new DueRule(DueRule.Type.DAY_OF_MONTH, null, null, 7))));
        assertThat(violations()).contains(tuple("reportingRequirement.dueRule", "DAY_OF_MONTH needs day and month"));

        campaign.year = 2023;
        check(plan().requirement(reporting().rule(new DueRule(DueRule.Type.DAY_OF_MONTH, null, 29, 2))));
        assertThat(violations()).contains(tuple("reportingRequirement.dueRule.day", "there is no day 29/2 in 2023"));
    }

    @Test
    void theCampaignDefaultIsTheCampaignsDefaultDeadline() {
        PlanRules.Checked checked = check(plan().requirement(reporting().rule(new DueRule(DueRule.Type.CAMPAIGN_DEFAULT, null, null, null))));
        assertThat(errors).isEmpty();
        assertThat(checked.requirements().get(0).dueAt()).isEqualTo(due(2024, 7, 25));
        assertThat(checked.requirements().get(0).dueResolution())
                .isEqualTo("the default deadline of campaign Tháng hành động vì trẻ em 2024");

        campaign.defaultDueDate = null;
        check(plan().requirement(reporting().rule(new DueRule(DueRule.Type.CAMPAIGN_DEFAULT, null, null, null))));
        assertThat(violations()).contains(tuple("reportingRequirement.dueRule",
                "campaign Tháng hành động vì trẻ em 2024 gives no default deadline"));
    }

    @Test
    void aDeadlineIsADateOrARuleNotBoth() {
        PlanRules.Checked checked = check(plan().requirement(reporting().at(due(2024, 7, 20))
                .rule(new DueRule(DueRule.Type.CAMPAIGN_DEFAULT, null, null, null))));
        assertThat(violations()).containsExactly(tuple("reportingRequirement.dueRule",
                "give the deadline as dueAt or as dueRule, not both"));
        assertThat(checked.requirements().get(0).dueAt()).isNull();
    }

    @Test
    void aStandingPlansDeadlineIsARuleCheckedOnlyForItsShape() {
        LocalDate from = LocalDate.of(2024, 1, 1);
        check(plan().campaign(null).validity(from, null).requirement(reporting().at(due(2024, 7, 20))));
        assertThat(violations()).containsExactly(tuple("reportingRequirement.dueAt", "a standing plan applies every year: "
                + "give its deadline as a dueRule, resolved in each campaign's year"));

        PlanRules.Checked checked = check(plan().campaign(null).validity(from, null)
                .requirement(reporting().rule(new DueRule(DueRule.Type.DAY_OF_MONTH, null, 29, 2))));
        assertThat(errors).as("29/2 exists in some year").isEmpty();
        assertThat(checked.requirements().get(0).dueAt()).as("resolved in each campaign").isNull();

        check(plan().campaign(null).validity(from, null)
                .requirement(reporting().rule(new DueRule(DueRule.Type.DAY_OF_MONTH, null, 30, 2))));
        assertThat(violations()).containsExactly(tuple("reportingRequirement.dueRule.day", "there is no day 30/2"));

        check(plan().campaign(null).validity(from, null)
                .requirement(reporting().rule(new DueRule(DueRule.Type.DAY_OF_MONTH, null, null, 2))));
        assertThat(violations()).containsExactly(tuple("reportingRequirement.dueRule", "DAY_OF_MONTH needs day and month"));
        check(plan().campaign(null).validity(from, null)
                .requirement(reporting().rule(new DueRule(DueRule.Type.DAY_OF_MONTH, null, 2, null))));
        assertThat(violations()).containsExactly(tuple("reportingRequirement.dueRule", "DAY_OF_MONTH needs day and month"));

        check(plan().campaign(null).validity(from, null)
                .requirement(reporting().rule(new DueRule(DueRule.Type.BASIS_MINUS_DAYS, null, null, null))));
        assertThat(violations()).containsExactly(tuple("reportingRequirement.dueRule.days", "is required for BASIS_MINUS_DAYS"));
        check(plan().campaign(null).validity(from, null)
                .requirement(reporting().rule(new DueRule(DueRule.Type.BASIS_MINUS_DAYS, 10, null, null))));
        assertThat(violations()).containsExactly(tuple("reportingRequirement.dueRule", "BASIS_MINUS_DAYS needs a basis plan"));

        Plan basis = basis(ministry, PlanStatus.PUBLISHED);
        basis.campaignId = null;
        basis.validFrom = from;
        check(plan().campaign(null).validity(from, null).basis(basis.id)
                .requirement(reporting().rule(new DueRule(DueRule.Type.BASIS_MINUS_DAYS, 10, null, null))));
        assertThat(errors).isEmpty();
        check(plan().campaign(null).validity(from, null)
                .requirement(reporting().rule(new DueRule(DueRule.Type.CAMPAIGN_DEFAULT, null, null, null))));
        assertThat(errors).isEmpty();
    }

    @Test
    void aStandingPlansRuleIsResolvedInEachCampaignsYear() {
        Plan standing = new Plan();
        standing.id = UUID.randomUUID();
        standing.issuerId = province.id;
        standing.validFrom = LocalDate.of(2024, 1, 1);
        Requirement q = requirementOf(RequirementKind.FINAL, null);
        q.dueRule = new DueRule(DueRule.Type.DAY_OF_MONTH, null, 15, 7);
        campaign.year = 2025;

        PlanRules.Resolved resolved = rules.resolveIn(standing, q, campaign);
        assertThat(resolved.dueAt()).isEqualTo(due(2025, 7, 15));
        assertThat(resolved.dueResolution()).isEqualTo("day 15 of month 7 of the campaign's year 2025");
        assertThat(resolved.given().recipientId()).isEqualTo(q.recipientId);

        Plan basis = basis(ministry, PlanStatus.PUBLISHED);
        basis.campaignId = null;
        obligationDues.put(Arrays.asList(basis.id, province.id, RequirementKind.FINAL, campaign.id), due(2025, 7, 20));
        standing.basisPlanId = basis.id;
        q.dueRule = new DueRule(DueRule.Type.BASIS_MINUS_DAYS, 5, null, null);
        assertThat(rules.resolveIn(standing, q, campaign).dueAt()).isEqualTo(due(2025, 7, 15));

        q.dueRule = null;
        assertThat(rules.resolveIn(standing, q, campaign).dueAt()).isNull();
    }

    @Test
    void aCampaignPlansRequirementKeepsTheDeadlineItWasWrittenWith() {
        Plan ofCampaign = basis(province, PlanStatus.PUBLISHED);
        Requirement q = requirementOf(RequirementKind.FINAL, due(2024, 7, 20));
        q.dueResolution = "as written";
        PlanRules.Resolved resolved = rules.resolveIn(ofCampaign, q, campaign);
        assertThat(resolved.dueAt()).isEqualTo(due(2024, 7, 20));
        assertThat(resolved.dueResolution()).isEqualTo("as written");
        assertThat(resolved.given()).isNull();
    }

    @Test
    void aFinalReportIsNotDueBeforeThePeriodsLastDayAnInterimOneMayBe() {
        check(plan(requirement(List.of(chiLinh.id), province.id, due(2024, 6, 30))));
        assertThat(errors).as("trước ngày 30/6: the start of the last day").isEmpty();

        check(plan(requirement(List.of(chiLinh.id), province.id, due(2024, 6, 30).minusSeconds(1))));
        assertThat(violations()).containsExactly(tuple("reportingRequirement.dueAt",
                "must not be before the start of the period's last day (2024-06-30T00:00+07:00)"));

        check(plan(requirement(List.of(chiLinh.id), province.id, due(2024, 6, 15)).kind(RequirementKind.INTERIM)));
        assertThat(errors).isEmpty();

        check(plan().requirement(reporting().rule(new DueRule(DueRule.Type.DAY_OF_MONTH, null, 15, 6))));
        assertThat(violations()).containsExactly(tuple("reportingRequirement.dueRule",
                "must not be before the start of the period's last day (2024-06-30T00:00+07:00)"));
    }

    // --- who reports, to whom

    @Test
    void reportingUnitsAreKnownListedOnceInServiceAndInTheIssuersSubtree() {
        UUID unknown = UUID.randomUUID();
        check(plan(requirement(Arrays.asList(chiLinh.id, unknown, null, chiLinh.id, merged.id, vanLam.id, ministry.id),
                province.id, due(2024, 7, 20))));
        assertThat(violations()).containsExactly(
                tuple("reportingRequirement.reportingUnitIds[1]", "no unit " + unknown),
                tuple("reportingRequirement.reportingUnitIds[2]", "no unit null"),
                tuple("reportingRequirement.reportingUnitIds[3]", "unit UBND thành phố Chí Linh is listed twice"),
                tuple("reportingRequirement.reportingUnitIds[4]", "unit UBND huyện Nam Sách cũ is retired"),
                tuple("reportingRequirement.reportingUnitIds[5]", "unit UBND huyện Văn Lâm is not within the issuer's "
                        + "subtree (UBND tỉnh Hải Dương)"),
                tuple("reportingRequirement.reportingUnitIds[6]", "unit Bộ Lao động - Thương binh và Xã hội is not within "
                        + "the issuer's subtree (UBND tỉnh Hải Dương)"));
    }

    @Test
    void anAmendmentMayKeepAUnitThatCeasedAfterThePlanNamedIt() {
        Plan before = basis(province, PlanStatus.PUBLISHED);
        Requirement q = requirementOf(RequirementKind.FINAL, due(2024, 7, 20));
        q.id = UUID.randomUUID();
        q.reportingUnitIds.add(merged.id);
        before.reporting.add(q);

        check(plan(requirement(List.of(merged.id), province.id, due(2024, 7, 20)).id(q.id)), before.id);
        assertThat(errors).isEmpty();
    }

    @Test
    void aRequirementIdIsOneOfThisPlansOwnGivenOnce() {
        Plan before = basis(province, PlanStatus.PUBLISHED);
        Requirement q = requirementOf(RequirementKind.FINAL, due(2024, 7, 20));
        q.id = UUID.randomUUID();
        before.reporting.add(q);
        UUID foreign = UUID.randomUUID();

        check(plan().requirements(reporting().id(q.id), reporting().id(q.id), reporting().id(foreign)), before.id);
        assertThat(violations()).containsExactly(
                tuple("reportingRequirements[1].id", "requirement " + q.id + " is given twice"),
                tuple("reportingRequirements[2].id", "this plan has no requirement " + foreign
                        + "; leave the id out for a new requirement"));

        check(plan().requirement(reporting().id(foreign)));
        assertThat(violations()).containsExactly(tuple("reportingRequirement.id", "this plan has no requirement " + foreign
                + "; leave the id out for a new requirement"));
    }

    @Test
    void eachRequirementIsCheckedOnItsOwnAndNamedByItsPosition() {
        PlanRules.Checked checked = check(plan().requirements(reporting(), null,
                requirement(List.of(vanLam.id), province.id, due(2024, 7, 20))));
        assertThat(violations()).containsExactly(
                tuple("reportingRequirements[1]", "must not be null"),
                tuple("reportingRequirements[2].reportingUnitIds[0]", "unit UBND huyện Văn Lâm is not within the issuer's "
                        + "subtree (UBND tỉnh Hải Dương)"));
        assertThat(checked.requirements()).hasSize(2);
    }

    @Test
    void aUnitDoesNotReportToItself() {
        check(plan(requirement(List.of(chiLinh.id), chiLinh.id, due(2024, 7, 20))));
        assertThat(violations()).containsExactly(tuple("reportingRequirement.reportingUnitIds[0]",
                "unit UBND thành phố Chí Linh is the recipient: a unit does not report to itself"));
    }

    @Test
    void unitsThatReportNeedARecipientADeadlineAndAnIndicatorSet() {
        check(plan(new Req().units(List.of(chiLinh.id)).set(" ")));
        assertThat(violations()).containsExactly(
                tuple("reportingRequirement.recipientId", "is required when units report"),
                tuple("reportingRequirement.dueAt", "is required when units report (a date, or a dueRule)"),
                tuple("reportingRequirement.indicatorSetCode", "is required when units report"));

        check(plan(new Req().rule(new UnitRule(List.of(UnitKind.DISTRICT), null))));
        assertThat(violations()).extracting(v -> v.toList().get(0)).containsExactly("reportingRequirement.recipientId",
                "reportingRequirement.dueAt", "reportingRequirement.indicatorSetCode");

        check(plan(new Req().units(List.of(chiLinh.id)).recipient(province.id).set("CAM")
                .rule(new DueRule(DueRule.Type.DAY_OF_MONTH, null, 30, 2))));
        assertThat(violations()).as("the rule stands for the deadline even when it resolves to none")
                .containsExactly(tuple("reportingRequirement.dueRule.day", "there is no day 30/2 in 2024"));

        check(plan(new Req().text("Báo cáo theo quy định")));
        assertThat(errors).as("a requirement no unit owes").isEmpty();
    }

    @Test
    void theRecipientIsAKnownUnitInServiceWithinTheIssuersSubtree() {
        UUID unknown = UUID.randomUUID();
        check(plan(requirement(List.of(), unknown, due(2024, 7, 20))));
        assertThat(violations()).containsExactly(tuple("reportingRequirement.recipientId", "no unit " + unknown));

        check(plan(requirement(List.of(), merged.id, due(2024, 7, 20))));
        assertThat(violations()).containsExactly(tuple("reportingRequirement.recipientId",
                "unit UBND huyện Nam Sách cũ is retired"));

        check(plan(requirement(List.of(chiLinh.id), ministry.id, due(2024, 7, 20))));
        assertThat(violations()).containsExactly(tuple("reportingRequirement.recipientId", "reports go to the issuer "
                + "(UBND tỉnh Hải Dương), a unit of its subtree, or the consolidating unit the plan names in viaUnitId, "
                + "not to Bộ Lao động - Thương binh và Xã hội"));
    }

    @Test
    void aRecipientBelowTheIssuerCollectsOnlyFromItsOwnSubtree() {
        check(plan(requirement(List.of(saoDo.id, anLuu.id), chiLinh.id, due(2024, 7, 20))));
        assertThat(violations()).containsExactly(tuple("reportingRequirement.reportingUnitIds[1]",
                "unit UBND phường An Lưu is not within the recipient's subtree (UBND thành phố Chí Linh)"));

        check(plan(requirement(List.of(saoDo.id, anLuu.id), province.id, due(2024, 7, 20))));
        assertThat(errors).as("the issuer collects from its whole subtree").isEmpty();
    }

    @Test
    void theConsolidatingUnitLiesInTheIssuersSubtreeAndBesideOrBelowTheRecipient() {
        check(plan(requirement(List.of(chiLinh.id, kinhMon.id), province.id, due(2024, 7, 20)).via(department.id)));
        assertThat(errors).as("the Sở consolidates for its province").isEmpty();

        check(plan(requirement(List.of(saoDo.id), chiLinh.id, due(2024, 7, 20)).via(kinhMon.id)));
        assertThat(errors).as("a peer of the recipient").isEmpty();

        check(plan(requirement(List.of(chiLinh.id), province.id, due(2024, 7, 20)).via(province.id)));
        assertThat(errors).as("the recipient itself").isEmpty();

        check(plan(requirement(List.of(chiLinh.id), department.id, due(2024, 7, 20)).via(department.id)));
        assertThat(errors).as("reports sent to the consolidating unit itself").isEmpty();

        UUID unknown = UUID.randomUUID();
        check(plan(requirement(List.of(chiLinh.id), province.id, due(2024, 7, 20)).via(unknown)));
        assertThat(violations()).containsExactly(tuple("reportingRequirement.viaUnitId", "no unit " + unknown));

        check(plan(requirement(List.of(chiLinh.id), province.id, due(2024, 7, 20)).via(vanLam.id)));
        assertThat(violations()).containsExactly(tuple("reportingRequirement.viaUnitId", "unit UBND huyện Văn Lâm is not "
                + "within the issuer's subtree (UBND tỉnh Hải Dương): a plan names a consolidating unit among its own units"));

        check(plan(requirement(List.of(saoDo.id), chiLinh.id, due(2024, 7, 20)).via(anLuu.id)));
        assertThat(violations()).containsExactly(tuple("reportingRequirement.viaUnitId", "unit UBND phường An Lưu is neither "
                + "within the recipient's subtree (UBND thành phố Chí Linh) nor its peer under the same parent: only such a "
                + "unit consolidates for it"));
    }

    @Test
    void copiesGoToKnownUnitsWithinTheIssuersReach() {
        check(plan(requirement(List.of(chiLinh.id), province.id, due(2024, 7, 20))
                .copies(List.of(ministry.id, otherProvince.id, saoDo.id))));
        assertThat(errors).as("its ancestors, peers and subtree").isEmpty();

        UUID unknown = UUID.randomUUID();
        check(plan(requirement(List.of(chiLinh.id), province.id, due(2024, 7, 20))
                .copies(Arrays.asList(unknown, null, vanLam.id))));
        assertThat(violations()).containsExactly(
                tuple("reportingRequirement.copyToUnitIds[0]", "no unit " + unknown),
                tuple("reportingRequirement.copyToUnitIds[1]", "no unit null"),
                tuple("reportingRequirement.copyToUnitIds[2]", "unit UBND huyện Văn Lâm is outside the issuer's reach "
                        + "(its subtree, its ancestors and its parent's other units)"));
    }

    @Test
    void withoutAKnownIssuerOnlyTheUnitsThemselvesAreChecked() {
        UUID unknownIssuer = UUID.randomUUID();
        check(plan(requirement(List.of(vanLam.id), ministry.id, due(2024, 7, 20)).via(vanLam.id).copies(List.of(anLuu.id)))
                .issuer(unknownIssuer)
                .activities(List.of(activity("Hội thi", null, null, new UnitRef(vanLam.id, "UBND huyện Văn Lâm"))))
                .assignments(new Assignment(new UnitRef(vanLam.id, "UBND huyện Văn Lâm"), List.of())));
        assertThat(violations()).containsExactly(tuple("issuerId", "no unit " + unknownIssuer));
    }

    // --- activities and assignments

    @Test
    void activitiesHaveATitleAnOrderedSpanAndUnitsWithinTheIssuersReach() {
        UUID unknown = UUID.randomUUID();
        Activity wrong = new Activity(" ", null, new UnitRef(vanLam.id, "UBND huyện Văn Lâm"),
                Arrays.asList(new UnitRef(unknown, "?"), null, new UnitRef(null, "Các sở, ban, ngành liên quan")), null,
                LocalDate.of(2024, 6, 10), LocalDate.of(2024, 6, 9), null,
                List.of(new UnitRef(ministry.id, "Bộ"), new UnitRef(vanLam.id, "UBND huyện Văn Lâm")));
        check(plan().activities(Arrays.asList(wrong, null)));
        assertThat(violations()).containsExactly(
                tuple("activities[0].title", "must not be blank"),
                tuple("activities[0].leadUnit.unitId", "unit UBND huyện Văn Lâm is outside the issuer's reach (its subtree, "
                        + "its ancestors and its parent's other units)"),
                tuple("activities[0].leadUnits[1].unitId", "unit UBND huyện Văn Lâm is outside the issuer's reach (its "
                        + "subtree, its ancestors and its parent's other units)"),
                tuple("activities[0].endDate", "must not be before startDate 2024-06-10"),
                tuple("activities[0].coordinatingUnits[0].unitId", "no unit " + unknown),
                tuple("activities[1]", "must not be null"));

        check(plan().activities(List.of(new Activity(null, null, null, null, null, null, null, null, null))));
        assertThat(violations()).containsExactly(tuple("activities[0].title", "must not be blank"));

        check(plan().activities(List.of(new Activity("Lễ phát động", null, new UnitRef(department.id, "Sở LĐTBXH"),
                List.of(new UnitRef(otherProvince.id, "UBND tỉnh Hưng Yên"), new UnitRef(ministry.id, "Bộ")), null,
                LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 1), null, List.of(new UnitRef(saoDo.id, "UBND phường Sao Đỏ"))))));
        assertThat(errors).as("a peer, an ancestor and units of its subtree; a one-day activity").isEmpty();

        check(plan().activities(List.of(new Activity("Hội thảo", null, null,
                List.of(new UnitRef(vanLam.id, "UBND huyện Văn Lâm")), null, null, null, null, null))));
        assertThat(violations()).containsExactly(tuple("activities[0].coordinatingUnits[0].unitId", "unit UBND huyện Văn Lâm "
                + "is outside the issuer's reach (its subtree, its ancestors and its parent's other units)"));
    }

    @Test
    void assignmentsNameTheirUnitAndGiveTasksOnlyWithinTheIssuersSubtree() {
        check(plan().assignments(new Assignment(new UnitRef(otherProvince.id, "UBND tỉnh Hưng Yên"), List.of()),
                new Assignment(new UnitRef(chiLinh.id, " "), List.of()), null, new Assignment(null, List.of()),
                new Assignment(new UnitRef(chiLinh.id, null), List.of()),
                new Assignment(new UnitRef(UUID.fromString("00000000-0000-0000-0000-000000000001"), "Sở Y tế"), List.of()),
                new Assignment(new UnitRef(saoDo.id, "UBND phường Sao Đỏ"), List.of()),
                new Assignment(new UnitRef(null, "Công an tỉnh"), List.of())));
        assertThat(violations()).containsExactly(
                tuple("assignments[0].unit.unitId", "unit UBND tỉnh Hưng Yên is not within the issuer's subtree "
                        + "(UBND tỉnh Hải Dương): a plan gives tasks only to the issuer's own units"),
                tuple("assignments[1].unit.name", "must name the unit"),
                tuple("assignments[2].unit.name", "must name the unit"),
                tuple("assignments[3].unit.name", "must name the unit"),
                tuple("assignments[4].unit.name", "must name the unit"),
                tuple("assignments[5].unit.unitId", "no unit 00000000-0000-0000-0000-000000000001"));

        check(plan().assignments(new Assignment(new UnitRef(ministry.id, "Bộ"), List.of())));
        assertThat(violations()).containsExactly(tuple("assignments[0].unit.unitId", "unit Bộ Lao động - Thương binh và "
                + "Xã hội is not within the issuer's subtree (UBND tỉnh Hải Dương): a plan gives tasks only to the issuer's "
                + "own units"));
    }

    // --- warnings

    @Test
    void aPeriodOutsideTheCampaignsYearIsWarnedAbout() {
        PlanRules.Checked checked = check(plan().period(LocalDate.of(2023, 12, 1), LocalDate.of(2025, 1, 31)));
        assertThat(errors).isEmpty();
        assertThat(checked.warnings()).containsExactly(
                new PlanWarning("periodStart", "the period starts in 2023, the campaign is of 2024"),
                new PlanWarning("periodEnd", "the period ends in 2025, the campaign is of 2024"));
    }

    @Test
    void anActivityOutsideThePeriodIsWarnedAbout() {
        PlanRules.Checked checked = check(plan().activities(List.of(
                activity("Trước", LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 31)),
                activity("Ngày đầu", LocalDate.of(2024, 5, 1), LocalDate.of(2024, 6, 1)),
                activity("Ngày cuối", LocalDate.of(2024, 6, 30), null),
                activity("Sau", LocalDate.of(2024, 7, 1), null),
                activity("Chưa rõ", null, null))));
        assertThat(errors).isEmpty();
        assertThat(checked.warnings()).containsExactly(
                new PlanWarning("activities[0]", "the activity lies outside the plan's period 2024-06-01 to 2024-06-30"),
                new PlanWarning("activities[3]", "the activity lies outside the plan's period 2024-06-01 to 2024-06-30"));

        checked = check(plan().campaign(null).validity(LocalDate.of(2024, 1, 1), null)
                .activities(List.of(activity("Trước", LocalDate.of(2023, 5, 1), LocalDate.of(2023, 5, 31)))));
        assertThat(checked.warnings()).as("no period to lie outside of").isEmpty();
    }

    @Test
    void aPlanIssuedAfterItsPeriodBeganIsWarnedAbout() {
        assertThat(check(plan().issued(LocalDate.of(2024, 6, 1))).warnings()).isEmpty();
        assertThat(check(plan().issued(LocalDate.of(2024, 6, 2))).warnings()).containsExactly(new PlanWarning("issueDate",
                "the plan is issued on 2024-06-02, after its period began on 2024-06-01"));
    }

    @Test
    void aDeadlineNotBeforeTheBasisPlansLeavesNoTimeToConsolidateAndIsWarnedAbout() {
        Plan basis = basis(ministry, PlanStatus.PUBLISHED);
        obligationDues.put(Arrays.asList(basis.id, province.id, RequirementKind.FINAL, campaign.id), due(2024, 7, 20));

        PlanRules.Checked checked = check(plan().basis(basis.id).requirements(
                requirement(List.of(chiLinh.id), province.id, due(2024, 7, 19)),
                requirement(List.of(kinhMon.id), province.id, due(2024, 7, 20)),
                requirement(List.of(saoDo.id), province.id, null)));
        assertThat(checked.warnings()).containsExactly(new PlanWarning("reportingRequirements[1].dueAt",
                "reports are due 2024-07-20, not before the basis plan's own deadline 2024-07-20: no time is left to "
                        + "consolidate them"));
    }

    // --- fixtures

    private List<Problem.Violation> errors = new ArrayList<>();

    private PlanRules.Checked check(Input in) {
        return check(in, null);
    }

    private PlanRules.Checked check(Input in, UUID planId) {
        errors = new ArrayList<>();
        return rules.check(in.build().toDraft(), planId, errors);
    }

    private List<org.assertj.core.groups.Tuple> violations() {
        assertThat(errors).allSatisfy(v -> assertThat(v.in()).isEqualTo("body"));
        return errors.stream().map(v -> tuple(v.field(), v.message())).toList();
    }

    private static OffsetDateTime due(int year, int month, int day) {
        return VietnamTime.dueBefore(LocalDate.of(year, month, day));
    }

    private Plan basis(OrgUnit issuer, PlanStatus status) {
        Plan p = new Plan();
        p.id = UUID.randomUUID();
        p.number = "75/KH-BLĐTBXH";
        p.title = "Kế hoạch Tháng hành động vì trẻ em năm 2024";
        p.issuerId = issuer.id;
        p.campaignId = campaign.id;
        p.status = status;
        plans.put(p.id, p);
        return p;
    }

    private Requirement requirementOf(RequirementKind kind, OffsetDateTime dueAt) {
        Requirement q = new Requirement();
        q.kind = kind;
        q.dueAt = dueAt;
        q.recipientId = ministry.id;
        q.indicatorSetCode = "CAM";
        return q;
    }

    private static Activity activity(String title, LocalDate start, LocalDate end, UnitRef... leads) {
        return new Activity(title, null, null, null, null, start, end, null, List.of(leads));
    }

    private Input plan(Req... requirements) {
        Input in = new Input();
        if (requirements.length == 1) {
            in.requirement(requirements[0]);
        } else if (requirements.length > 1) {
            in.requirements(requirements);
        }
        return in;
    }

    /** A requirement with nothing but a deadline: no unit owes it. */
    private Req reporting() {
        return new Req();
    }

    private Req requirement(List<UUID> units, UUID recipient, OffsetDateTime dueAt) {
        return new Req().units(units).recipient(recipient).set("CAM").at(dueAt);
    }

    private final class Input {
        private UUID issuerId = province.id;
        private UUID campaignId = campaign.id;
        private LocalDate validFrom;
        private LocalDate validTo;
        private UUID basisPlanId;
        private LocalDate issueDate;
        private LocalDate periodStart;
        private LocalDate periodEnd;
        private List<Activity> activities;
        private List<Assignment> assignments;
        private Req single;
        private List<Req> list;

        Input issuer(UUID id) {
            issuerId = id;
            return this;
        }

        Input campaign(UUID id) {
            campaignId = id;
            return this;
        }

        Input validity(LocalDate from, LocalDate to) {
            validFrom = from;
            validTo = to;
            return this;
        }

        Input basis(UUID id) {
            basisPlanId = id;
            return this;
        }

        Input issued(LocalDate day) {
            issueDate = day;
            return this;
        }

        Input period(LocalDate start, LocalDate end) {
            periodStart = start;
            periodEnd = end;
            return this;
        }

        Input activities(List<Activity> all) {
            activities = all;
            return this;
        }

        Input assignments(Assignment... all) {
            assignments = Arrays.asList(all);
            return this;
        }

        Input requirement(Req r) {
            single = r;
            return this;
        }

        Input requirements(Req... all) {
            list = Arrays.asList(all);
            return this;
        }

        PlanInput build() {
            return new PlanInput(null, "Kế hoạch", issuerId, issueDate, null, null, campaignId, validFrom, validTo,
                    basisPlanId, null, null, periodStart, periodEnd, null, null, null, activities, assignments,
                    single == null ? null : single.build(),
                    list == null ? null : list.stream().map(r -> r == null ? null : r.build()).toList(), null, null);
        }
    }

    private static final class Req {
        private UUID id;
        private RequirementKind kind;
        private String text;
        private List<UUID> units;
        private UnitRule unitRule;
        private UUID recipientId;
        private UUID viaUnitId;
        private List<UUID> copies;
        private String set;
        private OffsetDateTime dueAt;
        private DueRule dueRule;

        Req id(UUID value) {
            id = value;
            return this;
        }

        Req kind(RequirementKind value) {
            kind = value;
            return this;
        }

        Req text(String value) {
            text = value;
            return this;
        }

        Req units(List<UUID> value) {
            units = value;
            return this;
        }

        Req rule(UnitRule value) {
            unitRule = value;
            return this;
        }

        Req recipient(UUID value) {
            recipientId = value;
            return this;
        }

        Req via(UUID value) {
            viaUnitId = value;
            return this;
        }

        Req copies(List<UUID> value) {
            copies = value;
            return this;
        }

        Req set(String value) {
            set = value;
            return this;
        }

        Req at(OffsetDateTime value) {
            dueAt = value;
            return this;
        }

        Req rule(DueRule value) {
            dueRule = value;
            return this;
        }

        ReportingRequirement build() {
            return new ReportingRequirement(id, kind, text, units, unitRule, recipientId, viaUnitId, copies, set, dueAt,
                    null, dueRule, null);
        }
    }
}
