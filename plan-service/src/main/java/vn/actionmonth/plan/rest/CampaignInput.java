package vn.actionmonth.plan.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

@Schema(name = "CampaignInput", description = "A campaign to create")
public record CampaignInput(
        @NotBlank @Schema(examples = "Tháng hành động vì trẻ em năm 2024") String name,
        @NotNull @Min(2000) @Max(2100) @Schema(examples = "2024") Integer year,
        @NotBlank @Schema(examples = "Hành động thiết thực, ưu tiên nguồn lực cho trẻ em") String theme,
        @NotNull @Schema(examples = "2024-06-01") LocalDate periodStart,
        @NotNull @Schema(examples = "2024-06-30") LocalDate periodEnd,
        @Schema(description = "The numbered messages and slogans, in order", examples = "[\"Hành động thiết thực, ưu tiên nguồn lực cho trẻ em.\"]") List<String> messages) {
}
