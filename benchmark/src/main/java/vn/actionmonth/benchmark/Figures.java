package vn.actionmonth.benchmark;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** A unit's report with every Children's Action Month indicator, derived from its id so runs repeat. */
final class Figures {

    /** Non-zero only in the sampler's reports: the ministry's total counts the samples that arrived. */
    static final String SAMPLE_INDICATOR = "WORKS_BUILT_UPGRADED";
    static final String NARRATIVE = "Tổ chức Lễ phát động Tháng hành động vì trẻ em; vận động ủng hộ Quỹ Bảo trợ trẻ em; "
            + "tặng quà cho trẻ em có hoàn cảnh đặc biệt; tổ chức Diễn đàn trẻ em và dạy bơi cho trẻ em.";

    private Figures() {
    }

    static Map<String, Object> of(UUID unit, boolean sample) {
        long h = Math.abs(unit.getLeastSignificantBits() ^ unit.getMostSignificantBits());
        long n = 1 + h % 50;
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("LAUNCH_CEREMONY_HELD", h % 3 != 0);
        f.put("COMM_EVENTS", n);
        f.put("COMM_NEWS_ITEMS", 2 * n);
        f.put("COMM_BANNERS", 3 + n % 7);
        f.put("COMM_LEAFLETS", 100 * n);
        f.put("COMM_PARTICIPANTS", 250 * n);
        f.put("FUND_RAISED_VND", 1_000_000L * n + 500_000L);
        f.put("RESOURCES_STATE_BUDGET_VND", 2_000_000L * (n % 10));
        f.put("RESOURCES_SOCIAL_VND", 750_000L * n);
        f.put("CHILDREN_GIFTED", 10 * n);
        f.put("GIFTS_COUNT", 12 * n);
        f.put("GIFTS_VALUE_VND", 300_000L * n);
        f.put("SCHOLARSHIPS_COUNT", n % 5);
        f.put("SCHOLARSHIPS_VALUE_VND", 1_500_000L * (n % 5));
        f.put("CHILDREN_SPECIAL_SUPPORTED", n % 9);
        f.put("CHILDREN_SCREENED", 20 * (n % 4));
        f.put("CHILDREN_OPERATED", n % 2);
        f.put("CHILDREN_FORUMS", n % 3);
        f.put("FORUM_CHILD_PARTICIPANTS", 30 * (n % 3));
        f.put("PLAY_EVENTS", n % 6);
        f.put("SWIM_LESSON_CHILDREN", 15 * (n % 8));
        f.put("SUMMER_HANDOVER_CHILDREN", 40 * n);
        f.put(SAMPLE_INDICATOR, sample ? 1 : 0);
        f.put("WORKS_VALUE_VND", 5_000_000L * (n % 3));
        return f;
    }

    static void addTo(Map<String, AtomicLong> sums, Map<String, Object> figures) {
        figures.forEach((code, v) -> sums.computeIfAbsent(code, k -> new AtomicLong())
                .addAndGet(v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).longValue()));
    }

    /** The total of one indicator in a consolidation response; 0 when it is not there. */
    static long total(JsonNode consolidation, String code) {
        for (JsonNode f : consolidation.path("figures")) {
            if (code.equals(f.path("code").asText())) {
                return f.path("total").asLong();
            }
        }
        return 0;
    }

    static boolean matches(JsonNode consolidation, Map<String, Long> expected) {
        return expected.entrySet().stream().allMatch(e -> total(consolidation, e.getKey()) == e.getValue());
    }
}
