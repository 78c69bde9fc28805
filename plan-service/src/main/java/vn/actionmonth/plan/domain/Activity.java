package vn.actionmonth.plan.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.common.validation.DateBounds;
import vn.actionmonth.common.validation.Text;

import java.time.LocalDate;
import java.util.List;

/** One thing the plan says will be done (nội dung hoạt động). Stored as jsonb with its plan. */
@Schema(name = "Activity", description = "An activity of the plan (nội dung hoạt động), with its lead and coordinating units")
public record Activity(
        @Text(max = PlanLimits.LINE) @Schema(description = "Heading of the activity", examples = "Tổ chức khám sàng lọc, phẫu thuật miễn phí cho trẻ em khuyết tật", maxLength = PlanLimits.LINE) String title,
        @Text(max = PlanLimits.LONG_TEXT) @Schema(description = "What is done, as written", examples = "Tổ chức khám sàng lọc, phẫu thuật miễn phí cho trẻ em khuyết tật trên địa bàn toàn tỉnh.", maxLength = PlanLimits.LONG_TEXT) String description,
        @Valid @Schema(description = "Who leads it (chủ trì), when one unit does; several go in leadUnits") UnitRef leadUnit,
        @Size(max = PlanLimits.ITEMS) @Schema(description = "Who helps (phối hợp)") List<@Valid UnitRef> coordinatingUnits,
        @Text(max = PlanLimits.LINE) @Schema(description = "When, as written", examples = "Từ cuối tháng 5 đến ngày 30/6/2024", maxLength = PlanLimits.LINE) String time,
        @DateBounds @Schema(description = "First day, when the plan gives it", examples = "2024-05-25") LocalDate startDate,
        @DateBounds @Schema(description = "Last day, when the plan gives it", examples = "2024-06-30") LocalDate endDate,
        @Text(max = PlanLimits.LINE) @Schema(description = "Where, as written", examples = "Nhà Văn hóa phường Nguyễn Trãi", maxLength = PlanLimits.LINE) String place,
        @Size(max = PlanLimits.ITEMS) @Schema(description = "Who leads it (chủ trì) when several units share the lead, "
                + "e.g. \"Sở LĐTBXH, Sở Y tế\"") List<@Valid UnitRef> leadUnits) {

    /** Every unit that leads it: leadUnit and leadUnits together. */
    public List<UnitRef> leads() {
        List<UnitRef> out = new java.util.ArrayList<>();
        if (leadUnit != null) {
            out.add(leadUnit);
        }
        if (leadUnits != null) {
            out.addAll(leadUnits);
        }
        return out;
    }
}
