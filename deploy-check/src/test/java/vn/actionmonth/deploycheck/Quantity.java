package vn.actionmonth.deploycheck;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes memory quantities ("384Mi", "1Gi", "500M", "268435456") in bytes. */
final class Quantity {

    private static final Pattern QUANTITY = Pattern.compile("([0-9.]+)([A-Za-z]*)");
    private static final Map<String, Long> UNITS = Map.of(
            "", 1L, "k", 1_000L, "M", 1_000_000L, "G", 1_000_000_000L,
            "Ki", 1L << 10, "Mi", 1L << 20, "Gi", 1L << 30, "Ti", 1L << 40);

    private Quantity() {
    }

    static long bytes(String quantity) {
        Matcher m = QUANTITY.matcher(quantity == null ? "" : quantity.trim());
        if (!m.matches() || !UNITS.containsKey(m.group(2))) {
            throw new AssertionError("not a memory quantity: " + quantity);
        }
        return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(UNITS.get(m.group(2)))).longValue();
    }
}
