package vn.actionmonth.plan.rest;

import vn.actionmonth.common.problem.Problems;
import vn.actionmonth.plan.domain.Share;
import vn.actionmonth.plan.domain.UnitKind;
import vn.actionmonth.plan.service.ReorganisationSpec;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Maps a reorganisation, as JSON or as the statistical office's CSV files, to the service's
 * {@link ReorganisationSpec}. The unit list's columns are {@code code, name, parent_code} and
 * optionally {@code kind} (other columns, such as {@code level}, are ignored); the lineage's are
 * {@code new_code, old_code, share} and optionally {@code old_name, takes_over_duties} (yes/no),
 * {@code allocation}. Rows are named {@code units.csv:12}, {@code lineage.csv:7} by file line.
 */
final class ReorganisationFiles {

    private ReorganisationFiles() {
    }

    static ReorganisationSpec fromJson(ReorganisationInput in) {
        List<ReorganisationSpec.NewUnit> units = new ArrayList<>();
        for (int i = 0; i < in.units().size(); i++) {
            var u = in.units().get(i);
            units.add(new ReorganisationSpec.NewUnit("units[" + i + "]", u.code(), u.name(),
                    u.kind() != null ? u.kind() : kindOf(u.code()), blankToNull(u.parentCode())));
        }
        List<ReorganisationSpec.Edge> lineage = new ArrayList<>();
        for (int i = 0; i < in.lineage().size(); i++) {
            var l = in.lineage().get(i);
            lineage.add(new ReorganisationSpec.Edge("lineage[" + i + "]", l.newCode(), l.oldCode(), l.oldName(), l.share(),
                    Boolean.TRUE.equals(l.takesOverDuties()), l.allocation()));
        }
        List<ReorganisationSpec.Placement> placements = new ArrayList<>();
        List<ReorganisationInput.PlacementInput> given = in.placements() == null ? List.of() : in.placements();
        for (int i = 0; i < given.size(); i++) {
            placements.add(new ReorganisationSpec.Placement("placements[" + i + "]", given.get(i).unitId(),
                    given.get(i).parentCode()));
        }
        return new ReorganisationSpec(in.rootId(), in.effectiveDate(), in.title(), units, lineage, placements);
    }

    static ReorganisationSpec fromCsv(UUID rootId, LocalDate effectiveDate, String title, String unitsCsv, String lineageCsv) {
        List<ReorganisationSpec.NewUnit> units = new ArrayList<>();
        for (Line l : lines("units", unitsCsv, "code", "name", "parent_code")) {
            String code = l.get("code");
            UnitKind kind = l.get("kind") == null ? kindOf(code) : kind(l.get("kind"));
            units.add(new ReorganisationSpec.NewUnit(l.label, code, l.get("name"), kind, l.get("parent_code")));
        }
        List<ReorganisationSpec.Edge> lineage = new ArrayList<>();
        for (Line l : lines("lineage", lineageCsv, "new_code", "old_code", "share")) {
            String allocation = l.get("allocation");
            BigDecimal share = null;
            if (allocation != null) {
                try {
                    share = new BigDecimal(allocation);
                } catch (NumberFormatException e) {
                    throw Problems.invalid(l.label + ".allocation", "must be a number above 0 and at most 1");
                }
            }
            lineage.add(new ReorganisationSpec.Edge(l.label, l.get("new_code"), l.get("old_code"), l.get("old_name"),
                    share(l.get("share")), yes(l.get("takes_over_duties")), share));
        }
        return new ReorganisationSpec(rootId, effectiveDate, title, units, lineage, List.of());
    }

    private record Line(String label, Map<String, Integer> columns, List<String> fields) {
        String get(String name) {
            Integer i = columns.get(name);
            return i == null || i >= fields.size() || fields.get(i).isBlank() ? null : fields.get(i).strip();
        }
    }

    private static List<Line> lines(String part, String text, String... required) {
        if (text == null || text.isBlank()) {
            throw Problems.invalid(part, "the file is missing or empty; it needs a header line");
        }
        String[] raw = text.replace("\r", "").split("\n");
        List<String> header = CsvRows.split(raw[0].replace("\uFEFF", ""));
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        for (String r : required) {
            if (!columns.containsKey(r)) {
                throw Problems.invalid(part, "the header needs the column " + r);
            }
        }
        List<Line> out = new ArrayList<>(raw.length);
        for (int i = 1; i < raw.length; i++) {
            if (!raw[i].isBlank()) {
                out.add(new Line(part + ".csv:" + (i + 1), columns, CsvRows.split(raw[i])));
            }
        }
        return out;
    }

    /** PROVINCE for a 2-digit code, DISTRICT for 3, COMMUNE for 5; null otherwise (refused, naming the row). */
    private static UnitKind kindOf(String code) {
        if (code == null) {
            return null;
        }
        return switch (code.strip().length()) {
            case 2 -> UnitKind.PROVINCE;
            case 3 -> UnitKind.DISTRICT;
            case 5 -> UnitKind.COMMUNE;
            default -> null;
        };
    }

    private static UnitKind kind(String s) {
        try {
            return UnitKind.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Share share(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Share.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean yes(String s) {
        return s != null && (s.equalsIgnoreCase("yes") || s.equalsIgnoreCase("true") || s.equalsIgnoreCase("x"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
