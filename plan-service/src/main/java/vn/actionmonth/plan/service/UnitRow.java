package vn.actionmonth.plan.service;

/**
 * One unit to import: known by {@code code} (its administrative code) or, for units without one,
 * by {@code agencyCode}; {@code parentCode} names the parent by either code, in the same import or
 * already in the tree, and blank means "directly under the import's root". {@code kind} is a
 * {@link vn.actionmonth.plan.domain.UnitKind} name, or blank to derive it from the code's length.
 */
public record UnitRow(String code, String name, String kind, String parentCode, String shortName, String agencyCode) {
}
