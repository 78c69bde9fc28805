package vn.actionmonth.report.service;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import vn.actionmonth.report.domain.Indicator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The same results report as {@link ResultsDocx}, as a PDF (OpenPDF 2.0.5), for units that file
 * or send it as is. Rendered from the report itself, not converted from the Word file, so no office
 * suite is needed; the DejaVu Serif font shipped in the service's resources is embedded (the PDF
 * base fonts have no Vietnamese letters).
 */
public final class ResultsPdf {

    public static final String MEDIA_TYPE = "application/pdf";
    private static final BaseFont REGULAR = font("fonts/DejaVuSerif.ttf");
    private static final BaseFont BOLD = font("fonts/DejaVuSerif-Bold.ttf");

    private ResultsPdf() {
    }

    public static byte[] write(ResultsReportService.ResultsReport r) {
        Font text = new Font(REGULAR, 12);
        Font strong = new Font(BOLD, 12);
        Font small = new Font(REGULAR, 9);
        Font smallStrong = new Font(BOLD, 9);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 56, 42, 42, 42);
        try {
            PdfWriter.getInstance(doc, out);
            doc.open();
            PdfPTable header = borderless(2);
            String year = r.year() == null ? "…" : r.year().toString();
            header.addCell(lines(r.superiorName() == null ? List.of(ResultsDocx.upper(r.unit().name()))
                    : List.of(ResultsDocx.upper(r.superiorName()), ResultsDocx.upper(r.unit().name())), strong,
                    "Số:        /BC-" + ResultsDocx.symbol(r.unit().name()), text));
            header.addCell(lines(List.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"), strong,
                    "…, ngày … tháng … năm " + year, text));
            doc.add(header);
            for (ResultsDocx.Line line : ResultsDocx.body(r)) {
                doc.add(switch (line.style()) {
                    case TITLE -> centred(line.text(), strong);
                    case HEADING -> left(line.text(), strong);
                    case TEXT -> justified(line.text(), text);
                });
            }
            PdfPTable footer = borderless(2);
            PdfPCell to = new PdfPCell();
            to.setBorder(PdfPCell.NO_BORDER);
            to.addElement(new Paragraph("Nơi nhận:", smallStrong));
            r.sendTo().forEach(s -> to.addElement(new Paragraph("- " + s + " (b/c);", small)));
            to.addElement(new Paragraph("- Lưu: VT.", small));
            footer.addCell(to);
            footer.addCell(lines(ResultsDocx.signature(r.unit().kind()), strong, "", text));
            doc.add(footer);

            doc.newPage();
            doc.add(centred("PHỤ LỤC: SỐ LIỆU THEO ĐƠN VỊ", strong));
            for (Map.Entry<String, List<Indicator>> part : ResultsDocx.parts(r.table().columns()).entrySet()) {
                doc.add(left(ResultsDocx.partTitle(part.getKey()), strong));
                doc.add(table(r, part.getValue(), small, smallStrong));
            }
            doc.close();
            return out.toByteArray();
        } catch (DocumentException e) {
            throw new IllegalStateException("could not write the results report as PDF", e);
        }
    }

    private static PdfPTable table(ResultsReportService.ResultsReport r, List<Indicator> columns, Font text, Font strong) {
        PdfPTable t = new PdfPTable(columns.size() + 1);
        t.setWidthPercentage(100);
        t.setSpacingBefore(4);
        t.setSpacingAfter(8);
        t.addCell(new Phrase("Đơn vị", strong));
        columns.forEach(i -> t.addCell(new Phrase(i.nameVi(), strong)));
        for (ConsolidationService.Row row : r.table().rows()) {
            boolean total = row.kind() == ConsolidationService.RowKind.TOTAL;
            Font f = total ? strong : text;
            t.addCell(new Phrase(ResultsDocx.rowLabel(row), f));
            for (Indicator i : columns) {
                PdfPCell cell = new PdfPCell(new Phrase(TableExport.cell(i, row), f));
                cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                t.addCell(cell);
            }
        }
        return t;
    }

    private static PdfPTable borderless(int columns) {
        PdfPTable t = new PdfPTable(columns);
        t.setWidthPercentage(100);
        t.setSpacingAfter(12);
        return t;
    }

    private static PdfPCell lines(List<String> boldLines, Font strong, String last, Font text) {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(PdfPCell.NO_BORDER);
        for (String line : boldLines) {
            cell.addElement(centred(line, strong));
        }
        if (!last.isEmpty()) {
            cell.addElement(centred(last, text));
        }
        return cell;
    }

    private static Paragraph centred(String s, Font f) {
        Paragraph p = new Paragraph(s, f);
        p.setAlignment(Element.ALIGN_CENTER);
        return p;
    }

    private static Paragraph left(String s, Font f) {
        Paragraph p = new Paragraph(s, f);
        p.setSpacingBefore(4);
        return p;
    }

    private static Paragraph justified(String s, Font f) {
        Paragraph p = new Paragraph(s, f);
        p.setAlignment(Element.ALIGN_JUSTIFIED);
        return p;
    }

    private static BaseFont font(String resource) {
        try (InputStream in = ResultsPdf.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing font " + resource);
            }
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException("could not load font " + resource, e);
        }
    }
}
