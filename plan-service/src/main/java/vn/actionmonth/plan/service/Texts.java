package vn.actionmonth.plan.service;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Pattern;

/** Vietnamese text as stored (NFC) and as searched (no accents, đ -> d, lower case). */
public final class Texts {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Texts() {
    }

    /** NFC, trimmed; null stays null and blank becomes null. */
    public static String nfc(String s) {
        if (s == null) {
            return null;
        }
        String t = Normalizer.normalize(s, Normalizer.Form.NFC).strip();
        return t.isEmpty() ? null : t;
    }

    public static List<String> nfc(List<String> list) {
        return list == null ? List.of() : list.stream().map(Texts::nfc).filter(s -> s != null).toList();
    }

    /** "Phường Nguyễn Trãi" -> "phuong nguyen trai": what name search compares. */
    public static String searchKey(String s) {
        if (s == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return SPACES.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll(" ").strip().toLowerCase(java.util.Locale.ROOT);
    }
}
