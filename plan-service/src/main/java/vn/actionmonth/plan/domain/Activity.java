package vn.actionmonth.plan.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.common.validation.Text;

import java.util.List;

/** One thing the plan says will be done (nội dung hoạt động). Stored as jsonb with its plan. */
@Schema(name = "Activity", description = "An activity of the plan (nội dung hoạt động), with its lead and coordinating units")
public record Activity(
        @Text(max = PlanLimits.LINE) @Schema(description = "Heading of the activity", examples = "Tổ chức khám sàng lọc, phẫu thuật miễn phí cho trẻ em khuyết tật", maxLength = PlanLimits.LINE) String title,
        @Text(max = PlanLimits.LONG_TEXT) @Schema(description = "What is done, as written", examples = "Tổ chức khám sàng lọc, phẫu thuật miễn phí cho trẻ em khuyết tật trên địa bàn toàn tỉnh.", maxLength = PlanLimits.LONG_TEXT) String description,
        @Valid @Schema(description = "Who leads it (chủ trì)") UnitRef leadUnit,
        @Size(max = PlanLimits.ITEMS) @Schema(description = "Who helps (phối hợp)") List<@Valid UnitRef> coordinatingUnits,
        @Text(max = PlanLimits.LINE) @Schema(description = "When, as written", examples = "Từ cuối tháng 5 đến ngày 30/6/2024", maxLength = PlanLimits.LINE) String time) {
}
