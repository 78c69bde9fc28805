package vn.actionmonth.plan.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.common.validation.DateBounds;
import vn.actionmonth.common.validation.Text;
import vn.actionmonth.plan.domain.PlanLimits;
import vn.actionmonth.plan.service.CampaignDraft;

import java.time.LocalDate;
import java.util.List;

@Schema(name = "CampaignInput", description = "A campaign to create")
public record CampaignInput(
        @NotBlank @Text(max = PlanLimits.CAMPAIGN_NAME, singleLine = true) @Schema(examples = "Tháng hành động vì trẻ em năm 2024", maxLength = PlanLimits.CAMPAIGN_NAME) String name,
        @NotNull @Min(2000) @Max(2100) @Schema(examples = "2024") Integer year,
        @NotBlank @Text(max = PlanLimits.THEME) @Schema(examples = "Hành động thiết thực, ưu tiên nguồn lực cho trẻ em", maxLength = PlanLimits.THEME) String theme,
        @NotNull @DateBounds @Schema(examples = "2024-06-01") LocalDate periodStart,
        @NotNull @DateBounds @Schema(examples = "2024-06-30") LocalDate periodEnd,
        @Schema(description = "The numbered messages and slogans, in order", examples = "[\"Hành động thiết thực, ưu tiên nguồn lực cho trẻ em.\"]") @Size(max = PlanLimits.ITEMS) List<@Text(max = PlanLimits.LINE) String> messages,
        @DateBounds @Schema(description = "Reports of plans whose deadline rule is CAMPAIGN_DEFAULT are due before this day",
                examples = "2024-07-31") LocalDate defaultDueDate) {

    public CampaignDraft toDraft() {
        return new CampaignDraft(name, year, theme, periodStart, periodEnd, messages, defaultDueDate);
    }
}
