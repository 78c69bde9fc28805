package vn.actionmonth.report.service;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import vn.actionmonth.report.domain.Aggregation;
import vn.actionmonth.report.domain.Indicator;
import vn.actionmonth.report.domain.IndicatorType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a unit's results report as a Word document in the form of Decree 30/2020/NĐ-CP: the
 * header block (superior and issuing body, number left for the clerk; quốc hiệu, tiêu ngữ, place
 * and date left to fill at signing), the document type and summary, an opening naming the plan it
 * answers, the results by part of the indicator set in Vietnamese, completeness, difficulties and
 * proposals attributed to the unit that wrote them, an appendix with a table per part (a row per
 * child unit, the unit's own row and the total), "Nơi nhận" and an empty signature block. Text is
 * written in NFC; numbers with "." thousands separators.
 */
public final class ResultsDocx {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String FONT = "Times New Roman";

    /** The parts of the indicator set, as the report's sections name them. */
    private static final Map<String, String> PARTS = Map.of(
            "communication", "Công tác truyền thông, vận động",
            "resources", "Huy động nguồn lực, chăm lo cho trẻ em",
            "health", "Chăm sóc sức khỏe trẻ em",
            "participation", "Thúc đẩy quyền tham gia của trẻ em",
            "safety", "Phòng, chống tai nạn, thương tích, đuối nước cho trẻ em");

    /** What an indicator counts, as a sentence says it after the number. */
    private static final Map<String, String> UNIT_WORDS = Map.ofEntries(
            Map.entry("event", "hoạt động"), Map.entry("person", "lượt người"), Map.entry("VND", "đồng"),
            Map.entry("child", "trẻ em"), Map.entry("gift", "suất quà"), Map.entry("scholarship", "suất"),
            Map.entry("forum", "diễn đàn"), Map.entry("work", "công trình"), Map.entry("unit", "đơn vị"));

    private ResultsDocx() {
    }

    public static byte[] write(ResultsReportService.ResultsReport r) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            header(doc, r);
            for (Line line : body(r)) {
                switch (line.style()) {
                    case TITLE -> paragraph(doc, ParagraphAlignment.CENTER, true, false, line.text());
                    case HEADING -> paragraph(doc, ParagraphAlignment.LEFT, true, false, line.text());
                    case TEXT -> paragraph(doc, ParagraphAlignment.BOTH, false, false, line.text());
                }
            }
            footer(doc, r);

            paragraph(doc, ParagraphAlignment.CENTER, true, false, "PHỤ LỤC: SỐ LIỆU THEO ĐƠN VỊ");
            for (Map.Entry<String, List<Indicator>> part : parts(r.table().columns()).entrySet()) {
                paragraph(doc, ParagraphAlignment.LEFT, true, false, partTitle(part.getKey()));
                table(doc, r, part.getValue());
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("could not write the results report", e);
        }
    }

    /** How a line of the report's body is set: the document type and summary, a heading, running text. */
    enum Style { TITLE, HEADING, TEXT }

    /** A line of the report's body. */
    record Line(Style style, String text) {
    }

    /**
     * The report's body, from its type and summary to the closing sentence, in order: the wording
     * both renderings (this one and {@link ResultsPdf}) set, each in its own format.
     */
    static List<Line> body(ResultsReportService.ResultsReport r) {
        List<Line> out = new ArrayList<>();
        String year = r.year() == null ? "…" : r.year().toString();
        out.add(new Line(Style.TITLE, "BÁO CÁO"));
        out.add(new Line(Style.TITLE, "Kết quả thực hiện Tháng hành động vì trẻ em năm " + year));
        out.add(new Line(Style.TEXT, opening(r)));
        out.add(new Line(Style.HEADING, "I. KẾT QUẢ THỰC HIỆN"));
        Map<String, Long> total = row(r, ConsolidationService.RowKind.TOTAL).values();
        int n = 0;
        for (Map.Entry<String, List<Indicator>> part : parts(r.table().columns()).entrySet()) {
            out.add(new Line(Style.HEADING, (++n) + ". " + partTitle(part.getKey())));
            for (Indicator i : part.getValue()) {
                out.add(new Line(Style.TEXT, "- " + i.nameVi() + ": " + amount(i, total.getOrDefault(i.code(), 0L)) + "."));
            }
        }
        out.add(new Line(Style.HEADING, (++n) + ". Tiến độ báo cáo"));
        out.add(new Line(Style.TEXT, completeness(r)));
        List<String> results = attributed(r, ResultsReportService.Narrative::results);
        if (!results.isEmpty()) {
            out.add(new Line(Style.HEADING, (++n) + ". Kết quả nổi bật"));
            results.forEach(t -> out.add(new Line(Style.TEXT, t)));
        }
        out.add(new Line(Style.HEADING, "II. KHÓ KHĂN, VƯỚNG MẮC"));
        lines(out, attributed(r, ResultsReportService.Narrative::difficulties));
        out.add(new Line(Style.HEADING, "III. ĐỀ XUẤT, KIẾN NGHỊ"));
        lines(out, attributed(r, ResultsReportService.Narrative::proposals));
        out.add(new Line(Style.TEXT, "Trên đây là báo cáo kết quả thực hiện Tháng hành động vì trẻ em năm " + year + " của "
                + r.unit().name() + "./."));
        return out;
    }

    /** How an appendix row names its unit. */
    static String rowLabel(ConsolidationService.Row row) {
        return switch (row.kind()) {
            case CHILD -> row.unitName();
            case OWN -> row.unitName() + " (trực tiếp)";
            case TOTAL -> "Tổng cộng";
        };
    }

    private static void header(XWPFDocument doc, ResultsReportService.ResultsReport r) {
        XWPFTable t = doc.createTable(1, 2);
        t.removeBorders();
        t.setWidth("100%");
        XWPFTableCell left = t.getRow(0).getCell(0);
        XWPFTableCell right = t.getRow(0).getCell(1);
        if (r.superiorName() != null) {
            cellLine(left, upper(r.superiorName()), false, false, true);
            cellLine(left, upper(r.unit().name()), true, false, false);
        } else {
            cellLine(left, upper(r.unit().name()), true, false, true);
        }
        cellLine(left, "Số:        /BC-" + symbol(r.unit().name()), false, false, false);
        cellLine(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true, false, true);
        cellLine(right, "Độc lập - Tự do - Hạnh phúc", true, false, false);
        cellLine(right, "…, ngày … tháng … năm " + (r.year() == null ? "…" : r.year()), false, true, false);
    }

    private static void footer(XWPFDocument doc, ResultsReportService.ResultsReport r) {
        XWPFTable t = doc.createTable(1, 2);
        t.removeBorders();
        t.setWidth("100%");
        XWPFTableCell left = t.getRow(0).getCell(0);
        XWPFTableCell right = t.getRow(0).getCell(1);
        cellLine(left, "Nơi nhận:", true, true, true);
        r.sendTo().forEach(to -> cellLine(left, "- " + to + " (b/c);", false, false, false));
        cellLine(left, "- Lưu: VT.", false, false, false);
        boolean first = true;
        for (String line : signature(r.unit().kind())) {
            cellLine(right, line, true, false, first);
            first = false;
        }
        for (int i = 0; i < 3; i++) {
            cellLine(right, "", false, false, false);
        }
    }

    /** The title of the head who signs, by the kind of unit (chữ ký left empty). */
    static List<String> signature(String kind) {
        return switch (kind == null ? "" : kind) {
            case "PROVINCE", "DISTRICT", "COMMUNE" -> List.of("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH");
            case "DEPARTMENT" -> List.of("GIÁM ĐỐC");
            case "MINISTRY" -> List.of("BỘ TRƯỞNG");
            default -> List.of("THỦ TRƯỞNG ĐƠN VỊ");
        };
    }

    /** "Thực hiện Kế hoạch số 75/KH-UBND của UBND tỉnh Kon Tum về tổ chức …, UBND thành phố Kon Tum báo cáo …". */
    static String opening(ResultsReportService.ResultsReport r) {
        String title = nfc(r.plan().title).strip();
        if (title.toLowerCase(new Locale("vi")).startsWith("kế hoạch ")) {
            title = title.substring("kế hoạch ".length());
        }
        String number = r.plan().number;
        String plan = number == null || number.isBlank() || number.startsWith("/") ? "Kế hoạch" : "Kế hoạch số " + number;
        String by = r.planIssuerName() == null ? "" : " của " + r.planIssuerName();
        return "Thực hiện " + plan + by + " về " + title + ", " + r.unit().name() + " báo cáo kết quả thực hiện như sau:";
    }

    static String completeness(ResultsReportService.ResultsReport r) {
        var c = r.completeness().subtree();
        List<String> missing = r.completeness().missing().stream().map(CompletenessService.Entry::unitName).distinct().toList();
        return number(c.received()) + "/" + number(c.owed()) + " đơn vị đã báo cáo; " + number(c.onTime()) + " đúng hạn; "
                + "chưa báo cáo: " + (missing.isEmpty() ? "không" : String.join(", ", missing)) + ".";
    }

    /** "- Phường Nguyễn Trãi: …" for each unit that wrote something under that part, its own first. */
    static List<String> attributed(ResultsReportService.ResultsReport r,
                                           java.util.function.Function<ResultsReportService.Narrative, String> part) {
        List<String> out = new ArrayList<>();
        for (ResultsReportService.Narrative n : r.narratives()) {
            String text = part.apply(n);
            if (text != null && !text.isBlank()) {
                out.add("- " + n.unitName() + (n.own() ? " (đơn vị báo cáo)" : "") + ": " + nfc(text.strip()));
            }
        }
        return out;
    }

    private static void lines(List<Line> out, List<String> lines) {
        if (lines.isEmpty()) {
            out.add(new Line(Style.TEXT, "Không có."));
        }
        lines.forEach(t -> out.add(new Line(Style.TEXT, t)));
    }

    private static void table(XWPFDocument doc, ResultsReportService.ResultsReport r, List<Indicator> columns) {
        List<ConsolidationService.Row> rows = r.table().rows();
        XWPFTable t = doc.createTable(rows.size() + 1, columns.size() + 1);
        t.setTableAlignment(TableRowAlign.CENTER);
        t.setWidth("100%");
        XWPFTableRow head = t.getRow(0);
        cell(head.getCell(0), "Đơn vị", true);
        for (int c = 0; c < columns.size(); c++) {
            cell(head.getCell(c + 1), columns.get(c).nameVi(), true);
        }
        for (int i = 0; i < rows.size(); i++) {
            ConsolidationService.Row row = rows.get(i);
            XWPFTableRow tr = t.getRow(i + 1);
            boolean total = row.kind() == ConsolidationService.RowKind.TOTAL;
            cell(tr.getCell(0), rowLabel(row), total);
            for (int c = 0; c < columns.size(); c++) {
                cell(tr.getCell(c + 1), TableExport.cell(columns.get(c), row), total);
            }
        }
    }

    static ConsolidationService.Row row(ResultsReportService.ResultsReport r, ConsolidationService.RowKind kind) {
        return r.table().rows().stream().filter(x -> x.kind() == kind).findFirst().orElseThrow();
    }

    static Map<String, List<Indicator>> parts(List<Indicator> columns) {
        Map<String, List<Indicator>> out = new LinkedHashMap<>();
        for (String key : List.of("communication", "resources", "health", "participation", "safety")) {
            columns.stream().filter(i -> key.equals(i.group())).forEach(i -> out.computeIfAbsent(key, k -> new ArrayList<>()).add(i));
        }
        columns.stream().filter(i -> !PARTS.containsKey(i.group()))
                .forEach(i -> out.computeIfAbsent(i.group(), k -> new ArrayList<>()).add(i));
        return out;
    }

    static String partTitle(String group) {
        return PARTS.getOrDefault(group, group);
    }

    /** "12 hoạt động", "1.500.000 đồng", "3 đơn vị tổ chức" for a yes/no counted where true. */
    static String amount(Indicator i, long value) {
        String number = i.type() == IndicatorType.MONEY ? TableExport.vnd(value) : number(value);
        if (i.aggregation() == Aggregation.COUNT_TRUE) {
            return number + " đơn vị thực hiện";
        }
        String word = UNIT_WORDS.get(i.unit());
        return word == null ? number : number + " " + word;
    }

    private static String number(long value) {
        return TableExport.vnd(value);
    }

    /** The letters after "/BC-" in the number: the initials of the issuing body, e.g. UBND for Ủy ban nhân dân. */
    static String symbol(String unitName) {
        String n = unitName.toUpperCase(Locale.ROOT);
        if (n.startsWith("UBND") || n.startsWith("ỦY BAN NHÂN DÂN")) {
            return "UBND";
        }
        StringBuilder sb = new StringBuilder();
        for (String w : Normalizer.normalize(unitName, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('Đ', 'D')
                .replace('đ', 'd').split("\\s+")) {
            if (!w.isEmpty() && Character.isLetter(w.charAt(0))) {
                sb.append(Character.toUpperCase(w.charAt(0)));
            }
        }
        return sb.length() > 8 ? sb.substring(0, 8) : sb.toString();
    }

    static String upper(String s) {
        return nfc(s).toUpperCase(new Locale("vi"));
    }

    private static String nfc(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    private static void paragraph(XWPFDocument doc, ParagraphAlignment align, boolean bold, boolean italic, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        run(p, text, bold, italic);
    }

    private static void cellLine(XWPFTableCell cell, String text, boolean bold, boolean italic, boolean first) {
        XWPFParagraph p = first ? cell.getParagraphs().get(0) : cell.addParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, text, bold, italic);
    }

    private static void cell(XWPFTableCell cell, String text, boolean bold) {
        run(cell.getParagraphs().get(0), text, bold, false);
    }

    private static void run(XWPFParagraph p, String text, boolean bold, boolean italic) {
        XWPFRun run = p.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(13);
        run.setBold(bold);
        run.setItalic(italic);
        run.setText(nfc(text));
    }
}
