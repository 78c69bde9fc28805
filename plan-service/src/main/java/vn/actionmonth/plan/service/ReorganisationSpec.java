package vn.actionmonth.plan.service;

import vn.actionmonth.plan.domain.Share;
import vn.actionmonth.plan.domain.UnitKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A reorganisation as the service takes it, whichever form it came in (JSON or the statistical
 * office's CSV files). Every row carries the label errors name it by: {@code units[3]} or
 * {@code units.csv:12}.
 *
 * @param units      the units formed or continued on the effective date, with their codes then
 * @param lineage    which old units (by code the day before) each of them was formed from
 * @param placements where units under a unit that ceased go, where the lineage alone does not say
 */
public record ReorganisationSpec(UUID rootId, LocalDate effectiveDate, String title, List<NewUnit> units,
                                 List<Edge> lineage, List<Placement> placements) {

    /** A unit of the new list; a blank parent code puts it directly under the tree's root. */
    public record NewUnit(String label, String code, String name, UnitKind kind, String parentCode) {
    }

    /** Old unit {@code oldCode} went, whole or in part, into new unit {@code newCode}. */
    public record Edge(String label, String newCode, String oldCode, String oldName, Share share,
                       boolean takesOverDuties, BigDecimal allocation) {
    }

    /** Unit {@code unitId} (under a unit that ceased) reports from the effective date to the unit with code {@code parentCode}. */
    public record Placement(String label, UUID unitId, String parentCode) {
    }
}
