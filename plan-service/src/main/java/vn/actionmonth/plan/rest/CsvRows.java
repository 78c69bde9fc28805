package vn.actionmonth.plan.rest;

import vn.actionmonth.common.problem.Problems;
import vn.actionmonth.plan.service.ImportService;
import vn.actionmonth.plan.service.UnitRow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an import CSV by its header: {@code code, name, parent_code} and optionally {@code kind,
 * short_name, agency_code}; other columns (the national lists' {@code type, level}) are ignored,
 * so the statistical office's files import as they are. Rows are named by file line:
 * {@code rows[12]} is line 12, the header being line 1.
 */
final class CsvRows {

    private CsvRows() {
    }

    static List<ImportService.Numbered> parse(String text) {
        String[] lines = text.replace("\r", "").split("\n");
        if (lines.length == 0 || lines[0].isBlank()) {
            throw Problems.invalid("body", "the CSV is empty; it needs a header line");
        }
        List<String> header = split(lines[0].replace("\uFEFF", ""));
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            col.put(header.get(i).strip().toLowerCase(java.util.Locale.ROOT), i);
        }
        if (!col.containsKey("name") || !(col.containsKey("code") || col.containsKey("agency_code"))) {
            throw Problems.invalid("body", "the header needs name and code (or agency_code) columns");
        }
        List<ImportService.Numbered> rows = new ArrayList<>(lines.length);
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> f = split(lines[i]);
            rows.add(new ImportService.Numbered("rows[" + (i + 1) + "]", new UnitRow(get(f, col, "code"),
                    get(f, col, "name"), get(f, col, "kind"), get(f, col, "parent_code"), get(f, col, "short_name"),
                    get(f, col, "agency_code"))));
        }
        return rows;
    }

    private static String get(List<String> fields, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        return i == null || i >= fields.size() ? null : fields.get(i);
    }

    /** RFC 4180 fields: commas inside double quotes, "" for a quote. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

}
