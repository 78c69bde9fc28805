package vn.actionmonth.plan.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CloseRequest", description = "Why a published plan is closed")
public record CloseRequest(@Schema(examples = "Đã tổng hợp báo cáo kết quả Tháng hành động năm 2024") String reason) {
}
