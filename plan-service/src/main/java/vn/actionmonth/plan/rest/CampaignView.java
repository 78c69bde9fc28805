package vn.actionmonth.plan.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.plan.domain.Campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "Campaign", description = "A yearly Children's Action Month")
public record CampaignView(
        UUID id,
        @Schema(examples = "Tháng hành động vì trẻ em năm 2024") String name,
        @Schema(examples = "2024") int year,
        @Schema(examples = "Hành động thiết thực, ưu tiên nguồn lực cho trẻ em") String theme,
        @Schema(examples = "2024-06-01") LocalDate periodStart,
        @Schema(examples = "2024-06-30") LocalDate periodEnd,
        @Schema(examples = "[\"Hành động thiết thực, ưu tiên nguồn lực cho trẻ em.\"]") List<String> messages,
        @Schema(description = "The deadline of plans whose rule is CAMPAIGN_DEFAULT", examples = "2024-07-31") LocalDate defaultDueDate,
        @Schema(examples = "1") long version) {

    public static CampaignView of(Campaign c) {
        return new CampaignView(c.id, c.name, c.year, c.theme, c.periodStart, c.periodEnd, List.copyOf(c.messages), c.defaultDueDate, c.version);
    }
}
