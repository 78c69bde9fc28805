package vn.actionmonth.plan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import vn.actionmonth.plan.config.SampleDataConfig;
import vn.actionmonth.plan.domain.UnitKind;
import vn.actionmonth.plan.repository.CampaignRepository;
import vn.actionmonth.plan.repository.PlanRepository;
import vn.actionmonth.plan.repository.UnitRepository;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Loads the sample that mirrors the seed documents (classpath sample/sample-2024.json): the
 * ministry, four provinces with the departments and mass organisations their plans name, Kon Tum
 * city with Phường Nguyễn Trãi and a few other wards, the 2024 campaign, and the plans, all
 * published so that obligations exist for the other services.
 *
 * <p>Idempotent: every item has a fixed id (name-based UUIDs; administrative units get the
 * import's ids, derived from their statistical code) and is only created when absent. It goes
 * through the same services as the API, so every change has its events.
 */
@ApplicationScoped
public class SampleData {

    public static final LocalDate VALID_FROM = LocalDate.of(2024, 1, 1);
    private static final Logger LOG = Logger.getLogger(SampleData.class);
    private static final String NATIONAL_LIST = "units/units-before-2025-07-01.csv";

    private final SampleDataConfig config;
    private final ObjectMapper mapper;
    private final Access access;
    private final UnitService unitService;
    private final ImportService importService;
    private final CampaignService campaignService;
    private final PlanService planService;
    private final UnitRepository units;
    private final CampaignRepository campaigns;
    private final PlanRepository plans;

    public SampleData(SampleDataConfig config, ObjectMapper mapper, Access access, UnitService unitService,
            ImportService importService, CampaignService campaignService, PlanService planService, UnitRepository units,
            CampaignRepository campaigns, PlanRepository plans) {
        this.config = config;
        this.mapper = mapper;
        this.access = access;
        this.unitService = unitService;
        this.importService = importService;
        this.campaignService = campaignService;
        this.planService = planService;
        this.units = units;
        this.campaigns = campaigns;
        this.plans = plans;
    }

    /** The fixed id of a sample item, e.g. {@code id("unit:LS-SNV")} or {@code id("plan:lc-2024")}. */
    public static UUID id(String key) {
        return UUID.nameUUIDFromBytes(("vn.actionmonth.sample:" + key).getBytes(StandardCharsets.UTF_8));
    }

    public static UUID ministryId() {
        return id("unit:ministry");
    }

    /** The id the sample gives the administrative unit with this statistical code. */
    public static UUID adminUnitId(String code) {
        return ImportService.idOf(ministryId(), code, VALID_FROM, Set.of());
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            load();
        }
    }

    @ActivateRequestContext
    public void load() {
        access.actAsSystem("sample-data");
        JsonNode doc = read();
        JsonNode m = doc.get("ministry");
        if (units.findById(ministryId()) == null) {
            unitService.create(ministryId(), new UnitDraft(UnitKind.MINISTRY, m.get("name").asText(),
                    m.get("shortName").asText(), null, null, null, null, null, null, VALID_FROM, null));
        }
        var result = importService.importTree(ministryId(), VALID_FROM, adminRows(doc.get("adminUnits")));
        for (JsonNode u : doc.get("units")) {
            UUID id = id("unit:" + u.get("key").asText());
            if (units.findById(id) == null) {
                unitService.create(id, new UnitDraft(UnitKind.valueOf(u.get("kind").asText()), u.get("name").asText(),
                        u.get("shortName").asText(), null, null, null, null, null, unitRef(u.get("parent").asText()),
                        VALID_FROM, null));
            }
        }
        JsonNode c = doc.get("campaign");
        UUID campaignId = id("campaign:" + c.get("key").asText());
        if (campaigns.findById(campaignId) == null) {
            ObjectNode input = c.deepCopy();
            input.remove("key");
            campaignService.create(campaignId, mapper.convertValue(input, CampaignDraft.class));
        }
        int created = 0;
        for (JsonNode p : doc.get("plans")) {
            UUID id = id("plan:" + p.get("key").asText());
            if (plans.findById(id) == null) {
                planService.create(id, mapper.convertValue(resolve(p.get("plan")), PlanDraft.class));
                planService.publish(id, null);
                created++;
            }
        }
        LOG.infof("sample data: %d administrative units created, %d plans created and published", result.created(), created);
    }

    private JsonNode read() {
        try (InputStream in = resource("sample/sample-2024.json")) {
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("the sample data cannot be read", e);
        }
    }

    /** The administrative units the sample names, as rows of the national list. */
    private List<ImportService.Numbered> adminRows(JsonNode spec) {
        Set<String> codes = new HashSet<>();
        spec.get("codes").forEach(n -> codes.add(n.asText()));
        Set<String> allChildrenOf = new HashSet<>();
        spec.get("childrenOf").forEach(n -> allChildrenOf.add(n.asText()));
        Map<String, Integer> someChildrenOf = new HashMap<>();
        spec.get("someChildrenOf").fields().forEachRemaining(e -> someChildrenOf.put(e.getKey(), e.getValue().asInt()));
        List<ImportService.Numbered> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(resource(NATIONAL_LIST), StandardCharsets.UTF_8))) {
            r.readLine();
            String line;
            int n = 1;
            while ((line = r.readLine()) != null) {
                n++;
                String[] f = line.split(",", -1);
                String code = f[0];
                String parent = f[4];
                boolean wanted = codes.contains(code) || allChildrenOf.contains(parent);
                if (!wanted && someChildrenOf.containsKey(parent) && someChildrenOf.get(parent) > 0) {
                    someChildrenOf.merge(parent, -1, Integer::sum);
                    wanted = true;
                }
                if (wanted) {
                    rows.add(new ImportService.Numbered(NATIONAL_LIST + ":" + n,
                            new UnitRow(code, f[1], null, parent.isEmpty() ? null : parent, null, null)));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /**
     * Replaces the sample's references: "@unit:62" (statistical code) or "@unit:LS-SNV" (sample
     * key), "@plan:key" and "@campaign:key".
     */
    private JsonNode resolve(JsonNode node) {
        if (node.isTextual() && node.asText().startsWith("@")) {
            String[] ref = node.asText().substring(1).split(":", 2);
            return switch (ref[0]) {
                case "unit" -> TextNode.valueOf(unitRef(ref[1]).toString());
                case "plan", "campaign" -> TextNode.valueOf(id(ref[0] + ":" + ref[1]).toString());
                default -> throw new IllegalStateException("unknown sample reference " + node.asText());
            };
        }
        if (node.isArray()) {
            ArrayNode out = mapper.createArrayNode();
            for (JsonNode item : node) {
                out.add(resolve(item));
            }
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = mapper.createObjectNode();
            node.fields().forEachRemaining(e -> out.set(e.getKey(), resolve(e.getValue())));
            return out;
        }
        return node;
    }

    private UUID unitRef(String key) {
        if (key.chars().allMatch(Character::isDigit)) {
            return units.byAdminCodeInTree(ministryId(), key).map(u -> u.id)
                    .orElseThrow(() -> new IllegalStateException("the sample names unit " + key + " which is not loaded"));
        }
        return id("unit:" + key);
    }

    private static InputStream resource(String name) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        return in;
    }

}
