package vn.actionmonth.common.validation;

import java.text.Normalizer;

/**
 * The one definition of a storable text, for {@link Text} and for input that does not pass
 * through Bean Validation (CSV rows, headers, token claims).
 */
public final class TextRules {

    private TextRules() {
    }

    /** Null when {@code value} is null or storable; otherwise what is wrong with it, for a violation. */
    public static String problem(String value, int max, boolean singleLine) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain an unpaired surrogate (U+" + hex(c) + ")";
            } else if (c == '\t' || c == '\n' || c == '\r') {
                if (singleLine) {
                    return "must be a single line (no tab or line break)";
                }
            } else if (Character.isISOControl(c)) {
                return "must not contain the control character U+" + hex(c);
            }
        }
        String nfc = Normalizer.normalize(value, Normalizer.Form.NFC);
        int length = nfc.codePointCount(0, nfc.length());
        if (length > max) {
            return "must be at most " + max + " characters (is " + length + " after Unicode NFC normalisation)";
        }
        return null;
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
