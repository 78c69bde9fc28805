package vn.actionmonth.plan.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.common.validation.DateBounds;
import vn.actionmonth.common.validation.Text;
import vn.actionmonth.plan.domain.Share;
import vn.actionmonth.plan.domain.UnitKind;
import vn.actionmonth.plan.domain.UnitLimits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "ReorganisationInput", description = "Merges and splits of one tree, effective on one day")
public record ReorganisationInput(
        @NotNull @Schema(description = "The root of the tree (the ministry)") UUID rootId,
        @NotNull @DateBounds @Schema(description = "The first day of the new units; old units cease the day before ends",
                examples = "2025-07-01") LocalDate effectiveDate,
        @NotNull @Text(max = 500) @Schema(description = "The decision it follows",
                examples = "Nghị quyết 202/2025/QH15 và các nghị quyết sắp xếp đơn vị hành chính cấp xã") String title,
        @NotNull @Size(max = 100_000) @Schema(description = "The units formed or continued on the effective date")
        List<@NotNull @Valid NewUnitInput> units,
        @NotNull @Size(max = 200_000) @Schema(description = "Which old units each of them was formed from")
        List<@NotNull @Valid LineageInput> lineage,
        @Size(max = 100_000) @Schema(description = "Where units under a unit that ceased go, when not to its successor")
        List<@NotNull @Valid PlacementInput> placements) {

    @Schema(name = "ReorganisedUnit", description = "A unit of the tree from the effective date")
    public record NewUnitInput(
            @NotNull @Text(max = UnitLimits.CODE) @Schema(examples = "23302") String code,
            @NotNull @Text(max = UnitLimits.NAME) @Schema(examples = "Phường Đăk Bla") String name,
            @Schema(description = "Default: PROVINCE for a 2-digit code, COMMUNE for a 5-digit one") UnitKind kind,
            @Text(max = UnitLimits.CODE) @Schema(description = "Code of the parent on the effective date; blank: the root",
                    examples = "51") String parentCode) {
    }

    @Schema(name = "LineageRow", description = "Old unit oldCode went, whole or in part, into new unit newCode")
    public record LineageInput(
            @NotNull @Text(max = UnitLimits.CODE) @Schema(examples = "23302") String newCode,
            @NotNull @Text(max = UnitLimits.CODE) @Schema(description = "The old unit's code the day before", examples = "23305")
            String oldCode,
            @Text(max = UnitLimits.NAME) @Schema(description = "Checked against the old unit's name when given",
                    examples = "Phường Nguyễn Trãi") String oldName,
            @NotNull @Schema(examples = "FULL") Share share,
            @Schema(description = "For an old unit split between several: this successor takes over its open obligations")
            Boolean takesOverDuties,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @Schema(description = "For a PARTIAL row: the "
                    + "agreed share of the old unit's figures this unit takes; without it, as-now figures are a range",
                    examples = "0.4") BigDecimal allocation) {
    }

    @Schema(name = "Placement", description = "A unit under a unit that ceased, and its new parent")
    public record PlacementInput(@NotNull UUID unitId,
                                 @NotNull @Text(max = UnitLimits.CODE) @Schema(examples = "51") String parentCode) {
    }
}
