package vn.actionmonth.plan.service;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the parts of an administrative plan (Decree 30/2020/NĐ-CP layout) from its text, one
 * paragraph per line: number and symbol, place and date line, type and summary, the "Căn cứ /
 * Thực hiện" basis, the sections by their numbering, theme, period, messages, the reporting
 * sentence, assignments, "Nơi nhận" and the signature block. Rule-based and pure: it never
 * invents; a part it does not find stays null and is listed in {@link ParsedPlan#missing()}.
 * Every part found says the line it came from and how sure the reading is.
 */
public final class PlanDocumentParser {

    /** How sure a reading is: HIGH for a labelled part ("Số:", "Chủ đề:"), MEDIUM for a layout guess, LOW for a sentence pattern. */
    public enum Confidence { HIGH, MEDIUM, LOW }

    /** Where a part came from: its 1-based line in the text and how sure the reading is. */
    public record Source(String field, int line, Confidence confidence) {
    }

    /** A unit named at the head of a paragraph of "Tổ chức thực hiện", with what it is asked to do. */
    public record NamedTask(String unitName, String tasks, int line) {
    }

    /**
     * @param issuingBody  the issuing body as the header block names it ("SỞ NỘI VỤ"); null when the
     *                     document has no header block
     * @param superiorBody the body above it, the header block's first line ("UBND TỈNH LẠNG SƠN")
     */
    /**
     * An activity as the document numbers it: its heading, and when the document gives them (an
     * activity table's columns, written "… — Thời gian: …; Chủ trì: …; Địa điểm: …") its time, lead
     * unit and place as written.
     */
    public record ParsedActivity(String title, String time, String lead, String place) {

        private static final Pattern FIELD = Pattern.compile("(Thời gian|Chủ trì|Địa điểm):\\s*([^;]+)");

        static ParsedActivity of(String line) {
            int dash = line.indexOf(" — ");
            String title = (dash < 0 ? line : line.substring(0, dash)).strip().replaceAll("[.:]+$", "");
            String time = null;
            String lead = null;
            String place = null;
            if (dash >= 0) {
                Matcher f = FIELD.matcher(line.substring(dash + 3));
                while (f.find()) {
                    String v = f.group(2).strip();
                    switch (f.group(1)) {
                        case "Thời gian" -> time = v;
                        case "Chủ trì" -> lead = v;
                        default -> place = v;
                    }
                }
            }
            return new ParsedActivity(title, time, lead, place);
        }
    }

    public record ParsedPlan(String superiorBody, String issuingBody, String number, String title, String issuePlace, String dateLine, LocalDate issueDate,
                             String basisPlanNumber, List<String> basisDocuments, String theme, LocalDate periodStart,
                             LocalDate periodEnd, String objectives, String requirements, List<String> messages,
                             List<ParsedActivity> activities, List<NamedTask> assignments, String reportingText,
                             String dueText, LocalDate dueDate, boolean dueByRule, String recipientName, String viaName, List<String> recipients,
                             String signerTitle, String signerName, Integer year, List<Source> sources, List<String> missing) {
    }

    private static final Pattern NUMBER = Pattern.compile("^Số\\s*:\\s*(\\S*/\\S+)\\s*$");
    private static final Pattern ANNEX_NUMBER = Pattern.compile("Kèm theo Kế hoạch số\\s*:?\\s*(\\S*/[^\\s)]+)(?:\\s+ngày\\s+(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+(\\d{4}))?");
    private static final Pattern DATE_LINE = Pattern.compile("^(?:([\\p{L}][\\p{L} .]*?),\\s*)?ngày\\s*(\\d{1,2})?\\s*tháng\\s*(\\d{1,2})?\\s*năm\\s*(\\d{4})\\s*$");
    private static final Pattern BASIS_PLAN = Pattern.compile("(?:[Kk]ế hoạch|[Cc]ông văn|[Hh]ướng dẫn)\\s+số\\s*:?\\s*(\\d+/[\\p{L}\\d\\-]+)");
    private static final Pattern THEME = Pattern.compile("Chủ đề[^:“\"]*:\\s*[“\"]([^”\"]+)[”\"]");
    private static final Pattern PERIOD = Pattern.compile("[Tt]ừ\\s+(?:ngày\\s+)?(\\d{1,2})(?:/|\\s+tháng\\s+)(\\d{1,2})(?:(?:/|\\s+năm\\s+)(\\d{4}))?\\s+đến\\s+(?:hết\\s+)?(?:ngày\\s+)?(\\d{1,2})(?:/|\\s+tháng\\s+)(\\d{1,2})(?:/|\\s+năm\\s+)(\\d{4})");
    private static final Pattern DUE = Pattern.compile("trước ngày\\s+(\\d{1,2})(?:/|\\s+tháng\\s+)(\\d{1,2})(?:/|\\s+năm\\s+)(\\d{4})");
    private static final Pattern ROMAN = Pattern.compile("^([IVX]+)\\.\\s*(.+)$");
    private static final Pattern NUMBERED = Pattern.compile("^\\s*(\\d+)\\.\\s*(.+)$");
    /** A numbered heading with its whole numbering: "10.", "9.1.". */
    private static final Pattern OUTLINE = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)*)\\.\\s+(\\D.*)$");
    private static final Pattern RECIPIENT = Pattern.compile("báo cáo[^.]*?(?:về|gửi)\\s+((?:UBND|Ủy ban|Sở|Phòng|Bộ)[^(,.*]*?)(?:\\s*\\(qua\\s+([^)]+)\\))?\\s*(?:,|\\*|trước|theo|$)");
    private static final Pattern BY_RULE = Pattern.compile(
            "(?:trước ngày\\s+\\d{1,2}(?:/|\\s+tháng\\s+)\\d{1,2}\\s+)?(?:hằng|hàng) năm|theo (?:quy định|chế độ báo cáo|hướng dẫn)");
    private static final Pattern MESSAGE_INLINE = Pattern.compile("thông điệp[^:]*:\\s*(.+\\.)\\s*$");

    private PlanDocumentParser() {
    }

    public static ParsedPlan parse(String text) {
        List<String> lines = new ArrayList<>();
        for (String raw : Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC).replace("\r", "").split("\n", -1)) {
            lines.add(raw.replace("*", "").replace('\u00A0', ' ').strip());
        }
        return new Reader(lines).read();
    }

    private static final class Reader {
        final List<String> lines;
        final List<Source> sources = new ArrayList<>();
        final List<String> missing = new ArrayList<>();

        Reader(List<String> lines) {
            this.lines = lines;
        }

        ParsedPlan read() {
            String number = null;
            String dateLine = null;
            String place = null;
            LocalDate issueDate = null;
            Integer year = null;
            int typeLine = -1;
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                Matcher m;
                if (number == null && (m = NUMBER.matcher(l)).matches()) {
                    number = m.group(1);
                    found("number", i, Confidence.HIGH);
                } else if (dateLine == null && typeLine < 0 && (m = DATE_LINE.matcher(l)).matches()) {
                    dateLine = l;
                    place = m.group(1);
                    year = Integer.parseInt(m.group(4));
                    issueDate = date(m.group(2), m.group(3), m.group(4));
                    found("dateLine", i, Confidence.HIGH);
                } else if (typeLine < 0 && l.equals("KẾ HOẠCH")) {
                    typeLine = i;
                }
            }
            // an annex names the plan it belongs to: "(Kèm theo Kế hoạch số:/KH-UBND ngày 20 tháng 5 năm 2024 …"
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = ANNEX_NUMBER.matcher(lines.get(i));
                if (m.find()) {
                    if (number == null) {
                        number = m.group(1);
                        found("number", i, Confidence.MEDIUM);
                    }
                    if (dateLine == null && m.group(2) != null) {
                        dateLine = "ngày " + m.group(2) + " tháng " + m.group(3) + " năm " + m.group(4);
                        issueDate = date(m.group(2), m.group(3), m.group(4));
                        year = Integer.parseInt(m.group(4));
                        found("dateLine", i, Confidence.MEDIUM);
                    }
                    break;
                }
            }
            String title = null;
            int afterTitle = 0;
            if (typeLine >= 0) {
                StringBuilder t = new StringBuilder();
                int i = typeLine + 1;
                while (i < lines.size() && lines.get(i).isEmpty()) {
                    i++;
                }
                int first = i;
                while (i < lines.size() && !lines.get(i).isEmpty() && !isBasis(lines.get(i))) {
                    t.append(t.length() == 0 ? "" : " ").append(lines.get(i));
                    i++;
                }
                if (t.length() > 0) {
                    title = t.toString();
                    found("title", first, Confidence.HIGH);
                }
                afterTitle = i;
            }
            int sectionOne = firstRoman(afterTitle);
            // the basis: "Căn cứ …", "Thực hiện …" paragraphs between the title and section I
            String basisPlan = null;
            List<String> basisDocuments = new ArrayList<>();
            for (int i = afterTitle; i < (sectionOne < 0 ? lines.size() : sectionOne); i++) {
                String l = lines.get(i);
                if (!isBasis(l)) {
                    continue;
                }
                String body = l.replaceFirst("^(Căn cứ|Thực hiện)\\s*", "");
                body = body.replaceFirst(",\\s*(Ủy ban|UBND|Sở|Phòng)[^,]*(ban hành|xây dựng)[^;]*$", "");
                for (String part : body.split(";")) {
                    String p = part.strip();
                    if (p.isEmpty()) {
                        continue;
                    }
                    Matcher m = BASIS_PLAN.matcher(p);
                    if (basisPlan == null && m.find()) {
                        basisPlan = m.group(1);
                        found("basisPlanNumber", i, Confidence.HIGH);
                    } else if (!m.find(0)) {
                        basisDocuments.add(p.replaceAll("[.;]+$", ""));
                        found("basisDocuments", i, Confidence.MEDIUM);
                    }
                }
            }
            String theme = null;
            LocalDate start = null;
            LocalDate end = null;
            String dueText = null;
            LocalDate dueDate = null;
            String reportingText = null;
            boolean dueByRule = false;
            int byRuleLine = -1;
            String recipient = null;
            String via = null;
            String inlineMessage = null;
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                Matcher m;
                if (theme == null && (m = THEME.matcher(l)).find()) {
                    theme = m.group(1).strip();
                    found("theme", i, Confidence.HIGH);
                }
                if (start == null && (m = PERIOD.matcher(l)).find()) {
                    String startYear = m.group(3) != null ? m.group(3) : m.group(6);
                    start = date(m.group(1), m.group(2), startYear);
                    end = date(m.group(4), m.group(5), m.group(6));
                    found("period", i, Confidence.HIGH);
                }
                if (reportingText == null && l.toLowerCase(Locale.ROOT).contains("báo cáo") && (m = DUE.matcher(l)).find()) {
                    reportingText = l;
                    dueText = l.substring(m.start(), m.end());
                    dueDate = date(m.group(1), m.group(2), m.group(3));
                    found("reportingRequirement", i, Confidence.MEDIUM);
                    Matcher r = RECIPIENT.matcher(l);
                    if (r.find()) {
                        recipient = r.group(1).strip();
                        via = r.group(2) == null ? null : r.group(2).strip();
                        found("recipient", i, Confidence.LOW);
                    }
                }
                if (byRuleLine < 0 && l.toLowerCase(Locale.ROOT).contains("báo cáo") && BY_RULE.matcher(l).find()) {
                    byRuleLine = i;
                }
                if (inlineMessage == null && (m = MESSAGE_INLINE.matcher(l)).find()) {
                    inlineMessage = m.group(1).strip();
                }
            }
            if (reportingText == null && byRuleLine >= 0) {
                // "báo cáo … theo quy định": no date of its own, the deadline comes by rule
                String l = lines.get(byRuleLine);
                reportingText = l;
                Matcher m = BY_RULE.matcher(l);
                dueText = m.find() ? l.substring(m.start(), m.end()) : null;
                dueByRule = true;
                found("reportingRequirement", byRuleLine, Confidence.LOW);
                Matcher r = RECIPIENT.matcher(l);
                if (r.find()) {
                    recipient = r.group(1).strip();
                    via = r.group(2) == null ? null : r.group(2).strip();
                    found("recipient", byRuleLine, Confidence.LOW);
                }
            }
            List<String> messages = messages();
            if (messages.isEmpty() && inlineMessage != null) {
                messages = List.of(inlineMessage);
                sources.add(new Source("messages", -1, Confidence.LOW));
            }
            String objectives = block("mục đích");
            String requirements = block("yêu cầu");
            List<NamedTask> assignments = assignments();
            List<ParsedActivity> activities = activities();
            List<String> recipients = new ArrayList<>();
            int signature = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("Nơi nhận")) {
                    found("recipients", i, Confidence.HIGH);
                    int j = i + 1;
                    while (j < lines.size() && (lines.get(j).isEmpty() || lines.get(j).startsWith("-"))) {
                        if (lines.get(j).startsWith("-") && lines.get(j).length() > 1) {
                            recipients.add(lines.get(j).substring(1).strip());
                        }
                        j++;
                    }
                    signature = j;
                    break;
                }
            }
            String signerTitle = null;
            String signerName = null;
            if (signature >= 0) {
                List<String> titles = new ArrayList<>();
                int j = signature;
                while (j < lines.size() && !lines.get(j).isEmpty() && isUpper(lines.get(j))) {
                    titles.add(lines.get(j));
                    j++;
                }
                while (j < lines.size() && lines.get(j).isEmpty()) {
                    j++;
                }
                if (!titles.isEmpty()) {
                    signerTitle = String.join(" / ", titles);
                    found("signer.title", signature, Confidence.HIGH);
                    if (j < lines.size() && !isUpper(lines.get(j)) && lines.get(j).split("\\s+").length <= 6) {
                        signerName = lines.get(j);
                        found("signer.name", j, Confidence.MEDIUM);
                    }
                }
            }
            if (year == null && title != null) {
                Matcher y = Pattern.compile("năm (\\d{4})").matcher(title);
                if (y.find()) {
                    year = Integer.parseInt(y.group(1));
                }
            }
            if (year == null && start != null) {
                year = start.getYear();
            }
            require("number", number);
            require("dateLine", dateLine);
            require("title", title);
            require("basisPlanNumber", basisPlan);
            require("theme", theme);
            require("period", start);
            require("messages", messages.isEmpty() ? null : messages);
            require("reportingRequirement", reportingText);
            require("recipients", recipients.isEmpty() ? null : recipients);
            require("signer", signerTitle);
            String[] bodies = headerBodies();
            return new ParsedPlan(bodies[0], bodies[1], number, title, place, dateLine, issueDate, basisPlan, basisDocuments, theme, start, end,
                    objectives, requirements, messages, activities, assignments, reportingText, dueText, dueDate, dueByRule, recipient,
                    via, recipients, signerTitle, signerName, year, List.copyOf(sources), List.copyOf(missing));
        }

        /**
         * The header block's left column: the capitalised lines before "Số:", the issuing body last
         * and the body above it before (quốc hiệu and tiêu ngữ are the right column's).
         */
        private String[] headerBodies() {
            List<String> upper = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                if (NUMBER.matcher(l).matches() || l.equals("KẾ HOẠCH")) {
                    break;
                }
                if (isUpper(l) && !l.startsWith("CỘNG HÒA") && !l.startsWith("ĐỘC LẬP")) {
                    upper.add(l);
                    found(upper.size() == 1 ? "superiorBody" : "issuingBody", i, Confidence.MEDIUM);
                }
            }
            if (upper.isEmpty()) {
                return new String[] {null, null};
            }
            return upper.size() == 1 ? new String[] {null, upper.get(0)}
                    : new String[] {upper.get(upper.size() - 2), upper.get(upper.size() - 1)};
        }

        /** The messages: the bullets or numbered lines under a heading that names them, or an annex of them. */
        private List<String> messages() {
            for (int i = 0; i < lines.size(); i++) {
                String lower = lines.get(i).toLowerCase(Locale.ROOT);
                boolean heading = (lower.contains("thông điệp") && (NUMBERED.matcher(lines.get(i)).matches() || isUpper(lines.get(i))))
                        && !lower.contains(":") || lower.startsWith("thông điệp và khẩu hiệu");
                if (!heading) {
                    continue;
                }
                List<String> out = new ArrayList<>();
                // the list starts within a few lines of its heading (an annex has a subtitle and a reference first)
                int j = i + 1;
                int skipped = 0;
                while (j < lines.size() && skipped < 5 && !lines.get(j).startsWith("-") && !NUMBERED.matcher(lines.get(j)).matches()) {
                    if (!lines.get(j).isEmpty()) {
                        skipped++;
                    }
                    j++;
                }
                boolean bullets = j < lines.size() && lines.get(j).startsWith("-");
                for (; j < lines.size(); j++) {
                    String l = lines.get(j);
                    if (l.isEmpty()) {
                        continue;
                    }
                    Matcher m = NUMBERED.matcher(l);
                    if (bullets && l.startsWith("-") && l.length() > 1) {
                        out.add(l.substring(1).strip());
                    } else if (!bullets && m.matches()) {
                        out.add(m.group(2).strip());
                    } else {
                        break;
                    }
                }
                if (!out.isEmpty()) {
                    found("messages", i, Confidence.HIGH);
                    return out;
                }
            }
            return List.of();
        }

        /** The text under a sub-heading "1. Mục đích" / "2. Yêu cầu" (or "Mục đích:" inline). */
        private String block(String name) {
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = NUMBERED.matcher(lines.get(i));
                String head = m.matches() ? m.group(2) : null;
                if (head == null || !head.toLowerCase(Locale.ROOT).startsWith(name)) {
                    continue;
                }
                StringBuilder sb = new StringBuilder();
                String inline = head.contains(":") ? head.substring(head.indexOf(':') + 1).strip() : "";
                if (!inline.isEmpty()) {
                    sb.append(inline);
                }
                for (int j = i + 1; j < lines.size(); j++) {
                    String l = lines.get(j);
                    if (NUMBERED.matcher(l).matches() || ROMAN.matcher(l).matches()) {
                        break;
                    }
                    if (!l.isEmpty()) {
                        sb.append(sb.length() == 0 ? "" : "\n\n").append(l.replaceFirst("^-\\s*", ""));
                    }
                }
                if (sb.length() > 0) {
                    found(name.equals("mục đích") ? "objectives" : "requirements", i, Confidence.MEDIUM);
                    return sb.toString();
                }
            }
            return null;
        }

        /** "TỔ CHỨC THỰC HIỆN": a unit named at the head of each numbered paragraph, with its tasks. */
        private List<NamedTask> assignments() {
            int section = -1;
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = ROMAN.matcher(lines.get(i));
                if (m.matches() && m.group(2).toUpperCase(Locale.ROOT).contains("TỔ CHỨC THỰC HIỆN")) {
                    section = i;
                    break;
                }
            }
            List<NamedTask> out = new ArrayList<>();
            if (section < 0) {
                return out;
            }
            int end = nextRoman(section + 1);
            for (int i = section + 1; i < end; i++) {
                Matcher m = OUTLINE.matcher(lines.get(i));
                if (!m.matches() || m.group(2).length() > 160) {
                    continue;
                }
                String numbering = m.group(1);
                int next = nextOutline(i + 1, end);
                if (next >= 0) {
                    Matcher n = OUTLINE.matcher(lines.get(next));
                    if (n.matches() && n.group(1).startsWith(numbering + ".")) {
                        continue; // a heading over the units of its sub-items ("10. Ủy ban MTTQ và các đoàn thể tỉnh")
                    }
                }
                String name = m.group(2).strip().replaceFirst("^Đề nghị\\s+", "").replaceAll("[.:]+$", "")
                        .replaceFirst("\\s+(thực hiện|có trách nhiệm|chủ trì)\\b.*$", "");
                StringBuilder tasks = new StringBuilder();
                for (int j = i + 1; j < end && !OUTLINE.matcher(lines.get(j)).matches(); j++) {
                    if (!lines.get(j).isEmpty()) {
                        tasks.append(tasks.length() == 0 ? "" : "\n\n").append(lines.get(j));
                    }
                }
                for (String unit : units(name)) {
                    out.add(new NamedTask(unit, tasks.toString(), i + 1));
                }
            }
            if (!out.isEmpty()) {
                found("assignments", section, Confidence.MEDIUM);
            }
            return out;
        }

        /** The numbered headings of the section on activities (NỘI DUNG …, HOẠT ĐỘNG …). */
        private List<ParsedActivity> activities() {
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = ROMAN.matcher(lines.get(i));
                String head = m.matches() ? m.group(2).toUpperCase(Locale.ROOT) : "";
                if (!head.startsWith("NỘI DUNG") && !head.contains("HOẠT ĐỘNG")) {
                    continue;
                }
                List<ParsedActivity> out = new ArrayList<>();
                int end = nextRoman(i + 1);
                for (int j = i + 1; j < end; j++) {
                    Matcher n = NUMBERED.matcher(lines.get(j));
                    if (n.matches()) {
                        out.add(ParsedActivity.of(n.group(2)));
                    }
                }
                if (!out.isEmpty()) {
                    found("activities", i, Confidence.MEDIUM);
                    return out;
                }
            }
            return List.of();
        }

        private int nextOutline(int from, int end) {
            for (int i = from; i < end; i++) {
                if (OUTLINE.matcher(lines.get(i)).matches()) {
                    return i;
                }
            }
            return -1;
        }

        private int firstRoman(int from) {
            for (int i = from; i < lines.size(); i++) {
                if (ROMAN.matcher(lines.get(i)).matches()) {
                    return i;
                }
            }
            return -1;
        }

        private int nextRoman(int from) {
            int next = firstRoman(from);
            if (next >= 0) {
                return next;
            }
            for (int i = from; i < lines.size(); i++) {
                if (lines.get(i).startsWith("Trên đây là") || lines.get(i).startsWith("Nơi nhận")) {
                    return i;
                }
            }
            return lines.size();
        }

        private void found(String field, int index, Confidence c) {
            sources.add(new Source(field, index + 1, c));
        }

        private void require(String field, Object value) {
            if (value == null) {
                missing.add(field);
            }
        }
    }

    private static final Pattern UNIT_HEAD = Pattern.compile("^(Bộ|Sở|Công an|UBND|Ủy ban|Hội|Đoàn|Phòng|Ban|Trung tâm|Văn phòng)\\s.*");

    /** "Bộ Chỉ huy Biên phòng tỉnh, Bộ Chỉ huy quân sự tỉnh": one heading, two units; "Sở Văn hoá, Thể thao và Du lịch": one. */
    static List<String> units(String heading) {
        String[] parts = heading.split(",\\s+");
        if (parts.length > 1 && java.util.Arrays.stream(parts).allMatch(p -> UNIT_HEAD.matcher(p).matches())) {
            return java.util.Arrays.stream(parts).map(String::strip).toList();
        }
        return List.of(heading);
    }

    private static boolean isBasis(String l) {
        return l.startsWith("Căn cứ") || l.startsWith("Thực hiện");
    }

    private static boolean isUpper(String l) {
        return !l.isEmpty() && l.equals(l.toUpperCase(Locale.ROOT)) && l.chars().anyMatch(Character::isLetter);
    }

    private static LocalDate date(String d, String m, String y) {
        if (d == null || m == null || y == null) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
