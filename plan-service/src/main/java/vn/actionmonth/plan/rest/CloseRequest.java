package vn.actionmonth.plan.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.common.validation.Text;
import vn.actionmonth.plan.domain.PlanLimits;

@Schema(name = "CloseRequest", description = "Why a published plan is closed")
public record CloseRequest(@Text(max = PlanLimits.REASON) @Schema(examples = "Đã tổng hợp báo cáo kết quả Tháng hành động năm 2024", maxLength = PlanLimits.REASON) String reason) {
}
