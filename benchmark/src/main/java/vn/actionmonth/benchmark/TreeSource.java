package vn.actionmonth.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The units to import, as CSV with the columns plan-service's import reads (code, name,
 * parent_code, kind, agency_code): the statistical office's real lists from the project's copy,
 * with departments and mass organisations added under every province.
 */
final class TreeSource {

    static final String HEADER = "code,name,parent_code,kind,agency_code";
    private static final String[] DEPARTMENTS = {"Sở Lao động - Thương binh và Xã hội", "Sở Nội vụ", "Sở Y tế",
            "Sở Giáo dục và Đào tạo", "Sở Văn hóa, Thể thao và Du lịch", "Sở Thông tin và Truyền thông", "Sở Tư pháp",
            "Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Giao thông vận tải", "Sở Tài nguyên và Môi trường",
            "Sở Xây dựng", "Công an tỉnh", "Bộ Chỉ huy quân sự tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"};
    private static final String[] MASS_ORGANISATIONS = {"Ủy ban Mặt trận Tổ quốc tỉnh", "Tỉnh Đoàn",
            "Hội Liên hiệp Phụ nữ tỉnh", "Hội Nông dân tỉnh", "Hội Chữ thập đỏ tỉnh"};

    private TreeSource() {
    }

    /** {@code pre2025}, {@code post2025}. */
    static String of(String tree, Path projectDir, int departmentsPerProvince) throws IOException {
        Path dir = projectDir.resolve("plan-service/src/main/resources/units");
        return switch (tree) {
            case "pre2025" -> csv(Files.readAllLines(dir.resolve("units-before-2025-07-01.csv")), departmentsPerProvince);
            case "post2025" -> csv(Files.readAllLines(dir.resolve("units-from-2025-07-01.csv")), departmentsPerProvince);
            default -> throw new IllegalArgumentException("unknown tree " + tree + " (pre2025, post2025, synthetic:<size>)");
        };
    }

    static String csv(List<String> officialList, int departmentsPerProvince) {
        List<String> header = List.of(officialList.get(0).split(","));
        int code = header.indexOf("code");
        int name = header.indexOf("name");
        int parent = header.indexOf("parent_code");
        List<String> out = new ArrayList<>();
        out.add(HEADER);
        List<String[]> provinces = new ArrayList<>();
        for (String line : officialList.subList(1, officialList.size())) {
            // The official lists have no quoted fields (no name holds a comma).
            String[] f = line.split(",", -1);
            out.add(String.join(",", f[code], quote(f[name]), f[parent], "", ""));
            if (f[parent].isEmpty()) {
                provinces.add(f);
            }
        }
        for (String[] p : provinces) {
            for (int i = 0; i < departmentsPerProvince; i++) {
                boolean mass = i >= DEPARTMENTS.length;
                String base = mass ? MASS_ORGANISATIONS[(i - DEPARTMENTS.length) % MASS_ORGANISATIONS.length]
                        : DEPARTMENTS[i];
                String unitName = base + " " + p[name].replaceFirst("^(Tỉnh|Thành phố) ", "");
                String agency = String.format("000.%02d.%s.S%02d", i, p[code], i);
                out.add(String.join(",", "", quote(unitName), p[code], mass ? "MASS_ORGANISATION" : "DEPARTMENT", agency));
            }
        }
        return String.join("\n", out) + "\n";
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
