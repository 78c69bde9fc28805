package vn.actionmonth.plan.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A deadline a plan gives by rule rather than by date. Stored as jsonb with its plan; resolved
 * to a due instant whenever the plan is written.
 *
 * @param days  for {@link Type#BASIS_MINUS_DAYS}: the lead time the issuer keeps to consolidate
 * @param day   for {@link Type#DAY_OF_MONTH}
 * @param month for {@link Type#DAY_OF_MONTH}
 */
@Schema(name = "DueRule", description = "A deadline by rule: BASIS_MINUS_DAYS (the basis plan's deadline less `days`, the "
        + "time the issuer keeps to consolidate), DAY_OF_MONTH (\"trước ngày `day`/`month`\" of the campaign's year) or "
        + "CAMPAIGN_DEFAULT (the campaign's default deadline). Due at the start of that day, Vietnam time.")
public record DueRule(
        @NotNull @Schema(examples = "BASIS_MINUS_DAYS") Type type,
        @Min(0) @Max(366) @Schema(examples = "10") Integer days,
        @Min(1) @Max(31) @Schema(examples = "15") Integer day,
        @Min(1) @Max(12) @Schema(examples = "7") Integer month) {

    public enum Type { BASIS_MINUS_DAYS, DAY_OF_MONTH, CAMPAIGN_DEFAULT }
}
