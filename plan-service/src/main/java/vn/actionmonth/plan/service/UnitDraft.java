package vn.actionmonth.plan.service;

import vn.actionmonth.plan.domain.UnitKind;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A unit to create, or its new state on update (the parent changes only by a move).
 *
 * @param parentId  the reporting parent, on create; null creates a root (system accounts only)
 * @param validFrom first day the unit exists (default: today)
 * @param validTo   last day plus one, when known
 */
public record UnitDraft(UnitKind kind, String name, String shortName, String adminCode, String agencyCode, String email,
                        String phone, String address, UUID parentId, LocalDate validFrom, LocalDate validTo) {
}
