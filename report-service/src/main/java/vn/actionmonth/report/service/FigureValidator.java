package vn.actionmonth.report.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.common.problem.Problem;
import vn.actionmonth.common.problem.Problems;
import vn.actionmonth.common.validation.TextRules;
import vn.actionmonth.report.domain.Indicator;
import vn.actionmonth.report.domain.IndicatorSet;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks figures against their indicator set and returns them in canonical form (indicators in
 * set order, text in NFC, whole numbers as longs). Every wrong figure is named as
 * {@code figures.<CODE>}; nothing is written when any is wrong.
 */
@ApplicationScoped
public class FigureValidator {

    /** Caps keep a national sum (100,000 units) inside a 64-bit integer. */
    public static final long MAX_COUNT = 1_000_000_000L;
    public static final long MAX_MONEY = 10_000_000_000_000L;
    public static final int MAX_TEXT = 2000;

    private final ObjectMapper mapper;

    public FigureValidator(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectNode validate(IndicatorSet set, Map<String, JsonNode> figures) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (figures == null) {
            return out;
        }
        List<Problem.Violation> violations = new ArrayList<>();
        Map<String, Indicator> known = set.byCode();
        Map<String, JsonNode> sorted = new TreeMap<>(figures);
        for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
            String field = "figures." + e.getKey();
            Indicator indicator = known.get(e.getKey());
            JsonNode v = e.getValue();
            if (indicator == null) {
                violations.add(Problem.Violation.body(field, "unknown indicator: set " + set.code() + " version "
                        + set.version() + " has no indicator " + e.getKey()));
                continue;
            }
            if (v == null || v.isNull()) {
                continue; // not entered
            }
            String error = check(indicator, v);
            if (error != null) {
                violations.add(Problem.Violation.body(field, error));
            }
        }
        if (!violations.isEmpty()) {
            throw Problems.invalid(violations);
        }
        for (Indicator i : set.indicators()) {
            JsonNode v = figures.get(i.code());
            if (v == null || v.isNull()) {
                continue;
            }
            switch (i.type()) {
                case INTEGER, MONEY -> out.put(i.code(), v.decimalValue().longValueExact());
                case BOOLEAN -> out.put(i.code(), v.booleanValue());
                case TEXT -> out.put(i.code(), Normalizer.normalize(v.textValue(), Normalizer.Form.NFC));
            }
        }
        return out;
    }

    private static String check(Indicator i, JsonNode v) {
        return switch (i.type()) {
            case INTEGER -> whole(v, MAX_COUNT, "a whole number of " + i.unit());
            case MONEY -> whole(v, MAX_MONEY, "a whole number of VND (no fractions of a đồng)");
            case BOOLEAN -> v.isBoolean() ? null : "must be true or false";
            case TEXT -> !v.isTextual() ? "must be text" : TextRules.problem(v.textValue(), MAX_TEXT, false);
        };
    }

    private static String whole(JsonNode v, long max, String what) {
        if (!v.isNumber()) {
            return "must be " + what;
        }
        // 1e400 reads as an infinite double, which has no decimal value.
        if (v.isFloatingPointNumber() && !Double.isFinite(v.doubleValue())) {
            return Double.isNaN(v.doubleValue()) || v.doubleValue() > 0 ? "must be at most " + max : "must not be negative";
        }
        BigDecimal d = v.decimalValue();
        if (d.stripTrailingZeros().scale() > 0) {
            return "must be " + what + "; " + v.asText() + " has a fraction";
        }
        if (d.signum() < 0) {
            return "must not be negative";
        }
        if (d.compareTo(BigDecimal.valueOf(max)) > 0) {
            return "must be at most " + max;
        }
        return null;
    }

    public String write(ObjectNode figures) {
        return figures.toString();
    }

    public ObjectNode read(String json) {
        try {
            return json == null || json.isBlank() ? JsonNodeFactory.instance.objectNode() : (ObjectNode) mapper.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored figures are not JSON", e);
        }
    }
}
