package vn.actionmonth.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import vn.actionmonth.common.problem.Problem;
import vn.actionmonth.common.problem.ProblemException;
import vn.actionmonth.report.domain.Aggregation;
import vn.actionmonth.report.domain.Indicator;
import vn.actionmonth.report.domain.IndicatorSet;
import vn.actionmonth.report.domain.IndicatorType;
import vn.actionmonth.report.service.FigureValidator;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The figure rules on a set that also has a text indicator (the shipped CAM set has none). */
class FigureValidatorTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final FigureValidator validator = new FigureValidator(mapper);
    private final IndicatorSet set = new IndicatorSet("TEST", 1, "Bộ chỉ tiêu thử", List.of(
            new Indicator("COMM_EVENTS", "communication", "Số hoạt động truyền thông", "Communication events", "event",
                    IndicatorType.INTEGER, Aggregation.SUM),
            new Indicator("FUND_RAISED_VND", "resources", "Số tiền vận động", "Money raised", "VND", IndicatorType.MONEY,
                    Aggregation.SUM),
            new Indicator("LAUNCH_CEREMONY_HELD", "communication", "Tổ chức Lễ phát động", "Launch held", "unit",
                    IndicatorType.BOOLEAN, Aggregation.COUNT_TRUE),
            new Indicator("HIGHLIGHTS", "narrative", "Điểm nổi bật", "Highlights", "text", IndicatorType.TEXT,
                    Aggregation.NONE)));

    @Test
    void acceptsWellTypedFiguresAndNormalisesTextToNfc() {
        JsonNode out = validator.validate(set, Map.of("COMM_EVENTS", mapper.valueToTree(12),
                "FUND_RAISED_VND", mapper.valueToTree(15_500_000.0), "LAUNCH_CEREMONY_HELD", mapper.valueToTree(true),
                "HIGHLIGHTS", mapper.valueToTree("Tha\u0300nh công")));
        assertThat(out.get("FUND_RAISED_VND").isIntegralNumber()).isTrue();
        assertThat(out.get("FUND_RAISED_VND").asLong()).isEqualTo(15_500_000L);
        assertThat(out.get("HIGHLIGHTS").asText()).isEqualTo("Thành công");
    }

    @Test
    void namesEveryWrongFigure() {
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> validator.validate(set, Map.of(
                "COMM_EVENTS", mapper.valueToTree(-3),
                "FUND_RAISED_VND", mapper.valueToTree(1500.5),
                "LAUNCH_CEREMONY_HELD", mapper.valueToTree("có"),
                "HIGHLIGHTS", mapper.valueToTree("x".repeat(FigureValidator.MAX_TEXT + 1)),
                "UNKNOWN", mapper.valueToTree(1))));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.violations()).extracting(Problem.Violation::field).containsExactlyInAnyOrder(
                "figures.COMM_EVENTS", "figures.FUND_RAISED_VND", "figures.LAUNCH_CEREMONY_HELD", "figures.HIGHLIGHTS",
                "figures.UNKNOWN");
    }

    @Test
    void refusesTextWhereANumberIsExpected() {
        ProblemException e = catchThrowableOfType(ProblemException.class,
                () -> validator.validate(set, Map.of("HIGHLIGHTS", mapper.valueToTree(12))));
        assertThat(e.violations()).extracting(Problem.Violation::field).containsExactly("figures.HIGHLIGHTS");
    }

    @Test
    void aNumberBeyondADoubleOrATextPostgresCannotStoreIsRefusedNotAnError() throws Exception {
        JsonNode infinite = mapper.readTree("{\"a\": 1e400, \"b\": -1e400}");
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> validator.validate(set, Map.of(
                "COMM_EVENTS", infinite.get("a"), "FUND_RAISED_VND", infinite.get("b"),
                "HIGHLIGHTS", mapper.valueToTree("Kon\u0000Tum"))));
        assertThat(e.violations()).extracting(Problem.Violation::message).containsExactlyInAnyOrder(
                "must be at most " + FigureValidator.MAX_COUNT, "must not be negative",
                "must not contain the control character U+0000");
    }
}
