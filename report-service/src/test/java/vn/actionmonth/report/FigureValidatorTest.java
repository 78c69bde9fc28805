package vn.actionmonth.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import vn.actionmonth.common.problem.Problem;
import vn.actionmonth.common.problem.ProblemException;
import vn.actionmonth.report.domain.IndicatorSet;
import vn.actionmonth.report.service.FigureValidator;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The figure rules on a set that also has a text indicator (the shipped CAM set has none). */
class FigureValidatorTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final FigureValidator validator = new FigureValidator(mapper);
    private final IndicatorSet set = TestIndicatorSet.WITH_TEXT;

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

    @Test
    void noFiguresAtAllAreAnEmptyReportNotAnError() {
        assertThat(validator.validate(set, null)).isEmpty();
    }

    @Test
    void aFigureNotEnteredIsLeftOut() {
        java.util.Map<String, JsonNode> figures = new java.util.HashMap<>();
        figures.put("COMM_EVENTS", mapper.nullNode());
        figures.put("HIGHLIGHTS", null);
        figures.put("LAUNCH_CEREMONY_HELD", mapper.valueToTree(false));
        assertThat(validator.validate(set, figures).toString()).isEqualTo("{\"LAUNCH_CEREMONY_HELD\":false}");
    }

    @Test
    void figuresComeBackInTheSetsOrderWhateverOrderTheyWereSentIn() {
        java.util.Map<String, JsonNode> figures = new java.util.LinkedHashMap<>();
        figures.put("HIGHLIGHTS", mapper.valueToTree("Tốt"));
        figures.put("LAUNCH_CEREMONY_HELD", mapper.valueToTree(true));
        figures.put("FUND_RAISED_VND", mapper.valueToTree(0));
        figures.put("COMM_EVENTS", mapper.valueToTree(3));
        assertThat(validator.validate(set, figures).toString()).isEqualTo(
                "{\"COMM_EVENTS\":3,\"FUND_RAISED_VND\":0,\"LAUNCH_CEREMONY_HELD\":true,\"HIGHLIGHTS\":\"Tốt\"}");
    }

    @Test
    void zeroAndExactlyTheCapAreAcceptedOneMoreIsNot() {
        JsonNode out = validator.validate(set, Map.of("COMM_EVENTS", mapper.valueToTree(FigureValidator.MAX_COUNT),
                "FUND_RAISED_VND", mapper.valueToTree(0)));
        assertThat(out.get("COMM_EVENTS").asLong()).isEqualTo(FigureValidator.MAX_COUNT);
        assertThat(out.get("FUND_RAISED_VND").asLong()).isZero();

        assertThat(messages(Map.of("COMM_EVENTS", mapper.valueToTree(FigureValidator.MAX_COUNT + 1),
                "FUND_RAISED_VND", mapper.valueToTree(FigureValidator.MAX_MONEY + 1)))).containsExactly(
                "must be at most " + FigureValidator.MAX_COUNT, "must be at most " + FigureValidator.MAX_MONEY);
    }

    @Test
    void eachWrongFigureSaysWhatIsWrongWithIt() {
        assertThat(messages(Map.of(
                "COMM_EVENTS", mapper.valueToTree("mười hai"),
                "FUND_RAISED_VND", mapper.valueToTree(1500.5),
                "LAUNCH_CEREMONY_HELD", mapper.valueToTree(1),
                "HIGHLIGHTS", mapper.valueToTree(true)))).containsExactly(
                "must be a whole number of event",
                "must be a whole number of VND (no fractions of a đồng); 1500.5 has a fraction",
                "must be text",
                "must be true or false");
        assertThat(messages(Map.of("COMM_EVENTS", mapper.valueToTree(-1)))).containsExactly("must not be negative");
    }

    @Test
    void aWholeNumberWrittenWithADecimalPointIsWhole() {
        assertThat(validator.validate(set, Map.of("COMM_EVENTS", mapper.valueToTree(new java.math.BigDecimal("12.00"))))
                .get("COMM_EVENTS").asLong()).isEqualTo(12L);
    }

    @Test
    void storedFiguresAreReadBackAsWritten() {
        JsonNode figures = validator.validate(set, Map.of("COMM_EVENTS", mapper.valueToTree(12),
                "HIGHLIGHTS", mapper.valueToTree("Thành công")));
        String stored = validator.write((com.fasterxml.jackson.databind.node.ObjectNode) figures);
        assertThat(stored).isEqualTo("{\"COMM_EVENTS\":12,\"HIGHLIGHTS\":\"Thành công\"}");
        JsonNode read = validator.read(stored);
        assertThat(read.get("COMM_EVENTS").asLong()).isEqualTo(12L);
        assertThat(read.get("HIGHLIGHTS").asText()).isEqualTo("Thành công");
        assertThat(read.size()).isEqualTo(2);
    }

    @Test
    void nothingStoredReadsAsNoFigures() {
        assertThat(validator.read(null)).isEmpty();
        assertThat(validator.read(" ")).isEmpty();
    }

    @Test
    void storedFiguresThatAreNotJsonAreAnErrorOfTheStoreNotOfTheCaller() {
        assertThatThrownBy(() -> validator.read("{figures"))
                .isInstanceOf(IllegalStateException.class).hasMessage("stored figures are not JSON");
    }

    /** The messages of the violations, in the order of the figures' codes. */
    private List<String> messages(Map<String, JsonNode> figures) {
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> validator.validate(set, figures));
        assertThat(e).as("refused").isNotNull();
        return e.violations().stream().map(Problem.Violation::message).toList();
    }
}
