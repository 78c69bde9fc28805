package vn.actionmonth.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.common.problem.Problem;
import vn.actionmonth.common.problem.Problems;
import vn.actionmonth.common.units.UnitDirectory;
import vn.actionmonth.common.units.UnitRecord;
import vn.actionmonth.report.domain.Basis;
import vn.actionmonth.report.domain.IndicatorSet;
import vn.actionmonth.report.repository.ObligationRepository;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * "How did we do compared with last year": each indicator per campaign for a unit and each of its
 * current children, always on today's tree (figures as now, with their ranges), whatever
 * reorganisations lie between the campaigns.
 */
@ApplicationScoped
public class ComparisonService {

    /** Campaigns compared at once. */
    public static final int MAX_CAMPAIGNS = 10;
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");

    private final ConsolidationService consolidations;
    private final ObligationRepository obligations;
    private final IndicatorSetService indicatorSets;
    private final UnitDirectory units;
    private final ReportAccess access;

    public ComparisonService(ConsolidationService consolidations, ObligationRepository obligations,
            IndicatorSetService indicatorSets, UnitDirectory units, ReportAccess access) {
        this.consolidations = consolidations;
        this.obligations = obligations;
        this.indicatorSets = indicatorSets;
        this.units = units;
        this.access = access;
    }

    /** A campaign as asked for (a year or an id) and the consolidation table of the unit in it, as now. */
    public record Column(String asked, UUID campaignId, ConsolidationService.Table table) {
    }

    public record Comparison(UnitRecord unit, Basis basis, IndicatorSet set, List<Column> campaigns) {
    }

    public Comparison compare(UUID unitId, List<String> campaigns, Basis basis, String setCode) {
        if (unitId == null) {
            throw Problems.invalid(List.of(Problem.Violation.query("unit", "is required")));
        }
        UnitRecord unit = units.find(unitId).orElseThrow(() -> Problems.notFound("unit", unitId));
        access.requireReadUnit(unitId);
        List<String> asked = campaigns == null ? List.of() : campaigns.stream()
                .flatMap(c -> java.util.Arrays.stream(c.split(","))).map(String::strip).filter(c -> !c.isEmpty()).toList();
        if (asked.isEmpty() || asked.size() > MAX_CAMPAIGNS) {
            throw Problems.invalid(List.of(Problem.Violation.query("campaigns", "give 1 to " + MAX_CAMPAIGNS
                    + " campaigns, each a year (2024) or a campaign id, separated by commas")));
        }
        IndicatorSet set = indicatorSets.latest(setCode);
        List<Column> columns = new ArrayList<>();
        for (String a : asked) {
            UUID campaign = campaignOf(a);
            columns.add(new Column(a, campaign, consolidations.tableAsNow(unit, campaign, basis, set)));
        }
        return new Comparison(unit, basis, set, columns);
    }

    private UUID campaignOf(String asked) {
        if (YEAR.matcher(asked).matches()) {
            List<UUID> found = obligations.campaignsOfYear(Integer.parseInt(asked));
            if (found.size() != 1) {
                throw Problems.invalid(List.of(Problem.Violation.query("campaigns", found.isEmpty()
                        ? "no campaign of " + asked + " has obligations"
                        : "several campaigns of " + asked + ": name one by id, " + found)));
            }
            return found.get(0);
        }
        try {
            return UUID.fromString(asked);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(List.of(Problem.Violation.query("campaigns", asked + " is neither a year nor a campaign id")));
        }
    }
}
