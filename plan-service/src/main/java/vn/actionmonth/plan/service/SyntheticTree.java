package vn.actionmonth.plan.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of synthetic reporting trees of any size, shaped like the national one:
 * provinces with departments and mass organisations (with offices) and districts with communes.
 * The same seed and size give the same rows, for repeatable benchmarks (e.g. 100,000 units).
 * Codes are synthetic: provinces 2 digits are not enough at scale, so every unit gets an agency
 * code "SYN.<n>" and no administrative code.
 */
public final class SyntheticTree {

    private static final String[] DEPARTMENTS = {"Sở Lao động - Thương binh và Xã hội", "Sở Giáo dục và Đào tạo", "Sở Y tế",
            "Sở Văn hoá, Thể thao và Du lịch", "Sở Thông tin và Truyền thông", "Sở Nội vụ", "Công an tỉnh"};
    private static final String[] MASS = {"Ủy ban Mặt trận tổ quốc", "Đoàn thanh niên cộng sản Hồ Chí Minh",
            "Hội Liên hiệp phụ nữ", "Hội Nông dân"};
    private static final String[] SYLLABLES = {"An", "Bình", "Hòa", "Phú", "Tân", "Đông", "Tây", "Nam", "Bắc", "Thịnh",
            "Hưng", "Lộc", "Phước", "Xuân", "Thủy", "Sơn", "Lâm", "Hải", "Quang", "Trung", "Nghĩa", "Đức", "Long", "Mỹ"};

    private SyntheticTree() {
    }

    /** {@code size} rows, parents before children, every top-level row a province. */
    public static List<UnitRow> generate(long seed, int size) {
        Random random = new Random(seed);
        List<UnitRow> rows = new ArrayList<>(size);
        int p = 0;
        while (rows.size() < size) {
            p++;
            String province = add(rows, "Tỉnh " + name(random), "PROVINCE", null);
            for (int d = 0; d < DEPARTMENTS.length && rows.size() < size; d++) {
                String dept = add(rows, DEPARTMENTS[d] + " tỉnh số " + p, "DEPARTMENT", province);
                for (int o = 0; o < 2 && rows.size() < size; o++) {
                    add(rows, "Phòng " + name(random) + " - " + DEPARTMENTS[d], "OFFICE", dept);
                }
            }
            for (int m = 0; m < MASS.length && rows.size() < size; m++) {
                add(rows, MASS[m] + " tỉnh số " + p, "MASS_ORGANISATION", province);
            }
            int districts = 8 + random.nextInt(8);
            for (int d = 0; d < districts && rows.size() < size; d++) {
                String district = add(rows, "Huyện " + name(random), "DISTRICT", province);
                int communes = 10 + random.nextInt(15);
                for (int c = 0; c < communes && rows.size() < size; c++) {
                    add(rows, (random.nextInt(4) == 0 ? "Phường " : "Xã ") + name(random), "COMMUNE", district);
                }
            }
        }
        return rows;
    }

    private static String add(List<UnitRow> rows, String name, String kind, String parentCode) {
        String code = "SYN." + (rows.size() + 1);
        rows.add(new UnitRow(null, name, kind, parentCode, null, code));
        return code;
    }

    private static String name(Random random) {
        return SYLLABLES[random.nextInt(SYLLABLES.length)] + " " + SYLLABLES[random.nextInt(SYLLABLES.length)];
    }
}
