package vn.actionmonth.events.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What other services need to know of a plan.
 *
 * @param number          document number, e.g. "75/KH-UBND"
 * @param status          DRAFT, PUBLISHED or CLOSED
 * @param revision        1 when published, +1 per amendment
 * @param reportingUnitIds units that owe a results report under this plan
 * @param assignedUnitIds units given tasks by the plan (told when it is published)
 * @param dueAt           the reporting deadline, e.g. 2024-07-20T00:00+07:00
 */
public record PlanSummary(UUID id, String number, String title, UUID issuerId, UUID campaignId, int campaignYear,
                          UUID basisPlanId, LocalDate issueDate, LocalDate periodStart, LocalDate periodEnd,
                          String status, int revision, List<UUID> reportingUnitIds, List<UUID> assignedUnitIds,
                          UUID recipientId, UUID viaUnitId, String indicatorSetCode, OffsetDateTime dueAt) {
}
