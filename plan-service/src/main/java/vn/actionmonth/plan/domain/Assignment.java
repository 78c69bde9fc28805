package vn.actionmonth.plan.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.common.validation.Text;

import java.util.List;

/** The tasks the plan gives one named unit (tổ chức thực hiện). Stored as jsonb with its plan. */
@Schema(name = "Assignment", description = "The tasks a plan gives a unit (tổ chức thực hiện)")
public record Assignment(
        @Valid @Schema(description = "The unit or group given the tasks; a unit of the tree lies in the issuer's subtree") UnitRef unit,
        @Schema(description = "Its tasks, one per paragraph", examples = "[\"Chỉ đạo các đơn vị trường học tiếp tục tuyên truyền, phổ biến Luật Trẻ em 2016\"]") @Size(max = PlanLimits.ITEMS) List<@Text(max = PlanLimits.LONG_TEXT) String> tasks) {
}
