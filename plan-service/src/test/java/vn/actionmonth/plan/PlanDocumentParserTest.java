package vn.actionmonth.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.actionmonth.plan.service.PlanDocumentParser;
import vn.actionmonth.plan.service.PlanDocumentParser.ParsedPlan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three shared plans read as text: every field the sample data transcribes by hand comes
 * out equal (the sample is the reference; the README states the accuracy printed here).
 */
class PlanDocumentParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ubnd-tinh-lai-chau-2024.txt, lc-2024", "so-noi-vu-lang-son-2024.txt, ls-snv-2024",
            "phuong-nguyen-trai-kon-tum-2024.txt, nt-2024"})
    void everyFieldTheSampleTranscribesComesOutEqual(String file, String sampleKey) throws IOException {
        ParsedPlan parsed = PlanDocumentParser.parse(resource("plans/" + file));
        Map<String, Object[]> fields = compare(parsed, sampleKey);
        List<String> wrong = new ArrayList<>();
        fields.forEach((name, pair) -> {
            if (!Objects.equals(pair[0], pair[1])) {
                wrong.add(name + ": expected " + pair[0] + ", read " + pair[1] + difference(pair[0], pair[1]));
            }
        });
        System.out.printf("plan import, %s: %d of %d fields equal to the sample%n", file, fields.size() - wrong.size(),
                fields.size());
        assertThat(wrong).isEmpty();
    }

    @ParameterizedTest(name = "{0} as .docx")
    @CsvSource({"ubnd-tinh-lai-chau-2024.txt, lc-2024, '', ỦY BAN NHÂN DÂN TỈNH LAI CHÂU",
            "so-noi-vu-lang-son-2024.txt, ls-snv-2024, UBND TỈNH LẠNG SƠN, SỞ NỘI VỤ",
            "phuong-nguyen-trai-kon-tum-2024.txt, nt-2024, UBND THÀNH PHỐ KON TUM, UBND PHƯỜNG NGUYỄN TRÃI"})
    void asAWordDocumentInTheDecreesLayoutEveryFieldComesOutEqualToo(String file, String sampleKey, String superior,
                                                                     String body) throws IOException {
        byte[] docx = PlanImportTest.docx(resource("plans/" + file), superior, body);
        ParsedPlan parsed = PlanDocumentParser.parse(vn.actionmonth.plan.rest.PlanImportResource.textOf(docx));
        assertThat(parsed.superiorBody()).isEqualTo(superior.isEmpty() ? null : superior);
        assertThat(parsed.issuingBody()).isEqualTo(body);
        List<String> wrong = new ArrayList<>();
        compare(parsed, sampleKey).forEach((name, pair) -> {
            if (!Objects.equals(pair[0], pair[1])) {
                wrong.add(name + ": expected " + pair[0] + ", read " + pair[1]);
            }
        });
        assertThat(wrong).isEmpty();
    }

    /** The sample's value and the parser's, per field the sample holds. */
    static Map<String, Object[]> compare(ParsedPlan p, String sampleKey) throws IOException {
        JsonNode doc = JSON.readTree(resource("sample/sample-2024.json"));
        JsonNode plan = null;
        Map<String, String> numbers = new LinkedHashMap<>();
        for (JsonNode item : doc.get("plans")) {
            numbers.put("@plan:" + item.get("key").asText(), item.get("plan").path("number").asText(null));
            if (item.get("key").asText().equals(sampleKey)) {
                plan = item.get("plan");
            }
        }
        Map<String, Object[]> out = new LinkedHashMap<>();
        out.put("number", new Object[] {text(plan, "number"), p.number()});
        out.put("title", new Object[] {text(plan, "title"), p.title()});
        out.put("issuePlace", new Object[] {text(plan, "issuePlace"), p.issuePlace()});
        out.put("dateLine", new Object[] {text(plan, "dateLine"), p.dateLine()});
        out.put("issueDate", new Object[] {text(plan, "issueDate"), p.issueDate() == null ? null : p.issueDate().toString()});
        out.put("basisPlan", new Object[] {numbers.get(text(plan, "basisPlanId")), p.basisPlanNumber()});
        out.put("basisDocuments", new Object[] {strings(plan.get("basisDocuments")), p.basisDocuments()});
        out.put("theme", new Object[] {text(plan, "theme"), p.theme()});
        out.put("periodStart", new Object[] {text(plan, "periodStart"), p.periodStart() == null ? null : p.periodStart().toString()});
        out.put("periodEnd", new Object[] {text(plan, "periodEnd"), p.periodEnd() == null ? null : p.periodEnd().toString()});
        out.put("messages", new Object[] {strings(plan.get("messages")), p.messages()});
        out.put("dueText", new Object[] {text(plan.get("reportingRequirement"), "dueText"), p.dueText()});
        out.put("recipients", new Object[] {strings(plan.get("recipients")), p.recipients()});
        out.put("signer.title", new Object[] {text(plan.get("signer"), "title"), p.signerTitle()});
        out.put("signer.name", new Object[] {text(plan.get("signer"), "name"), p.signerName()});
        List<String> assigned = new ArrayList<>();
        plan.get("assignments").forEach(a -> assigned.add(a.get("unit").get("name").asText()));
        out.put("assignments", new Object[] {assigned, p.assignments().stream().map(PlanDocumentParser.NamedTask::unitName).toList()});
        return out;
    }

    /** Where two lists first differ, by code point: what the eye cannot see in a message. */
    private static String difference(Object expected, Object read) {
        if (!(expected instanceof List<?> a) || !(read instanceof List<?> b)) {
            return "";
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!Objects.equals(a.get(i), b.get(i))) {
                return " (item " + i + ": " + String.valueOf(a.get(i)).codePoints().boxed().toList() + " vs "
                        + String.valueOf(b.get(i)).codePoints().boxed().toList() + ")";
            }
        }
        return a.size() == b.size() ? "" : " (" + a.size() + " items expected, " + b.size() + " read)";
    }

    private static String text(JsonNode node, String field) {
        return node == null || node.get(field) == null || node.get(field).isNull() ? null : node.get(field).asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    static String resource(String name) throws IOException {
        try (InputStream in = PlanDocumentParserTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
