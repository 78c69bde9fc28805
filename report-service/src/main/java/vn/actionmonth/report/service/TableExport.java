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

    public static byte[] xlsx(ConsolidationService.Table table) {
        List<Indicator> columns = table.columns();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "report-service", "1.0");
            Worksheet ws = wb.newWorksheet("Tổng hợp");
            ws.value(0, 0, "Đơn vị");
            ws.style(0, 0).bold().set();
            for (int c = 0; c < columns.size(); c++) {
                ws.value(0, c + 1, header(columns.get(c)));
                ws.style(0, c + 1).bold().wrapText(true).set();
            }
            int r = 1;
            for (ConsolidationService.Row row : table.rows()) {
                boolean total = row.kind() == ConsolidationService.RowKind.TOTAL;
                ws.value(r, 0, label(row));
                if (total) {
                    ws.style(r, 0).bold().set();
                }
                for (int c = 0; c < columns.size(); c++) {
                    Indicator i = columns.get(c);
                    if (row.upTo().containsKey(i.code())) {
                        ws.value(r, c + 1, cell(i, row));
                    } else {
                        ws.value(r, c + 1, row.values().getOrDefault(i.code(), 0L));
                    }
                    var style = ws.style(r, c + 1).format("#,##0");
                    (total ? style.bold() : style).set();
                }
                r++;
            }
            wb.finish();
        } catch (IOException e) {
            throw new IllegalStateException("could not write the workbook", e);
        }
        return out.toByteArray();
    }

    private static String quote(String s) {
        return CsvCells.quote(s);
    }
}
