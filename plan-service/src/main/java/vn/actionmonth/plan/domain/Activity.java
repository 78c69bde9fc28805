package vn.actionmonth.plan.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One thing the plan says will be done (nội dung hoạt động). Stored as jsonb with its plan. */
@Schema(name = "Activity", description = "An activity of the plan (nội dung hoạt động), with its lead and coordinating units")
public record Activity(
        @Schema(description = "Heading of the activity", examples = "Tổ chức khám sàng lọc, phẫu thuật miễn phí cho trẻ em khuyết tật") String title,
        @Schema(description = "What is done, as written", examples = "Tổ chức khám sàng lọc, phẫu thuật miễn phí cho trẻ em khuyết tật trên địa bàn toàn tỉnh.") String description,
        @Schema(description = "Who leads it (chủ trì)") UnitRef leadUnit,
        @Schema(description = "Who helps (phối hợp)") List<UnitRef> coordinatingUnits,
        @Schema(description = "When, as written", examples = "Từ cuối tháng 5 đến ngày 30/6/2024") String time) {
}
