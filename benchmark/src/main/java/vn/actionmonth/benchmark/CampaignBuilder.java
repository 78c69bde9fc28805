package vn.actionmonth.benchmark;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Builds the campaign through plan-service as officials would: the ministry, the imported tree,
 * the campaign, then the plans of every level (the ministry's guidance, one plan per province,
 * one per district), each naming its children as the units that report.
 */
final class CampaignBuilder {

    interface Tokens {
        String token(UUID unit, String... roles);
    }

    /** When each level's reports are due: the ministry's guidance, a province's plan, a district's plan. */
    record DueDates(String guidance, String province, String district) {

        /** As real plans set them: communes first, then districts and departments, then provinces. */
        static DueDates staggered(int year) {
            return new DueDates(year + "-08-01T00:00:00+07:00", year + "-07-20T00:00:00+07:00",
                    year + "-07-10T00:00:00+07:00");
        }

        /** Every report of the country due at one instant: the worst case for reminders. */
        static DueDates all(String instant) {
            return new DueDates(instant, instant, instant);
        }
    }

    private final Http http;
    private final String planApi;
    private final Tokens tokens;
    private final UUID systemUnit;

    CampaignBuilder(Http http, String planApi, Tokens tokens, UUID systemUnit) {
        this.http = http;
        this.planApi = planApi;
        this.tokens = tokens;
        this.systemUnit = systemUnit;
    }

    /**
     * @param tree {@code pre2025}, {@code post2025} (the official lists) or {@code synthetic:<size>}
     * @param year the campaign's year: June is its month, the reports are due in July and August
     */
    Campaign build(String tree, java.nio.file.Path projectDir, int departmentsPerProvince, int year,
                   Map<String, Object> result) throws Exception {
        return build(tree, projectDir, departmentsPerProvince, year, DueDates.staggered(year), result);
    }

