package vn.actionmonth.report.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.report.domain.Report;
import vn.actionmonth.report.domain.ReportStatus;

import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "Report", description = "The results report a unit owes for one obligation")
public record ReportView(
        @Schema(examples = "0f8e2a9c-41b7-4c55-8d0e-7a6b5c4d3e2f") UUID id,
        @Schema(examples = "6b1f3c2e-8d4a-4f0b-9a57-1c2d3e4f5a6b") UUID obligationId,
        @Schema(description = "The plan the report answers, e.g. Kế hoạch 75/KH-UBND") UUID planId,
        UUID campaignId,
        @Schema(description = "The reporting unit, e.g. Phường Nguyễn Trãi") UUID unitId,
        @Schema(description = "The unit it is sent to, e.g. UBND thành phố Kon Tum") UUID recipientId,
        @Schema(examples = "CAM") String indicatorSetCode,
        @Schema(description = "The version of the indicator set the report was made against", examples = "1") int indicatorSetVersion,
        @Schema(examples = "SUBMITTED") ReportStatus status,
        @Schema(description = "Indicator code to value", examples = ReportRequests.FIGURES_EXAMPLE, type = SchemaType.OBJECT, additionalProperties = Schema.True.class) JsonNode figures,
        @Schema(examples = "Tổ chức Lễ phát động Tháng hành động vì trẻ em ngày 01/6/2024") String results,
        @Schema(examples = "Kinh phí còn hạn chế") String difficulties,
        @Schema(examples = "Đề nghị bổ sung kinh phí") String proposals,
        @Schema(description = "0 until submitted; 1 at the first submission, +1 per resubmission", examples = "1") int revision,
        @Schema(examples = "2024-07-20T00:00:00+07:00") OffsetDateTime dueAt,
        OffsetDateTime firstSubmittedAt,
        OffsetDateTime submittedAt,
        @Schema(description = "Whether the first submission arrived before the deadline") Boolean onTime,
        @Schema(examples = "Số liệu chưa khớp, đề nghị rà soát lại") String returnReason,
        OffsetDateTime approvedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Schema(examples = "can-bo.phuong-nguyen-trai@kontum.gov.vn") String updatedBy,
        @Schema(description = "The value of the ETag header", examples = "3") long version,
        @Schema(description = "INTERIM or FINAL; an interim report adds to no total", examples = "FINAL") String kind,
        @Schema(description = "For a unit's consolidated report up (its obligation consolidates): what it sent at its "
                + "last submission, its own figures plus every submitted report it had received under the plan and the "
                + "plans implementing it, frozen then; null otherwise", examples = ReportRequests.FIGURES_EXAMPLE, type = SchemaType.OBJECT, additionalProperties = Schema.True.class) JsonNode sentFigures,
        @Schema(description = "When sentFigures were frozen") OffsetDateTime sentAt) {

    static ReportView of(Report r, JsonNode figures, JsonNode sentFigures) {
        return new ReportView(r.id, r.obligationId, r.planId, r.campaignId, r.unitId, r.recipientId, r.indicatorSetCode,
                r.indicatorSetVersion, r.status, figures, r.results, r.difficulties, r.proposals, r.revision, r.dueAt,
                r.firstSubmittedAt, r.submittedAt, r.onTime, r.returnReason, r.approvedAt, r.createdAt, r.updatedAt,
                r.updatedBy, r.version, r.kind, sentFigures, r.sentAt);
    }
}
