package vn.actionmonth.report;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import vn.actionmonth.report.service.ResultsDocx;
import vn.actionmonth.report.service.ResultsPdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thành phố Kon Tum's "Báo cáo kết quả" under the province's plan, read back with the library
 * that wrote it: every figure, every child row, every attribution, Vietnamese in NFC, and the
 * whole text against a golden file.
 */
@QuarkusTest
class ResultsReportTest extends ReportServiceTestBase {

    private static final String GOLDEN = "golden/results-report-kon-tum.txt";

    @Test
    void theCitysResultsReportIsADecree30DocumentWithEveryFigureRowAndAttribution() throws IOException {
        UUID root = UUID.randomUUID();
        UUID province = UUID.randomUUID();
        UUID city = UUID.randomUUID();
        UUID nguyenTrai = UUID.randomUUID();
        UUID quyetThang = UUID.randomUUID();
        UUID thongNhat = UUID.randomUUID();
        UUID campaign = UUID.randomUUID();
        UUID provincePlan = UUID.randomUUID();
        UUID cityPlan = UUID.randomUUID();
        UUID owedCity = UUID.randomUUID();
        UUID owedNt = UUID.randomUUID();
        UUID owedQt = UUID.randomUUID();
        UUID owedTn = UUID.randomUUID();
        OffsetDateTime due = OffsetDateTime.now().plusDays(10);
        publish(List.of(created(unit(root, "MINISTRY", "Bộ Lao động - Thương binh và Xã hội", null, List.of())),
                created(unit(province, "PROVINCE", "UBND tỉnh Kon Tum", root, List.of(root))),
                created(unit(city, "DISTRICT", "UBND thành phố Kon Tum", province, List.of(root, province))),
                created(unit(nguyenTrai, "COMMUNE", "Phường Nguyễn Trãi", city, List.of(root, province, city))),
                created(unit(quyetThang, "COMMUNE", "Phường Quyết Thắng", city, List.of(root, province, city))),
                created(unit(thongNhat, "COMMUNE", "Phường Thống Nhất", city, List.of(root, province, city)))));
        publish(List.of(plan(provincePlan, "75/KH-UBND", province, campaign, null, due),
                plan(cityPlan, "124/KH-UBND", city, campaign, provincePlan, due)));
        publish(List.of(obligation(owedCity, provincePlan, campaign, city, province, due),
                obligation(owedNt, cityPlan, campaign, nguyenTrai, city, due),
                obligation(owedQt, cityPlan, campaign, quyetThang, city, due),
                obligation(owedTn, cityPlan, campaign, thongNhat, city, due)));
        awaitReplicated(List.of(root, province, city, nguyenTrai, quyetThang, thongNhat),
                List.of(owedCity, owedNt, owedQt, owedTn));
        submit(nguyenTrai, owedNt, Map.of("LAUNCH_CEREMONY_HELD", true, "COMM_EVENTS", 5, "FUND_RAISED_VND", 1_500_000,
                        "CHILDREN_GIFTED", 120, "GIFTS_COUNT", 150),
                "Tổ chức Lễ phát động tại Nhà Văn hóa phường", "Kinh phí hạn hẹp", "Đề nghị hỗ trợ kinh phí tặng quà");
        submit(quyetThang, owedQt, Map.of("LAUNCH_CEREMONY_HELD", false, "COMM_EVENTS", 3, "FUND_RAISED_VND", 2_250_000,
                        "CHILDREN_GIFTED", 80, "SWIM_LESSON_CHILDREN", 40),
                "Mở lớp dạy bơi cho 40 em", null, "Đề nghị bổ sung bể bơi di động");
        submit(city, owedCity, Map.of("LAUNCH_CEREMONY_HELD", true, "COMM_EVENTS", 2, "FUND_RAISED_VND", 10_000_000),
                "Thành phố tổ chức Lễ phát động cấp thành phố", "Một số phường báo cáo chậm", null);
        awaitConsistent();

        byte[] docx = as(city, "viewer").accept(ResultsDocx.MEDIA_TYPE).queryParam("unit", city)
                .queryParam("plan", provincePlan).get("/api/v1/consolidations/report").then().statusCode(200)
                .contentType(ResultsDocx.MEDIA_TYPE).extract().asByteArray();

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            String text = extractor.getText();
            assertThat(text).isEqualTo(Normalizer.normalize(text, Normalizer.Form.NFC));
            assertThat(text).contains("UBND TỈNH KON TUM", "UBND THÀNH PHỐ KON TUM", "Số:        /BC-UBND",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO",
                    "Thực hiện Kế hoạch số 75/KH-UBND",
                    "- Tổ chức Lễ phát động Tháng hành động: 2 đơn vị thực hiện.",
                    "- Số hoạt động truyền thông đã tổ chức: 10 hoạt động.",
                    "- Số tiền vận động ủng hộ Quỹ Bảo trợ trẻ em: 13.750.000 đồng.",
                    "- Số trẻ em được tặng quà (người): 200 trẻ em.",
                    "- Số suất (lượt) quà tặng trẻ em: 150 suất quà.",
                    "3/4 đơn vị đã báo cáo", "chưa báo cáo: Phường Thống Nhất.",
                    "- UBND thành phố Kon Tum (đơn vị báo cáo): Thành phố tổ chức Lễ phát động cấp thành phố",
                    "- Phường Nguyễn Trãi: Kinh phí hạn hẹp", "- Phường Quyết Thắng: Đề nghị bổ sung bể bơi di động",
                    "Nơi nhận:", "- UBND tỉnh Kon Tum (b/c);", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH");
            List<String> firstColumn = new ArrayList<>();
            for (XWPFTable t : doc.getTables().subList(2, doc.getTables().size())) {
                t.getRows().forEach(r -> firstColumn.add(r.getCell(0).getText()));
            }
            assertThat(firstColumn).contains("Phường Nguyễn Trãi", "Phường Quyết Thắng", "Phường Thống Nhất",
                    "UBND thành phố Kon Tum (trực tiếp)", "Tổng cộng");
            Map<String, String> row = new LinkedHashMap<>();
            XWPFTable resources = doc.getTables().get(3);
            for (int c = 0; c < resources.getRow(0).getTableCells().size(); c++) {
                row.put(resources.getRow(0).getCell(c).getText(), resources.getRow(resources.getNumberOfRows() - 1).getCell(c).getText());
            }
            assertThat(row).containsEntry("Đơn vị", "Tổng cộng").containsEntry("Số tiền vận động ủng hộ Quỹ Bảo trợ trẻ em", "13.750.000");

            Path written = Path.of("target", "results-report-kon-tum.txt");
            Files.writeString(written, text);
            assertThat(text).as("the document's text, against %s (the text written is in %s)", GOLDEN, written)
                    .isEqualTo(golden());
        }

        // The same report as a PDF, its text read back page by page.
        byte[] pdf = as(city, "viewer").accept(ResultsPdf.MEDIA_TYPE).queryParam("unit", city)
                .queryParam("plan", provincePlan).get("/api/v1/consolidations/report").then().statusCode(200)
                .contentType(ResultsPdf.MEDIA_TYPE).extract().asByteArray();
        StringBuilder pdfText = new StringBuilder();
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
        try {
            com.lowagie.text.pdf.parser.PdfTextExtractor extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                pdfText.append(extractor.getTextFromPage(page)).append('\n');
            }
        } finally {
            reader.close();
        }
        String flat = Normalizer.normalize(pdfText.toString(), Normalizer.Form.NFC).replaceAll("\\s+", " ");
        assertThat(flat).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BÁO CÁO", "13.750.000 đồng", "200 trẻ em",
                "chưa báo cáo: Phường Thống Nhất", "Phường Nguyễn Trãi: Kinh phí hạn hẹp", "Tổng cộng", "Phường Quyết Thắng");
    }

    private static void submit(UUID unit, UUID obligation, Map<String, Object> figures, String results, String difficulties,
                               String proposals) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("obligationId", obligation);
        body.put("figures", figures);
        body.put("results", results);
        body.put("difficulties", difficulties);
        body.put("proposals", proposals);
        String id = as(unit, "reporter").body(body).post("/api/v1/reports").then().statusCode(201).extract().path("id");
        as(unit, "reporter").post("/api/v1/reports/" + id + "/submit").then().statusCode(200);
    }

    private static String golden() throws IOException {
        try (InputStream in = ResultsReportTest.class.getClassLoader().getResourceAsStream(GOLDEN)) {
            return in == null ? "(no golden file)" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
