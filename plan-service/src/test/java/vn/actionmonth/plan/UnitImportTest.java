package vn.actionmonth.plan;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.actionmonth.devstack.DevStackTestResource;
import vn.actionmonth.plan.service.SyntheticTree;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.actionmonth.plan.TestSupport.admin;
import static vn.actionmonth.plan.TestSupport.as;
import static vn.actionmonth.plan.TestSupport.system;
import static vn.actionmonth.plan.service.SampleData.ministryId;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class UnitImportTest {

    @Test
    void aFileWithABadRowIsRefusedRowByRowAndNothingIsWritten() {
        UUID root = newRoot("Bộ Thử Nhập Lỗi");
        String csv = "code,name,parent_code\n"
                + "01,Thành phố Hà Nội,\n"
                + "001,Quận Ba Đình,01\n"
                + "00001,,001\n"
                + "00004,Phường Trúc Bạch,999\n"
                + "00004,Phường Trùng Mã,001\n";
        given().auth().oauth2(system()).contentType("text/csv").queryParam("rootId", root).body(csv)
                .post("/api/v1/unit-imports").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("rows[4].name", "rows[6].code", "rows[5].parentCode")));
        given().auth().oauth2(system()).get("/api/v1/units/" + root + "/subtree").then().body("total", equalTo(1));
    }

    @Test
    void aReimportRenamesByCodeAndRefusesToMoveUnits() {
        UUID root = newRoot("Bộ Thử Đổi Tên");
        String csv = "code,name,parent_code\n01,Thành phố Hà Nội,\n001,Quận Ba Đình,01\n00001,Phường Phúc Xá,001\n";
        assertThat(importCsv(root, csv, "2025-07-01")).containsEntry("created", 3);

        Map<String, Object> renamed = importCsv(root, csv.replace("Phường Phúc Xá", "Phường Phúc Xá Mới"), "2025-07-01");
        assertThat(renamed).containsEntry("created", 0).containsEntry("updated", 1).containsEntry("unchanged", 2);
        given().auth().oauth2(system()).queryParam("name", "phuc xa moi").get("/api/v1/units").then()
                .body("items.adminCode", hasItem("00001"));

        given().auth().oauth2(system()).contentType("text/csv").queryParam("rootId", root)
                .body(csv.replace("00001,Phường Phúc Xá,001", "00001,Phường Phúc Xá,01")).post("/api/v1/unit-imports").then()
                .statusCode(400).body("violations.field", equalTo(List.of("rows[4].parentCode")));
    }

    @Test
    void aCsvThatStartsWithAByteOrderMarkImports() {
        UUID root = newRoot("Bộ Thử BOM");
        String csv = "\uFEFFcode,name,parent_code\n01,Thành phố Hà Nội,\n001,Quận Ba Đình,01\n";

        assertThat(importCsv(root, csv, "2025-07-01")).containsEntry("created", 2);
        assertThat(namesByCode(root)).containsExactly(Map.entry("01", "Thành phố Hà Nội"), Map.entry("001", "Quận Ba Đình"));
    }

    @Test
    void decomposedVietnameseTextIsStoredComposed() {
        UUID root = newRoot("Bộ Thử NFD");
        String composed = "Phường Nghĩa Đô";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        assertThat(decomposed).as("the file's text is decomposed").isNotEqualTo(composed).hasSizeGreaterThan(composed.length());
        String csv = "code,name,parent_code\n01,Thành phố Hà Nội,\n00160," + decomposed + ",01\n";

        assertThat(importCsv(root, csv, "2025-07-01")).containsEntry("created", 2);
        assertThat(namesByCode(root).get("00160")).isEqualTo(composed);
        given().auth().oauth2(as(root, "admin")).queryParam("name", "nghia do").get("/api/v1/units").then()
                .body("items.name", equalTo(List.of(composed)));
    }

    @Test
    void crlfLineEndsCountAsOneLineAndLeaveNothingInTheFields() {
        UUID root = newRoot("Bộ Thử CRLF");
        // name last, so that a carriage return left over would end the name
        String csv = "code,parent_code,name\r\n01,,Thành phố Hà Nội\r\n001,01,Quận Ba Đình\r\n";
        assertThat(importCsv(root, csv, "2025-07-01")).containsEntry("created", 2);
        assertThat(namesByCode(root)).containsExactly(Map.entry("01", "Thành phố Hà Nội"), Map.entry("001", "Quận Ba Đình"));

        // line 4 of the file is the bad row, as an editor shows it
        String bad = "code,parent_code,name\r\n00001,001,Phường Phúc Xá\r\n00004,001,Phường Trúc Bạch\r\n00006,001,\r\n";
        given().auth().oauth2(system()).contentType("text/csv; charset=UTF-8").queryParam("rootId", root)
                .body(bad.getBytes(StandardCharsets.UTF_8)).post("/api/v1/unit-imports").then().statusCode(400)
                .body("violations.field", equalTo(List.of("rows[4].name")));
    }

    @Test
    void quotedFieldsKeepTheirCommasAndDoubledQuotes() {
        UUID root = newRoot("Bộ Thử Ngoặc Kép");
        String csv = "code,name,parent_code\n"
                + "01,Thành phố Hà Nội,\n"
                + "\"001\",\"Quận Ba Đình, Hà Nội\",01\n"
                + "00001,\"Trường Tiểu học \"\"Kim Đồng\"\", phường Phúc Xá\",\"001\"\n";

        assertThat(importCsv(root, csv, "2025-07-01")).containsEntry("created", 3);
        assertThat(namesByCode(root)).containsExactly(Map.entry("01", "Thành phố Hà Nội"),
                Map.entry("001", "Quận Ba Đình, Hà Nội"), Map.entry("00001", "Trường Tiểu học \"Kim Đồng\", phường Phúc Xá"));
    }

    @Test
    void onlyAnAdminOfTheRootOrASystemAccountImports() {
        String body = "{\"rootId\":\"" + admin("62") + "\",\"units\":[{\"code\":\"99999\",\"name\":\"Xã Mới\",\"parentCode\":\"608\"}]}";
        given().auth().oauth2(as(admin("62"), "admin")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/unit-imports").then().statusCode(403);
        given().auth().oauth2(as(admin("62"), "viewer")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/unit-imports").then().statusCode(403);
    }

    @Test
    void theNationalListsImportInSecondsAndASecondImportChangesNothing() throws IOException {
        String before2025 = resource("units/units-before-2025-07-01.csv");
        Map<String, Object> first = importCsv(ministryId(), before2025, "2024-01-01");
        Map<String, Object> second = importCsv(ministryId(), before2025, "2024-01-01");
        System.out.printf("national import (units before 1/7/2025, 10,806 rows): first %s ms, second %s ms%n",
                first.get("millis"), second.get("millis"));
        // The sample already holds 4 provinces, Kon Tum city, Lai Châu's districts and a few wards.
        assertThat(((Number) first.get("created")).intValue() + ((Number) first.get("unchanged")).intValue()).isEqualTo(10_806);
        assertThat(first.get("updated")).isEqualTo(0);
        assertThat(second).containsEntry("created", 0).containsEntry("updated", 0).containsEntry("unchanged", 10_806);

        // About twenty departments and mass organisations per province, known by agency code.
        List<Map<String, String>> departments = new ArrayList<>();
        for (String line : before2025.split("\n")) {
            String[] f = line.split(",");
            if (f.length > 3 && "1".equals(f[3])) {
                for (int i = 1; i <= 20; i++) {
                    departments.add(Map.of("agencyCode", "000." + String.format("%02d", i) + ".00.P" + f[0],
                            "name", (i <= 16 ? "Sở số " + i : "Hội đoàn thể số " + i) + " " + f[1],
                            "kind", i <= 16 ? "DEPARTMENT" : "MASS_ORGANISATION", "parentCode", f[0]));
                }
            }
        }
        Map<String, Object> body = Map.of("rootId", ministryId(), "validFrom", "2024-01-01", "units", departments);
        Map<String, Object> depts = importJson(body);
        Map<String, Object> deptsAgain = importJson(body);
        System.out.printf("departments and mass organisations (%d rows): first %s ms, second %s ms%n", departments.size(),
                depts.get("millis"), deptsAgain.get("millis"));
        assertThat(depts).containsEntry("created", 63 * 20);
        assertThat(deptsAgain).containsEntry("created", 0).containsEntry("updated", 0).containsEntry("unchanged", 63 * 20);

        given().auth().oauth2(system()).queryParam("code", "00004").get("/api/v1/units").then()
                .body("items.name", hasItem("Phường Trúc Bạch"));
        given().auth().oauth2(system()).queryParam("name", "truc bach").get("/api/v1/units").then()
                .body("items.adminCode", hasItem("00004"));
    }

    @Test
    void theThreeLevelTreeOf2025ImportsUnderItsOwnRoot() throws IOException {
        UUID root = newRoot("Bộ Y tế");
        Map<String, Object> result = importCsv(root, resource("units/units-from-2025-07-01.csv"), "2025-07-01");
        System.out.printf("national import (units from 1/7/2025, 3,355 rows): %s ms%n", result.get("millis"));
        assertThat(result).containsEntry("created", 34 + 3321);
        // searched by an admin of this tree: other tests' trees use the same codes
        String hanoi = given().auth().oauth2(as(root, "admin")).queryParam("code", "00004").get("/api/v1/units").then()
                .extract().jsonPath().getList("items", Map.class).stream()
                .filter(u -> "Phường Ba Đình".equals(u.get("name"))).map(u -> (String) u.get("parentId")).findFirst().orElseThrow();
        given().auth().oauth2(system()).get("/api/v1/units/" + hanoi).then().body("name", equalTo("Thành phố Hà Nội"))
                .body("kind", equalTo("PROVINCE")).body("parentId", equalTo(root.toString()));
    }

    @Test
    void aSeededSyntheticTreeOfAHundredThousandUnitsImports() {
        assertThat(SyntheticTree.generate(7, 1000)).isEqualTo(SyntheticTree.generate(7, 1000));
        assertThat(SyntheticTree.generate(2024, 100_000)).hasSize(100_000);
        UUID root = newRoot("Bộ Thử Tải");
        given().auth().oauth2(as(root, "admin")).queryParam("rootId", root).queryParam("size", 10)
                .post("/api/v1/unit-imports/synthetic").then().statusCode(403);

        Map<String, Object> result = given().auth().oauth2(system()).queryParam("rootId", root)
                .queryParam("size", 100_000).queryParam("seed", 2024).post("/api/v1/unit-imports/synthetic")
                .then().statusCode(200).extract().jsonPath().getMap("");
        System.out.printf("synthetic import (100,000 units): %s ms%n", result.get("millis"));
        assertThat(result).containsEntry("created", 100_000);
        given().auth().oauth2(system()).queryParam("size", 1).get("/api/v1/units/" + root + "/subtree").then()
                .body("total", equalTo(100_001));
    }

    private static UUID newRoot(String name) {
        return UUID.fromString(given().auth().oauth2(system()).contentType(ContentType.JSON)
                .body("{\"kind\":\"MINISTRY\",\"name\":\"" + name + "\",\"validFrom\":\"2025-07-01\"}")
                .post("/api/v1/units").then().statusCode(201).extract().path("id"));
    }

    private static Map<String, Object> importCsv(UUID root, String csv, String validFrom) {
        return given().auth().oauth2(system()).contentType("text/csv; charset=UTF-8").queryParam("rootId", root)
                .queryParam("validFrom", validFrom).body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/unit-imports").then().statusCode(200).extract().jsonPath().getMap("");
    }

    /** The names under the root as stored, by code, top down. */
    private static Map<String, String> namesByCode(UUID root) {
        List<Map<String, Object>> items = given().auth().oauth2(system()).queryParam("size", 50)
                .get("/api/v1/units/" + root + "/subtree").then().statusCode(200).extract().jsonPath().getList("items");
        Map<String, String> out = new java.util.LinkedHashMap<>();
        items.stream().filter(u -> u.get("adminCode") != null)
                .forEach(u -> out.put((String) u.get("adminCode"), (String) u.get("name")));
        return out;
    }

    private static Map<String, Object> importJson(Object body) {
        return given().auth().oauth2(system()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/unit-imports").then().statusCode(200).extract().jsonPath().getMap("");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = UnitImportTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
