package vn.actionmonth.plan.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.common.validation.Text;

import java.util.UUID;

/**
 * A unit as a plan names it: the name as written, and the unit's id when the name is a unit of
 * the tree. Plans also name groups ("Các sở, ban, ngành liên quan") and officials ("Công chức
 * VHXH phụ trách LĐTBXH") that are no unit, so the id is optional.
 */
@Schema(name = "UnitRef", description = "A unit or group as the plan names it, with the unit's id when it is a unit of the tree")
public record UnitRef(
        @Schema(description = "Unit id, when the name is a unit of the tree", examples = "7b0c9a52-2f5c-3a7e-9d43-5f2b1c0e8a11") UUID unitId,
        @Text(max = PlanLimits.LINE) @Schema(description = "The name as the plan writes it", examples = "Sở Lao động - Thương binh và Xã hội", maxLength = PlanLimits.LINE) String name) {
}
