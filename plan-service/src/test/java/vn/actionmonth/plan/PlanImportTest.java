package vn.actionmonth.plan;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import vn.actionmonth.devstack.DevStackTestResource;
import vn.actionmonth.plan.service.SampleData;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.actionmonth.plan.TestSupport.admin;
import static vn.actionmonth.plan.TestSupport.as;
import static vn.actionmonth.plan.TestSupport.plan;
import static vn.actionmonth.plan.TestSupport.unit;

/**
 * The three shared plans imported as the officials would send them: as .docx in the decree's
 * layout (a table for the header block, centred bold headings) and as text. Each becomes a draft
 * of the planner's unit on the right basis plan and campaign, with its units matched; documents in
 * other shapes degrade to partial drafts or a 200 saying what is missing, never a 500.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class PlanImportTest {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Test
    void theSoNoiVuPlanAsADocxBecomesADraftOnItsBasisWithItsOfficeMatched() throws IOException {
        byte[] docx = docx(PlanDocumentParserTest.resource("plans/so-noi-vu-lang-son-2024.txt"), "UBND TỈNH LẠNG SƠN", "SỞ NỘI VỤ");
        JsonPath answer = given().auth().oauth2(as(unit("LS-SNV"), "planner")).contentType(DOCX).body(docx)
                .post("/api/v1/plan-imports").then().statusCode(201).extract().jsonPath();
        assertThat(answer.getString("draft.title"))
                .isEqualTo("Tổ chức các hoạt động hưởng ứng Tháng hành động vì trẻ em năm 2024 tại Sở Nội vụ");
        assertThat(answer.getString("draft.status")).isEqualTo("DRAFT");
        assertThat(answer.getString("draft.issuerId")).isEqualTo(unit("LS-SNV").toString());
        assertThat(answer.getString("draft.basisPlanId")).isEqualTo(plan("ls-75").toString());
        assertThat(answer.getString("draft.campaignId")).isEqualTo(SampleData.id("campaign:2024").toString());
        assertThat(answer.getString("draft.periodStart")).isEqualTo("2024-06-01");
        assertThat(answer.getString("draft.reportingRequirement.dueAt")).isEqualTo("2024-07-20T00:00:00+07:00");
        assertThat(answer.getList("draft.assignments.unit.name", String.class))
                .containsExactly("Các Phòng, đơn vị thuộc, trực thuộc Sở", "Công đoàn cơ sở và Chi đoàn thanh niên", "Văn phòng Sở");
        assertThat(answer.getString("draft.assignments[2].unit.unitId")).isEqualTo(unit("LS-SNV-VP").toString());
        assertThat(answer.getString("sources.theme[0].confidence")).isEqualTo("HIGH");
        assertThat(answer.getList("unresolved", String.class)).as("issued by the caller's unit")
                .noneMatch(u -> u.startsWith("issuerId"));
        assertThat(answer.getList("unresolved", String.class)).anySatisfy(u -> assertThat(u).startsWith("assignments[1].unit"));
    }

    @Test
    void theWardAndProvincePlansAsTextBecomeDraftsWithTheirBasisAndUnits() throws IOException {
        JsonPath ward = importText(as(admin("23305"), "planner"), "plans/phuong-nguyen-trai-kon-tum-2024.txt", 201);
        assertThat(ward.getString("draft.basisPlanId")).isEqualTo(plan("kt-124").toString());
        assertThat(ward.getString("draft.issueDate")).isEqualTo("2024-05-20");
        assertThat(ward.getList("draft.messages")).hasSize(12);

        JsonPath province = importText(as(admin("12"), "planner"), "plans/ubnd-tinh-lai-chau-2024.txt", 201);
        assertThat(province.getString("draft.basisPlanId")).isEqualTo(plan("guidance-982").toString());
        List<Map<String, Object>> assignments = province.getList("draft.assignments.unit");
        assertThat(assignments).hasSize(14);
        long matched = assignments.stream().filter(a -> a.get("unitId") != null).count();
        System.out.printf("plan import, Lai Châu: %d of %d assignees matched to units of the tree%n", matched, assignments.size());
        assertThat(assignments.get(0)).containsEntry("unitId", unit("LC-SLDTBXH").toString());
        assertThat(assignments.get(9)).containsEntry("unitId", unit("LC-DTN").toString());
        assertThat(matched).isEqualTo(12);
        // "Các sở, ban, ngành, đoàn thể tỉnh, UBND các huyện, thành phố … báo cáo … về UBND tỉnh (qua Sở LĐTBXH)"
        assertThat(province.getList("draft.reportingRequirement.unitRule.kinds", String.class))
                .containsExactly("DEPARTMENT", "MASS_ORGANISATION", "DISTRICT");
        assertThat(province.getString("draft.reportingRequirement.recipientId")).isEqualTo(admin("12").toString());
        assertThat(province.getString("draft.reportingRequirement.viaUnitId")).isEqualTo(unit("LC-SLDTBXH").toString());
        assertThat(province.getList("unresolved", String.class)).noneMatch(u -> u.startsWith("reportingRequirement"));
    }

    @Test
    void aWardPlanWithItsActivitiesInATableGivesEachActivityItsTimeLeadAndPlace() throws IOException {
        String text = String.join("\n", "Số: 45/KH-UBND", "Kon Tum, ngày 15 tháng 5 năm 2024", "KẾ HOẠCH",
                "Tổ chức các hoạt động hè cho trẻ em phường Nguyễn Trãi năm 2024", "",
                "Căn cứ Kế hoạch số 124/KH-UBND của UBND thành phố Kon Tum;",
                "I. MỤC ĐÍCH, YÊU CẦU", "Tạo sân chơi lành mạnh cho trẻ em trong dịp hè.",
                "II. NỘI DUNG HOẠT ĐỘNG", "@table",
                "III. TỔ CHỨC THỰC HIỆN", "1. Công chức Văn hóa - Xã hội", "Chủ trì, theo dõi, tổng hợp kết quả.");
        List<List<String>> table = List.of(
                List.of("STT", "Nội dung hoạt động", "Thời gian", "Đơn vị chủ trì", "Địa điểm"),
                List.of("1", "Lễ phát động Tháng hành động vì trẻ em", "01/6/2024", "Đoàn Thanh niên phường",
                        "Nhà Văn hóa tổ dân phố 3"),
                List.of("2", "Tặng quà trẻ em có hoàn cảnh đặc biệt", "Từ 01/6 đến 15/6/2024", "Công chức Văn hóa - Xã hội",
                        "Trụ sở UBND phường"),
                List.of("3", "Khám sàng lọc tim bẩm sinh cho trẻ em", "20/6/2024", "Trạm Y tế phường", ""));
        JsonPath answer = given().auth().oauth2(as(admin("23305"), "planner")).contentType(DOCX)
                .body(docx(text, "UBND THÀNH PHỐ KON TUM", "UBND PHƯỜNG NGUYỄN TRÃI", table))
                .post("/api/v1/plan-imports").then().statusCode(201).extract().jsonPath();
        assertThat(answer.getList("draft.activities.title", String.class)).containsExactly(
                "Lễ phát động Tháng hành động vì trẻ em", "Tặng quà trẻ em có hoàn cảnh đặc biệt",
                "Khám sàng lọc tim bẩm sinh cho trẻ em");
        assertThat(answer.getList("draft.activities.time", String.class))
                .containsExactly("01/6/2024", "Từ 01/6 đến 15/6/2024", "20/6/2024");
        assertThat(answer.getList("draft.activities.place", String.class))
                .containsExactly("Nhà Văn hóa tổ dân phố 3", "Trụ sở UBND phường", null);
        assertThat(answer.getString("draft.activities[0].leadUnit.name")).isEqualTo("Đoàn Thanh niên phường");
        assertThat(answer.getString("draft.basisPlanId")).isEqualTo(plan("kt-124").toString());
    }

    @Test
    void aReportingSentenceWithoutADateBecomesADeadlineByRuleSaidToBeChecked() throws IOException {
        String soNoiVu = PlanDocumentParserTest.resource("plans/so-noi-vu-lang-son-2024.txt");
        String planner = as(unit("LS-SNV"), "planner");
        // "theo quy định": ten days before the department's own deadline under the province's plan (20/7)
        JsonPath byRule = importBody(planner, soNoiVu.replace("trước ngày 20/7/2024", "theo quy định"));
        assertThat(byRule.getString("draft.reportingRequirement.dueRule.type")).isEqualTo("BASIS_MINUS_DAYS");
        assertThat(byRule.getInt("draft.reportingRequirement.dueRule.days")).isEqualTo(10);
        assertThat(byRule.getString("draft.reportingRequirement.dueAt")).isEqualTo("2024-07-10T00:00:00+07:00");
        assertThat(byRule.getString("draft.reportingRequirement.dueText")).isEqualTo("theo quy định");
        assertThat(byRule.getList("unresolved", String.class))
                .anySatisfy(u -> assertThat(u).startsWith("reportingRequirement.dueRule").contains("check it"));
        // "trước ngày 15/7 hằng năm": that day of the campaign's year
        JsonPath yearly = importBody(planner, soNoiVu.replace("trước ngày 20/7/2024", "trước ngày 15/7 hằng năm"));
        assertThat(yearly.getString("draft.reportingRequirement.dueRule.type")).isEqualTo("DAY_OF_MONTH");
        assertThat(yearly.getString("draft.reportingRequirement.dueAt")).isEqualTo("2024-07-15T00:00:00+07:00");
    }

    private static JsonPath importBody(String token, String text) {
        return given().auth().oauth2(token).contentType("text/plain; charset=UTF-8")
                .body(text.getBytes(StandardCharsets.UTF_8)).post("/api/v1/plan-imports").then().statusCode(201)
                .extract().jsonPath();
    }

    @Test
    void documentsInOtherShapesDegradeToPartialDraftsOrSayWhatIsMissingNeverA500() throws IOException {
        String planner = as(admin("23305"), "planner");
        // A short plan with no number, no date and no sections: a draft with what there is.
        JsonPath partial = given().auth().oauth2(planner).contentType("text/plain; charset=UTF-8")
                .body("KẾ HOẠCH\nTổ chức vui Tết Trung thu cho trẻ em phường năm 2024\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/plan-imports").then().statusCode(201).extract().jsonPath();
        assertThat(partial.getString("draft.title")).isEqualTo("Tổ chức vui Tết Trung thu cho trẻ em phường năm 2024");
        assertThat(partial.getList("unresolved", String.class)).contains("number", "dateLine", "theme", "signer");
        // No year, no campaign: nothing created, the answer says why.
        JsonPath none = given().auth().oauth2(planner).contentType("text/plain; charset=UTF-8")
                .body("Một văn bản không phải kế hoạch".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/plan-imports").then().statusCode(200).extract().jsonPath();
        assertThat(none.getString("draft")).isNull();
        assertThat(none.getList("problems.field", String.class)).contains("campaignId", "title");
        // Not a .docx, not UTF-8, not a planner.
        given().auth().oauth2(planner).contentType(DOCX).body(new byte[] {1, 2, 3}).post("/api/v1/plan-imports").then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(planner).contentType("text/plain").body(new byte[] {(byte) 0xC3, (byte) 0x28})
                .post("/api/v1/plan-imports").then().statusCode(400);
        given().auth().oauth2(as(admin("23305"), "viewer")).contentType("text/plain; charset=UTF-8").body("KẾ HOẠCH")
                .post("/api/v1/plan-imports").then().statusCode(403);
    }

    private static JsonPath importText(String token, String resource, int status) throws IOException {
        return given().auth().oauth2(token).contentType("text/plain; charset=UTF-8")
                .body(PlanDocumentParserTest.resource(resource).getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/plan-imports").then().statusCode(status).extract().jsonPath();
    }

    /**
     * The plan as a .docx in the decree's layout: the header block in a two-column table (superior
     * and issuing body with the number; quốc hiệu, tiêu ngữ, place and date), then the text, the
     * type and summary centred and bold, section headings bold.
     */
    static byte[] docx(String text, String superior, String body) throws IOException {
        return docx(text, superior, body, List.of());
    }

    /** With {@code table} (rows of cells, the first its header) where the text has a line "@table". */
    static byte[] docx(String text, String superior, String body, List<List<String>> table) throws IOException {
        List<String> lines = text.replace("\r", "").lines().map(String::strip).toList();
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFTable header = doc.createTable(1, 2);
            header.removeBorders();
            int i = 0;
            String number = "";
            String dateLine = "";
            while (i < lines.size() && !lines.get(i).equals("KẾ HOẠCH")) {
                if (lines.get(i).startsWith("Số:")) {
                    number = lines.get(i);
                } else if (!lines.get(i).isEmpty()) {
                    dateLine = lines.get(i);
                }
                i++;
            }
            cell(header, 0, List.of(superior, body, number));
            cell(header, 1, List.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", dateLine));
            boolean title = false;
            for (; i < lines.size(); i++) {
                String l = lines.get(i).replace("*", "");
                if (l.isEmpty()) {
                    title = false;
                    continue;
                }
                if (l.equals("@table")) {
                    XWPFTable t = doc.createTable(table.size(), table.get(0).size());
                    for (int r = 0; r < table.size(); r++) {
                        for (int c = 0; c < table.get(r).size(); c++) {
                            t.getRow(r).getCell(c).getParagraphs().get(0).createRun().setText(table.get(r).get(c));
                        }
                    }
                    continue;
                }
                XWPFParagraph p = doc.createParagraph();
                boolean type = l.equals("KẾ HOẠCH");
                title = type || title;
                p.setAlignment(title ? ParagraphAlignment.CENTER : ParagraphAlignment.BOTH);
                XWPFRun run = p.createRun();
                run.setBold(title || l.matches("^[IVX]+\\..*"));
                run.setText(l);
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static void cell(XWPFTable table, int column, List<String> lines) {
        var cell = table.getRow(0).getCell(column);
        for (int i = 0; i < lines.size(); i++) {
            XWPFParagraph p = i == 0 ? cell.getParagraphs().get(0) : cell.addParagraph();
            p.setAlignment(ParagraphAlignment.CENTER);
            p.createRun().setText(lines.get(i));
        }
    }
}
