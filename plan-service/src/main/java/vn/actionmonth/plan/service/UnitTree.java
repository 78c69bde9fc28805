package vn.actionmonth.plan.service;

import vn.actionmonth.plan.domain.OrgUnit;

import java.util.List;

/** A unit with its children, nested, children by name. */
public record UnitTree(OrgUnit unit, List<UnitTree> children) {
}
