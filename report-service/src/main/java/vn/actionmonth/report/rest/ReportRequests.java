package vn.actionmonth.report.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.common.validation.Text;
import vn.actionmonth.report.service.DraftInput;

import java.util.Map;
import java.util.UUID;

/** Request bodies of the reports API. */
public final class ReportRequests {

    static final String FIGURES_EXAMPLE = "{\"LAUNCH_CEREMONY_HELD\": true, \"COMM_EVENTS\": 12, "
            + "\"FUND_RAISED_VND\": 15500000, \"CHILDREN_GIFTED\": 320}";
    static final int MAX_NARRATIVE = 20_000;
    /** More than any indicator set has (the Children's Action Month set has 24). */
    static final int MAX_FIGURES = 200;
    /** Three narrative parts of 20,000 characters, even written as \\u escapes, and the figures. */
    static final long MAX_BODY = 512 * 1024;

    private ReportRequests() {
    }

    @Schema(name = "CreateReport", description = "Creates the draft report of the caller's unit for an obligation it owes")
    public record Create(
            @NotNull @Schema(description = "The obligation the report answers (from plan-service)",
                    examples = "6b1f3c2e-8d4a-4f0b-9a57-1c2d3e4f5a6b") UUID obligationId,
            @Schema(description = "Indicator code to value: whole numbers for integer and money (VND) indicators, "
                    + "true/false for yes/no ones, text for text ones", examples = FIGURES_EXAMPLE, type = SchemaType.OBJECT, additionalProperties = Schema.True.class) @Size(max = MAX_FIGURES) Map<@Size(max = 60) String, JsonNode> figures,
            @Text(max = MAX_NARRATIVE) @Schema(description = "Kết quả thực hiện", maxLength = MAX_NARRATIVE,
                    examples = "Tổ chức Lễ phát động Tháng hành động vì trẻ em ngày 01/6/2024 tại Nhà văn hóa phường") String results,
            @Text(max = MAX_NARRATIVE) @Schema(description = "Khó khăn, vướng mắc", maxLength = MAX_NARRATIVE,
                    examples = "Kinh phí hỗ trợ trẻ em có hoàn cảnh đặc biệt còn hạn chế") String difficulties,
            @Text(max = MAX_NARRATIVE) @Schema(description = "Đề xuất, kiến nghị", maxLength = MAX_NARRATIVE,
                    examples = "Đề nghị UBND thành phố bổ sung kinh phí tổ chức dạy bơi cho trẻ em") String proposals) {

        DraftInput input() {
            return new DraftInput(figures, results, difficulties, proposals);
        }
    }

    @Schema(name = "UpdateReport", description = "Replaces the figures and narrative of a DRAFT or RETURNED report")
    public record Update(
            @Schema(description = "Indicator code to value", examples = FIGURES_EXAMPLE, type = SchemaType.OBJECT, additionalProperties = Schema.True.class) @Size(max = MAX_FIGURES) Map<@Size(max = 60) String, JsonNode> figures,
            @Text(max = MAX_NARRATIVE) @Schema(description = "Kết quả thực hiện", maxLength = MAX_NARRATIVE,
                    examples = "Tổ chức 12 hoạt động truyền thông, vận động 15.500.000 đồng") String results,
            @Text(max = MAX_NARRATIVE) @Schema(description = "Khó khăn, vướng mắc", maxLength = MAX_NARRATIVE,
                    examples = "Một số tổ dân phố chưa bố trí được địa điểm vui chơi") String difficulties,
            @Text(max = MAX_NARRATIVE) @Schema(description = "Đề xuất, kiến nghị", maxLength = MAX_NARRATIVE,
                    examples = "Đề nghị tăng cường nguồn lực cho Quỹ Bảo trợ trẻ em") String proposals) {

        DraftInput input() {
            return new DraftInput(figures, results, difficulties, proposals);
        }
    }

    @Schema(name = "ReturnReport", description = "Sends a submitted report back to its unit for correction")
    public record Return(
            @NotBlank @Text(max = 2000) @Schema(description = "Why it is returned (shown to the reporting unit)", maxLength = 2000,
                    examples = "Số liệu trẻ em được tặng quà chưa khớp với danh sách kèm theo, đề nghị rà soát lại") String reason) {
    }
}