    Campaign build(String tree, java.nio.file.Path projectDir, int departmentsPerProvince, int year, DueDates due,
                   Map<String, Object> result) throws Exception {
        String system = tokens.token(systemUnit, "system");
        UUID ministry = id(http.post(planApi + "/api/v1/units", system, Map.of("kind", "MINISTRY",
                "name", "Bộ Lao động - Thương binh và Xã hội", "agencyCode", "000.00.00.G12", "validFrom", "2020-01-01"))
                .expect(201, "create the ministry"));

        long t0 = System.nanoTime();
        JsonNode imported;
        if (tree.startsWith("synthetic:")) {
            imported = http.post(planApi + "/api/v1/unit-imports/synthetic?rootId=" + ministry + "&validFrom=2020-01-01&seed=2024"
                    + "&size=" + Integer.parseInt(tree.substring("synthetic:".length())), system, null)
                    .expect(200, "import the synthetic tree").body();
        } else {
            imported = http.post(planApi + "/api/v1/unit-imports?rootId=" + ministry + "&validFrom=2020-01-01",
                    tokens.token(ministry, "admin"), TreeSource.of(tree, projectDir, departmentsPerProvince))
                    .expect(200, "import the tree").body();
        }
        double importSeconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> importFigures = new LinkedHashMap<>();
        importFigures.put("units", imported.path("created").asInt());
        importFigures.put("seconds", NationalBenchmark.round(importSeconds));
        result.put("import", importFigures);
        System.out.printf("imported %d units in %.1f s%n", imported.path("created").asInt(), importSeconds);

        Map<UUID, List<JsonNode>> children = new HashMap<>();
        int count = 0;
        for (int page = 0; ; page++) {
            JsonNode p = http.get(planApi + "/api/v1/units/" + ministry + "/subtree?page=" + page + "&size=1000", system)
                    .expect(200, "read the tree").body();
            for (JsonNode u : p.path("items")) {
                count++;
                if (!u.path("parentId").isNull() && !u.path("parentId").isMissingNode()) {
                    children.computeIfAbsent(UUID.fromString(u.path("parentId").asText()), k -> new ArrayList<>()).add(u);
                }
            }
            if (p.path("items").size() < 1000) {
                break;
            }
        }

        UUID campaign = id(http.post(planApi + "/api/v1/campaigns", tokens.token(ministry, "planner"), Map.of(
                "name", "Tháng hành động vì trẻ em năm " + year, "year", year,
                "theme", "Hành động thiết thực, ưu tiên nguồn lực cho trẻ em",
                "periodStart", year + "-06-01", "periodEnd", year + "-06-30",
                "messages", List.of("Hành động thiết thực, ưu tiên nguồn lực cho trẻ em."))).expect(201, "campaign"));

        long p0 = System.nanoTime();
        List<UUID> plans = Collections.synchronizedList(new ArrayList<>());
        List<JsonNode> provinces = children.getOrDefault(ministry, List.of());
        UUID guidance = publish(ministry, campaign, null, "982/LĐTBXH-CTE", ids(provinces), due.guidance());
        plans.add(guidance);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Map<UUID, UUID> provincePlans = new HashMap<>();
            for (Future<UUID[]> f : pool.invokeAll(provinces.stream().map(p -> (java.util.concurrent.Callable<UUID[]>) () -> {
                UUID unit = UUID.fromString(p.path("id").asText());
                return new UUID[]{unit, publish(unit, campaign, guidance, "/KH-UBND", ids(children.getOrDefault(unit, List.of())),
                        due.province())};
            }).toList())) {
                UUID[] r = f.get();
                provincePlans.put(r[0], r[1]);
                plans.add(r[1]);
            }
            List<java.util.concurrent.Callable<UUID>> districtPlans = new ArrayList<>();
            for (JsonNode province : provinces) {
                UUID provinceId = UUID.fromString(province.path("id").asText());
                for (JsonNode d : children.getOrDefault(provinceId, List.of())) {
                    UUID unit = UUID.fromString(d.path("id").asText());
                    List<JsonNode> below = children.getOrDefault(unit, List.of());
                    if ("DISTRICT".equals(d.path("kind").asText()) && !below.isEmpty()) {
                        districtPlans.add(() -> publish(unit, campaign, provincePlans.get(provinceId), "/KH-UBND", ids(below),
                                due.district()));
                    }
                }
            }
            for (Future<UUID> f : pool.invokeAll(districtPlans)) {
                plans.add(f.get());
            }
            double publishSeconds = (System.nanoTime() - p0) / 1e9;
            result.put("plans", Map.of("published", plans.size(), "seconds", NationalBenchmark.round(publishSeconds)));
            System.out.printf("published %d plans in %.1f s%n", plans.size(), publishSeconds);

            List<Campaign.Obligation> obligations = Collections.synchronizedList(new ArrayList<>());
            pool.invokeAll(plans.stream().map(plan -> (java.util.concurrent.Callable<Void>) () -> {
                for (JsonNode o : http.get(planApi + "/api/v1/plans/" + plan + "/obligations", system)
                        .expect(200, "obligations").body()) {
                    obligations.add(new Campaign.Obligation(UUID.fromString(o.path("id").asText()),
                            UUID.fromString(o.path("unitId").asText()), plan));
                }
                return null;
            }).toList());
            UUID aProvince = provinces.isEmpty() ? ministry : UUID.fromString(provinces.get(0).path("id").asText());
            return new Campaign(campaign, ministry, aProvince, count + 1, List.copyOf(obligations));
        } finally {
            pool.shutdown();
        }
    }

    private UUID publish(UUID issuer, UUID campaign, UUID basis, String number, List<UUID> reporting, String dueAt) {
        String planner = tokens.token(issuer, "planner");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", number);
        body.put("title", "Kế hoạch triển khai Tháng hành động vì trẻ em");
        body.put("issuerId", issuer);
        body.put("campaignId", campaign);
        body.put("basisPlanId", basis);
        body.put("theme", "Hành động thiết thực, ưu tiên nguồn lực cho trẻ em");
        if (!reporting.isEmpty()) {
            body.put("reportingRequirement", Map.of("reportingUnitIds", reporting, "recipientId", issuer,
                    "indicatorSetCode", "CAM", "dueAt", dueAt));
        }
        Http.Reply draft = http.post(planApi + "/api/v1/plans", planner, body).expect(201, "create plan of " + issuer);
        UUID plan = id(draft);
        http.send("POST", planApi + "/api/v1/plans/" + plan + "/publish", planner, null, Map.of("If-Match", draft.etag()))
                .expect(200, "publish plan " + plan);
        return plan;
    }

    private static List<UUID> ids(List<JsonNode> units) {
        return units.stream().map(u -> UUID.fromString(u.path("id").asText())).toList();
    }

    private static UUID id(Http.Reply r) {
        return UUID.fromString(r.body().path("id").asText());
    }
}
