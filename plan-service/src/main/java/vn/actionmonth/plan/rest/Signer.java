package vn.actionmonth.plan.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.common.validation.Text;
import vn.actionmonth.plan.domain.PlanLimits;
import vn.actionmonth.plan.service.PlanDraft;

@Schema(name = "Signer", description = "Who signed the plan and in what capacity")
public record Signer(
        @Text(max = PlanLimits.SIGNER_NAME, singleLine = true) @Schema(examples = "Tổng Thanh Hải", maxLength = PlanLimits.SIGNER_NAME) String name,
        @Text(max = PlanLimits.SIGNER_TITLE) @Schema(description = "Signing title, lines separated by \" / \"", examples = "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", maxLength = PlanLimits.SIGNER_TITLE) String title) {

    public PlanDraft.Signer toDraft() {
        return new PlanDraft.Signer(name, title);
    }

    public static Signer of(PlanDraft.Signer s) {
        return s == null ? null : new Signer(s.name(), s.title());
    }
}
