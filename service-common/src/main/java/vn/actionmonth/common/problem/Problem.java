package vn.actionmonth.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * An RFC 9457 problem document, served as {@code application/problem+json}.
 *
 * @param violations for bad input: every field that is wrong, and why
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "An error (RFC 9457). For bad input, `violations` names each wrong field.")
public record Problem(
        @Schema(description = "A URI naming the kind of problem", examples = "about:blank") String type,
        @Schema(description = "Short summary of the kind of problem", examples = "Bad Request") String title,
        @Schema(description = "HTTP status", examples = "400") int status,
        @Schema(description = "What went wrong this time", examples = "reportingRequirement.dueAt: must be after the period's end") String detail,
        @Schema(description = "The request path", examples = "/api/v1/plans") String instance,
        @Schema(description = "The wrong fields") List<Violation> violations,
        @Schema(description = "The request's id, also in the X-Request-Id response header and in every log line "
                + "and event the request caused: quote it when reporting a problem",
                examples = "5c1e0f9a-2b7d-4c3e-9a8f-0d6b1e2c3a4f") String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * @param field dotted path of the field, e.g. {@code figures.FUND_RAISED_VND} or {@code rows[12].parentCode}
     * @param in    where the field is: body, query, path or header
     */
    @Schema(name = "Violation")
    public record Violation(
            @Schema(examples = "reportingRequirement.dueAt") String field,
            @Schema(examples = "body") String in,
            @Schema(examples = "must be after the period's end (2024-06-30)") String message) {

        public static Violation body(String field, String message) {
            return new Violation(field, "body", message);
        }

        public static Violation query(String field, String message) {
            return new Violation(field, "query", message);
        }

        public static Violation header(String field, String message) {
            return new Violation(field, "header", message);
        }
    }
}
