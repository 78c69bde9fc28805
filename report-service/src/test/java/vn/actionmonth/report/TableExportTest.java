package vn.actionmonth.report;

import org.junit.jupiter.api.Test;
import vn.actionmonth.report.domain.Aggregation;
import vn.actionmonth.report.domain.Basis;
import vn.actionmonth.report.domain.Indicator;
import vn.actionmonth.report.domain.IndicatorSet;
import vn.actionmonth.report.domain.IndicatorType;
import vn.actionmonth.report.domain.Tree;
import vn.actionmonth.report.service.ConsolidationService;
import vn.actionmonth.report.service.TableExport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV export cannot carry a formula into the spreadsheet of whoever opens it. */
class TableExportTest {

    @Test
    void aCellThatExcelWouldRunIsWrittenAsText() {
        Indicator events = new Indicator("COMM_EVENTS", "communication", "Số hoạt động truyền thông", "Communication events",
                "event", IndicatorType.INTEGER, Aggregation.SUM);
        List<String> names = List.of("=HYPERLINK(\"http://x\",\"Nhấn\")", "+84 phường", "-1 xã", "@SUM(A1)", "\tTab",
                "\rCR", "Phường Nguyễn Trãi");
        List<ConsolidationService.Row> rows = names.stream().map(n -> new ConsolidationService.Row(
                ConsolidationService.RowKind.CHILD, null, n, Map.of("COMM_EVENTS", 3L), Map.of())).toList();
        ConsolidationService.Table table = new ConsolidationService.Table(null, "Thành phố Kon Tum", null, Basis.SUBMITTED,
                Tree.AS_THEN, new IndicatorSet("CAM", 1, "Tháng hành động vì trẻ em", List.of(events)), rows);
        String csv = new String(TableExport.csv(table), StandardCharsets.UTF_8);

        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"Nhấn\"\")\"", "\"'+84 phường\"", "\"'-1 xã\"",
                "\"'@SUM(A1)\"", "\"'\tTab\"", "\"'\rCR\"", "\"Phường Nguyễn Trãi\"");
        assertThat(csv).doesNotContain("\"=HYPERLINK", "\"+84", "\"-1", "\"@SUM");
    }

    @Test
    void aRangeAsNowIsWrittenAsTextFromLowerToUpperBound() {
        Indicator fund = new Indicator("FUND_RAISED_VND", "fund", "Số tiền vận động", "Funds raised", "VND",
                IndicatorType.MONEY, Aggregation.SUM);
        ConsolidationService.Row split = new ConsolidationService.Row(ConsolidationService.RowKind.CHILD, null,
                "Phường Đăk Bla", Map.of("FUND_RAISED_VND", 1_500_000L), Map.of("FUND_RAISED_VND", 2_000_000L));
        ConsolidationService.Row whole = new ConsolidationService.Row(ConsolidationService.RowKind.TOTAL, null,
                "Tỉnh Quảng Ngãi", Map.of("FUND_RAISED_VND", 9_000_000L), Map.of());
        ConsolidationService.Table table = new ConsolidationService.Table(null, "Tỉnh Quảng Ngãi", null, Basis.SUBMITTED,
                Tree.AS_NOW, new IndicatorSet("CAM", 1, "Tháng hành động vì trẻ em", List.of(fund)), List.of(split, whole));
        String csv = new String(TableExport.csv(table), StandardCharsets.UTF_8);

        assertThat(csv).contains("\"1.500.000 – 2.000.000\"", "\"9.000.000\"");
    }
}
