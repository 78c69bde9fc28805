package vn.actionmonth.report.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.report.domain.ReportRevision;
import vn.actionmonth.report.domain.ReportStatus;

import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "ReportRevision", description = "One change of a report: what it held after the change, who made it and when")
public record RevisionView(
        @Schema(examples = "2") int seq,
        @Schema(examples = "RETURNED") ReportRevision.Action action,
        @Schema(examples = "RETURNED") ReportStatus status,
        @Schema(examples = "1") int revision,
        @Schema(examples = ReportRequests.FIGURES_EXAMPLE, type = SchemaType.OBJECT, additionalProperties = Schema.True.class) JsonNode figures,
        String results,
        String difficulties,
        String proposals,
        @Schema(examples = "Số liệu chưa khớp, đề nghị rà soát lại") String reason,
        @Schema(description = "For a submission: whether it arrived before the deadline") Boolean onTime,
        @Schema(examples = "lanh-dao.ubnd-tp-kon-tum@kontum.gov.vn") String actor,
        UUID actorUnit,
        @Schema(examples = "2024-07-18T09:30:00+07:00") OffsetDateTime at) {

    static RevisionView of(ReportRevision h, JsonNode figures) {
        return new RevisionView(h.seq, h.action, h.status, h.revision, figures, h.results, h.difficulties, h.proposals,
                h.reason, h.onTime, h.actor, h.actorUnit, h.at);
    }
}
