package vn.actionmonth.report.service;

import vn.actionmonth.common.rest.CsvCells;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.actionmonth.report.domain.Indicator;
import vn.actionmonth.report.domain.IndicatorType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;

/**
 * The consolidation table as an official opens it in Excel: Vietnamese headers, one row per
 * child unit, then the unit's own row and the total; VND with '.' between thousands.
 */
public final class TableExport {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV = "text/csv";

    private TableExport() {
    }

    public static String header(Indicator i) {
        return i.nameVi() + " (" + (i.type() == IndicatorType.MONEY ? "đồng" : i.unit()) + ")";
    }

    static String label(ConsolidationService.Row row) {
        return switch (row.kind()) {
            case CHILD -> row.unitName();
            case OWN -> row.unitName() + " (tự thực hiện)";
            case TOTAL -> "Tổng cộng";
        };
    }

    /** "1.500.000" for 1500000 VND. */
    public static String vnd(long value) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        return new DecimalFormat("#,##0", symbols).format(value);
    }

    /**
     * A value as written in a file: "1.500.000" for money; a range as now over a split unit as
     * "12 – 15" (lower bound, upper bound), written as text so nobody adds it up as a number.
     */
    static String cell(Indicator i, ConsolidationService.Row row) {
        long v = row.values().getOrDefault(i.code(), 0L);
        Long upTo = row.upTo().get(i.code());
        String low = i.type() == IndicatorType.MONEY ? vnd(v) : Long.toString(v);
        if (upTo == null) {
            return low;
        }
        return low + " – " + (i.type() == IndicatorType.MONEY ? vnd(upTo) : Long.toString(upTo));
    }

    /** UTF-8 with a byte order mark, so that Excel reads the Vietnamese headers right. */
    public static byte[] csv(ConsolidationService.Table table) {
        List<Indicator> columns = table.columns();
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append(quote("Đơn vị"));
        columns.forEach(i -> sb.append(',').append(quote(header(i))));
        sb.append("\r\n");
        for (ConsolidationService.Row row : table.rows()) {
            sb.append(quote(label(row)));
            for (Indicator i : columns) {
                sb.append(',').append(quote(cell(i, row)));
            }
            sb.append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The workbook: sheet "Tổng hợp" with the header block of an administrative document (the unit
     * above and the unit, quốc hiệu and tiêu ngữ, place and date left to fill), a title, then the
     * table (a row per child, the unit's own row, the total); sheet "Cấp dưới" with the level below
     * the children, each row naming the child it belongs to.
     */
    public static byte[] xlsx(ConsolidationService.Workbook book) {
        ConsolidationService.Table table = book.table();
        List<Indicator> columns = table.columns();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "report-service", "1.0");
            Worksheet ws = wb.newWorksheet("Tổng hợp");
            int right = Math.max(3, columns.size() / 2);
            if (book.superiorName() != null) {
                ws.value(0, 0, upper(book.superiorName()));
            }
            ws.value(1, 0, upper(table.unitName()));
            ws.style(1, 0).bold().set();
            ws.value(0, right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            ws.style(0, right).bold().set();
            ws.value(1, right, "Độc lập - Tự do - Hạnh phúc");
            ws.style(1, right).bold().set();
            ws.value(2, right, "…, ngày … tháng … năm …");
            ws.style(2, right).italic().set();
            ws.value(4, 0, "BẢNG TỔNG HỢP SỐ LIỆU KẾT QUẢ THỰC HIỆN THÁNG HÀNH ĐỘNG VÌ TRẺ EM");
            ws.style(4, 0).bold().set();
            int r = HEADER_ROWS;
            header(ws, r++, "Đơn vị", null, columns);
            for (ConsolidationService.Row row : table.rows()) {
                values(ws, r++, label(row), null, columns, row, row.kind() == ConsolidationService.RowKind.TOTAL);
            }
            Worksheet below = wb.newWorksheet("Cấp dưới");
            header(below, 0, "Đơn vị", "Thuộc", columns);
            int b = 1;
            for (ConsolidationService.Level level : book.nextLevel()) {
                values(below, b++, level.row().unitName(), level.parentName(), columns, level.row(), false);
            }
            wb.finish();
        } catch (IOException e) {
            throw new IllegalStateException("could not write the workbook", e);
        }
        return out.toByteArray();
    }

    /** Rows above the table on the first sheet: the header block and the title. */
    public static final int HEADER_ROWS = 6;

    private static void header(Worksheet ws, int r, String first, String second, List<Indicator> columns) {
        int c = 0;
        ws.value(r, c, first);
        ws.style(r, c++).bold().set();
        if (second != null) {
            ws.value(r, c, second);
            ws.style(r, c++).bold().set();
        }
        for (Indicator i : columns) {
            ws.value(r, c, header(i));
            ws.style(r, c++).bold().wrapText(true).set();
        }
    }

    private static void values(Worksheet ws, int r, String first, String second, List<Indicator> columns,
                               ConsolidationService.Row row, boolean bold) {
        int c = 0;
        ws.value(r, c, first);
        if (bold) {
            ws.style(r, c).bold().set();
        }
        c++;
        if (second != null) {
            ws.value(r, c++, second);
        }
        for (Indicator i : columns) {
            if (row.upTo().containsKey(i.code())) {
                ws.value(r, c, cell(i, row));
            } else {
                ws.value(r, c, row.values().getOrDefault(i.code(), 0L));
            }
            var style = ws.style(r, c++).format("#,##0");
            (bold ? style.bold() : style).set();
        }
    }

    private static String upper(String s) {
        return s.toUpperCase(new java.util.Locale("vi"));
    }

    private static String quote(String s) {
        return CsvCells.quote(s);
    }
}
