package vn.actionmonth.report.domain;

import java.util.UUID;

/** A unit seen in one scope: a plan (with the plans below it) or a campaign. */
public record UnitScope(UUID unitId, UUID scopeId) {
}
