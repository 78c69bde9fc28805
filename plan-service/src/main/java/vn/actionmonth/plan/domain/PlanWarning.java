package vn.actionmonth.plan.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A rule the plan bends without breaking: accepted, answered and kept on the plan. Stored as jsonb. */
@Schema(name = "PlanWarning", description = "Something an official should look at again; the plan is accepted")
public record PlanWarning(
        @Schema(description = "The field concerned, as a violation would name it", examples = "periodStart") String field,
        @Schema(examples = "the period starts in 2023, the campaign is of 2024") String message) {
}
