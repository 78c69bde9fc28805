package vn.actionmonth.plan.service;

import vn.actionmonth.common.VietnamTime;
import vn.actionmonth.plan.domain.DueRule;
import vn.actionmonth.plan.domain.Requirement;
import vn.actionmonth.plan.domain.RequirementKind;
import vn.actionmonth.plan.domain.UnitRule;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A reporting requirement as a plan writes it (see {@link Requirement}): which units report, to
 * whom, through whom, with copies to whom, with which indicator set, of which kind and by when.
 * Without an id it is new, or matched by position when the plan is written again.
 *
 * @param dueResolution how {@code dueAt} was resolved from {@code dueRule}; never taken as given
 */
public record RequirementDraft(UUID id, RequirementKind kind, String text, List<UUID> reportingUnitIds, UnitRule unitRule,
                               UUID recipientId, UUID viaUnitId, List<UUID> copyToUnitIds, String indicatorSetCode,
                               OffsetDateTime dueAt, String dueText, DueRule dueRule, String dueResolution) {

    public RequirementKind kindOrDefault() {
        return kind == null ? RequirementKind.FINAL : kind;
    }

    public List<UUID> listedUnits() {
        return reportingUnitIds == null ? List.of() : reportingUnitIds;
    }

    public List<UUID> copyTo() {
        return copyToUnitIds == null ? List.of() : copyToUnitIds;
    }

    public RequirementDraft withId(UUID newId) {
        return new RequirementDraft(newId, kind, text, reportingUnitIds, unitRule, recipientId, viaUnitId, copyToUnitIds,
                indicatorSetCode, dueAt, dueText, dueRule, dueResolution);
    }

    /** The same requirement as written, its deadline to be resolved again from its rule. */
    public RequirementDraft asWritten() {
        return dueRule == null ? this : new RequirementDraft(id, kind, text, reportingUnitIds, unitRule, recipientId,
                viaUnitId, copyToUnitIds, indicatorSetCode, null, dueText, dueRule, null);
    }

    public static RequirementDraft of(Requirement r) {
        return new RequirementDraft(r.id, r.kind, r.text, List.copyOf(r.reportingUnitIds), r.unitRule, r.recipientId,
                r.viaUnitId, List.copyOf(r.copyToUnitIds), r.indicatorSetCode,
                r.dueAt == null ? null : r.dueAt.atZoneSameInstant(VietnamTime.ZONE).toOffsetDateTime(), r.dueText,
                r.dueRule, r.dueResolution);
    }
}
