package vn.actionmonth.report;

import vn.actionmonth.report.domain.Aggregation;
import vn.actionmonth.report.domain.Indicator;
import vn.actionmonth.report.domain.IndicatorSet;
import vn.actionmonth.report.domain.IndicatorType;

import java.util.List;

/** A small set with every kind of indicator, a text one too (the shipped CAM set has none), for pure-logic tests. */
final class TestIndicatorSet {

    /** COMM_EVENTS (integer, sum), FUND_RAISED_VND (money, sum), LAUNCH_CEREMONY_HELD (yes/no, counted), HIGHLIGHTS (text). */
    static final IndicatorSet WITH_TEXT = new IndicatorSet("TEST", 1, "Bộ chỉ tiêu thử", List.of(
            new Indicator("COMM_EVENTS", "communication", "Số hoạt động truyền thông", "Communication events", "event",
                    IndicatorType.INTEGER, Aggregation.SUM),
            new Indicator("FUND_RAISED_VND", "resources", "Số tiền vận động", "Money raised", "VND", IndicatorType.MONEY,
                    Aggregation.SUM),
            new Indicator("LAUNCH_CEREMONY_HELD", "communication", "Tổ chức Lễ phát động", "Launch held", "unit",
                    IndicatorType.BOOLEAN, Aggregation.COUNT_TRUE),
            new Indicator("HIGHLIGHTS", "narrative", "Điểm nổi bật", "Highlights", "text", IndicatorType.TEXT,
                    Aggregation.NONE)));

    private TestIndicatorSet() {
    }
}
