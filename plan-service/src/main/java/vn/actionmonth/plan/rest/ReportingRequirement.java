package vn.actionmonth.plan.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(name = "ReportingRequirement", description = "Chế độ báo cáo: which units report, to which unit, through which unit, with which indicator set, by when")
public record ReportingRequirement(
        @Schema(description = "The section as written", examples = "Các sở, ban, ngành, đoàn thể tỉnh, UBND các huyện, thành phố ... báo cáo kết quả thực hiện về UBND tỉnh (qua Sở Lao động - Thương binh và Xã hội) trước ngày 20/7/2024") String text,
        @Schema(description = "Units that owe a results report; all within the issuer's subtree") List<UUID> reportingUnitIds,
        @Schema(description = "The unit the reports go to", examples = "5e2f1a0b-8c7d-3e6f-a5b4-c3d2e1f0a9b8") UUID recipientId,
        @Schema(description = "The unit they pass through, if any (qua Sở LĐTBXH)") UUID viaUnitId,
        @Schema(description = "Indicator set the reports carry", examples = "CAM") String indicatorSetCode,
        @Schema(description = "Due instant: \"trước ngày 20/7/2024\" is the start of that day in Vietnam", examples = "2024-07-20T00:00:00+07:00") OffsetDateTime dueAt,
        @Schema(description = "The deadline as written", examples = "trước ngày 20/7/2024") String dueText) {
}
