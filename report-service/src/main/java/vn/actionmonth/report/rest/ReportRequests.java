package vn.actionmonth.report.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.report.service.DraftInput;

import java.util.Map;
import java.util.UUID;

/** Request bodies of the reports API. */
public final class ReportRequests {

    static final String FIGURES_EXAMPLE = "{\"LAUNCH_CEREMONY_HELD\": true, \"COMM_EVENTS\": 12, "
            + "\"FUND_RAISED_VND\": 15500000, \"CHILDREN_GIFTED\": 320}";
    static final int MAX_NARRATIVE = 20_000;

    private ReportRequests() {
    }

    @Schema(name = "CreateReport", description = "Creates the draft report of the caller's unit for an obligation it owes")
    public record Create(
            @NotNull @Schema(description = "The obligation the report answers (from plan-service)",
                    examples = "6b1f3c2e-8d4a-4f0b-9a57-1c2d3e4f5a6b") UUID obligationId,
            @Schema(description = "Indicator code to value: whole numbers for integer and money (VND) indicators, "
                    + "true/false for yes/no ones, text for text ones", examples = FIGURES_EXAMPLE) Map<String, JsonNode> figures,
            @Size(max = MAX_NARRATIVE) @Schema(description = "Kết quả thực hiện",
                    examples = "Tổ chức Lễ phát động Tháng hành động vì trẻ em ngày 01/6/2024 tại Nhà văn hóa phường") String results,
            @Size(max = MAX_NARRATIVE) @Schema(description = "Khó khăn, vướng mắc",
                    examples = "Kinh phí hỗ trợ trẻ em có hoàn cảnh đặc biệt còn hạn chế") String difficulties,
            @Size(max = MAX_NARRATIVE) @Schema(description = "Đề xuất, kiến nghị",
                    examples = "Đề nghị UBND thành phố bổ sung kinh phí tổ chức dạy bơi cho trẻ em") String proposals) {

        DraftInput input() {
            return new DraftInput(figures, results, difficulties, proposals);
        }
    }

    @Schema(name = "UpdateReport", description = "Replaces the figures and narrative of a DRAFT or RETURNED report")
    public record Update(
            @Schema(description = "Indicator code to value", examples = FIGURES_EXAMPLE) Map<String, JsonNode> figures,
            @Size(max = MAX_NARRATIVE) @Schema(description = "Kết quả thực hiện",
                    examples = "Tổ chức 12 hoạt động truyền thông, vận động 15.500.000 đồng") String results,
            @Size(max = MAX_NARRATIVE) @Schema(description = "Khó khăn, vướng mắc",
                    examples = "Một số tổ dân phố chưa bố trí được địa điểm vui chơi") String difficulties,
            @Size(max = MAX_NARRATIVE) @Schema(description = "Đề xuất, kiến nghị",
                    examples = "Đề nghị tăng cường nguồn lực cho Quỹ Bảo trợ trẻ em") String proposals) {

        DraftInput input() {
            return new DraftInput(figures, results, difficulties, proposals);
        }
    }

    @Schema(name = "ReturnReport", description = "Sends a submitted report back to its unit for correction")
    public record Return(
            @NotBlank @Size(max = 2000) @Schema(description = "Why it is returned (shown to the reporting unit)",
                    examples = "Số liệu trẻ em được tặng quà chưa khớp với danh sách kèm theo, đề nghị rà soát lại") String reason) {
    }
}
