package vn.actionmonth.plan.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.actionmonth.common.Roles;
import vn.actionmonth.common.problem.Problem;
import vn.actionmonth.common.problem.Problems;
import vn.actionmonth.common.rest.MaxBody;
import vn.actionmonth.plan.service.PlanDocumentParser;
import vn.actionmonth.plan.service.PlanImportService;
import vn.actionmonth.plan.service.Texts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

@Path("/api/v1/plan-imports")
@RolesAllowed(Roles.MEMBER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plan imports", description = "A draft plan from its Word document or its text")
public class PlanImportResource {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final long MAX_DOCUMENT = 5L * 1024 * 1024;
    private static final String DESCRIPTION = "Reads the parts of an administrative plan (Decree 30/2020/NĐ-CP layout): "
            + "number and symbol, place and date line (also left blank for signing), type and summary, the \"Căn cứ / Thực "
            + "hiện\" basis (the basis plan matched by its number among published plans above the caller's unit), sections "
            + "by their numbering, theme and messages, period, the reporting sentence (deadline by date), assignments (one "
            + "per unit named at the head of a paragraph of TỔ CHỨC THỰC HIỆN, matched to units of the caller's subtree "
            + "without accents and with UBND, LĐTBXH, MTTQ, LHPN… spelled out), \"Nơi nhận\" and the signature block. The "
            + "issuer is the caller's unit (planners import their own unit's plans); the campaign is the one of the year "
            + "the document names. Never invents: parts not found stay empty and are listed in unresolved, ambiguous names "
            + "come with their candidates, and each part read says its line and confidence. 201 with the draft (nothing is "
            + "sent: drafts have no events) when it passes the plan rules; 200 with what was read and the problems when not.";

    private final PlanImportService service;

    public PlanImportResource(PlanImportService service) {
        this.service = service;
    }

    @POST
    @Consumes(DOCX)
    @MaxBody(MAX_DOCUMENT)
    @Operation(operationId = "importPlanDocx", summary = "A draft plan from its .docx", description = DESCRIPTION)
    @APIResponse(responseCode = "201", description = "Draft created", content = @Content(schema = @Schema(implementation = PlanImportView.class)))
    @APIResponse(responseCode = "200", description = "Read, not created: see problems and unresolved", content = @Content(schema = @Schema(implementation = PlanImportView.class)))
    @APIResponse(responseCode = "400", description = "Not a .docx file")
    @APIResponse(responseCode = "403", description = "Not a planner")
    public Response importDocx(byte[] body, @Context UriInfo uri) {
        return answer(service.importText(textOf(body)), uri);
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @MaxBody(MAX_DOCUMENT)
    @Operation(operationId = "importPlanText", summary = "A draft plan from its text (UTF-8)", description = DESCRIPTION
            + " One paragraph per line.")
    @APIResponse(responseCode = "201", description = "Draft created", content = @Content(schema = @Schema(implementation = PlanImportView.class)))
    @APIResponse(responseCode = "200", description = "Read, not created: see problems and unresolved", content = @Content(schema = @Schema(implementation = PlanImportView.class)))
    @APIResponse(responseCode = "400", description = "Not UTF-8 text")
    @APIResponse(responseCode = "403", description = "Not a planner")
    public Response importText(byte[] body, @Context UriInfo uri) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body == null ? new byte[0] : body)).toString();
            return answer(service.importText(text), uri);
        } catch (CharacterCodingException e) {
            throw Problems.invalid("body", "is not UTF-8 text");
        }
    }

    @Schema(name = "PlanImport", description = "What the import read, and the draft when one was created")
    public record PlanImportView(
            @Schema(description = "The draft created; null when the plan rules refused what was read") PlanView draft,
            @Schema(description = "The plan as read, to correct and send again through the plan API") PlanInput read,
            @Schema(description = "Per part: the line it came from (1-based) and how sure the reading is")
            Map<String, List<PlanDocumentParser.Source>> sources,
            @Schema(description = "What the import could not find or resolve") List<String> unresolved,
            @Schema(description = "Names that could mean several units, with them") List<PlanImportService.Candidates> candidates,
            @Schema(description = "Why no draft was created") List<Problem.Violation> problems) {
    }

    private static Response answer(PlanImportService.Imported i, UriInfo uri) {
        PlanImportView view = new PlanImportView(i.draft() == null ? null : PlanView.of(i.draft()), PlanInput.of(i.plan()),
                PlanImportService.sourcesByField(i.parsed()), i.unresolved(), i.candidates(), i.problems());
        if (i.draft() == null) {
            return Response.ok(view).build();
        }
        return Response.created(uri.getBaseUriBuilder().path("api/v1/plans").path(i.draft().id.toString()).build())
                .entity(view).build();
    }

    /**
     * A table of numbered activities ("STT | Nội dung | Thời gian | Đơn vị chủ trì | Địa điểm") as
     * numbered lines, its other columns written after the heading: "1. Lễ phát động — Thời gian:
     * 01/6/2024; Chủ trì: Đoàn Thanh niên phường". False, writing nothing, for any other table.
     */
    private static boolean activityRows(XWPFTable t, StringBuilder sb) {
        if (t.getRows().size() < 2) {
            return false;
        }
        List<String> head = t.getRow(0).getTableCells().stream().map(c -> Texts.searchKey(c.getText())).toList();
        int what = indexOf(head, "noi dung", "hoat dong", "ten hoat dong");
        if (head.isEmpty() || !head.get(0).startsWith("stt") || what < 0) {
            return false;
        }
        int when = indexOf(head, "thoi gian");
        int lead = indexOf(head, "chu tri", "don vi chu tri", "don vi thuc hien");
        int where = indexOf(head, "dia diem");
        for (XWPFTableRow row : t.getRows().subList(1, t.getRows().size())) {
            List<String> cells = row.getTableCells().stream().map(c -> c.getText().strip().replace('\n', ' ')).toList();
            String number = cells.get(0).replaceAll("[^0-9]", "");
            if (number.isEmpty() || what >= cells.size() || cells.get(what).isBlank()) {
                continue;
            }
            StringBuilder line = new StringBuilder(number).append(". ").append(cells.get(what));
            List<String> fields = new java.util.ArrayList<>();
            if (when >= 0 && when < cells.size() && !cells.get(when).isBlank()) {
                fields.add("Thời gian: " + cells.get(when));
            }
            if (lead >= 0 && lead < cells.size() && !cells.get(lead).isBlank()) {
                fields.add("Chủ trì: " + cells.get(lead));
            }
            if (where >= 0 && where < cells.size() && !cells.get(where).isBlank()) {
                fields.add("Địa điểm: " + cells.get(where));
            }
            if (!fields.isEmpty()) {
                line.append(" — ").append(String.join("; ", fields));
            }
            sb.append(line).append('\n');
        }
        return true;
    }

    private static int indexOf(List<String> head, String... names) {
        for (int i = 0; i < head.size(); i++) {
            for (String n : names) {
                if (head.get(i).startsWith(n)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * The document's text, one paragraph per line, tables (the header block) cell by cell, a table
     * of activities row by row, in body order.
     */
    public static String textOf(byte[] body) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(body == null ? new byte[0] : body))) {
            StringBuilder sb = new StringBuilder();
            for (IBodyElement e : doc.getBodyElements()) {
                if (e instanceof XWPFParagraph p) {
                    sb.append(p.getText()).append('\n');
                } else if (e instanceof XWPFTable t) {
                    if (!activityRows(t, sb)) {
                        for (XWPFTableRow row : t.getRows()) {
                            for (XWPFTableCell cell : row.getTableCells()) {
                                cell.getParagraphs().forEach(p -> sb.append(p.getText()).append('\n'));
                            }
                        }
                    }
                }
            }
            return sb.toString();
        } catch (IOException | RuntimeException e) {
            throw Problems.invalid("body", "is not a .docx document");
        }
    }
}
