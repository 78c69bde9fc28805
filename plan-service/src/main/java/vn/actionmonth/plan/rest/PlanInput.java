package vn.actionmonth.plan.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.plan.domain.Activity;
import vn.actionmonth.plan.domain.Assignment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "PlanInput", description = "A plan (Kế hoạch) as its document reads; a draft until published")
public record PlanInput(
        @Size(max = 100) @Schema(description = "Document number as written; often blank before it is issued", examples = "75/KH-UBND") String number,
        @NotBlank @Size(max = 1000) @Schema(examples = "Triển khai Tháng hành động vì trẻ em tỉnh Lai Châu năm 2024") String title,
        @NotNull @Schema(description = "The issuing unit (cơ quan ban hành)") UUID issuerId,
        @Schema(description = "Issue date, when the document gives it in full", examples = "2024-03-29") LocalDate issueDate,
        @Size(max = 200) @Schema(examples = "Lai Châu") String issuePlace,
        @Size(max = 300) @Schema(description = "The place-and-date line as written", examples = "Lai Châu, ngày tháng năm 2024") String dateLine,
        @NotNull @Schema(description = "The campaign") UUID campaignId,
        @Schema(description = "The published plan or guidance this plan implements, issued by an ancestor of the issuer") UUID basisPlanId,
        @Schema(description = "Other documents the plan rests on (laws, decrees, decisions), as written", examples = "[\"Luật Trẻ em năm 2016\"]") List<String> basisDocuments,
        @Size(max = 500) @Schema(examples = "Hành động thiết thực, ưu tiên nguồn lực cho trẻ em") String theme,
        @Schema(description = "Default: the campaign's", examples = "2024-06-01") LocalDate periodStart,
        @Schema(description = "Default: the campaign's", examples = "2024-06-30") LocalDate periodEnd,
        @Schema(description = "Mục đích", examples = "Nâng cao nhận thức và ý thức trách nhiệm của các cơ quan, tổ chức, cá nhân ...") String objectives,
        @Schema(description = "Yêu cầu", examples = "Tổ chức các hoạt động ... đảm bảo thiết thực, hiệu quả, tiết kiệm") String requirements,
        @Schema(description = "Thông điệp, khẩu hiệu, in order", examples = "[\"Hành động thiết thực, ưu tiên nguồn lực cho trẻ em.\"]") List<String> messages,
        @Schema(description = "Nội dung hoạt động") List<@Valid Activity> activities,
        @Schema(description = "Tổ chức thực hiện") List<@Valid Assignment> assignments,
        @Valid @Schema(description = "Chế độ báo cáo") ReportingRequirement reportingRequirement,
        @Schema(description = "Nơi nhận, as written", examples = "[\"Bộ Lao động – TBXH (b/c);\"]") List<String> recipients,
        @Valid @Schema(description = "Người ký") Signer signer) {
}
