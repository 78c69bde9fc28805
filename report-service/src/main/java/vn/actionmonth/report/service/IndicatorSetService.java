package vn.actionmonth.report.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.actionmonth.common.problem.Problems;
import vn.actionmonth.report.domain.Aggregation;
import vn.actionmonth.report.domain.Indicator;
import vn.actionmonth.report.domain.IndicatorSet;
import vn.actionmonth.report.domain.IndicatorType;
import vn.actionmonth.report.repository.IndicatorSetRepository;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The indicator sets the service ships (resources/indicators/&lt;CODE&gt;.csv). At start each shipped
 * set is compared with the newest stored version and stored as a new version when it differs, so
 * reports made against an older version keep their definitions.
 */
@ApplicationScoped
public class IndicatorSetService {

    public static final String DEFAULT_SET = "CAM";
    private static final Map<String, String> SHIPPED = Map.of(DEFAULT_SET, "Tháng hành động vì trẻ em");

    private final IndicatorSetRepository repository;
    private final Map<String, IndicatorSet> cache = new ConcurrentHashMap<>();

    public IndicatorSetService(IndicatorSetRepository repository) {
        this.repository = repository;
    }

    void onStart(@Observes StartupEvent ev) {
        QuarkusTransaction.requiringNew().run(() -> {
            List<IndicatorSet> stored = repository.all();
            SHIPPED.forEach((code, name) -> {
                List<Indicator> shipped = readCsv("indicators/" + code + ".csv");
                Optional<IndicatorSet> latest = stored.stream().filter(s -> s.code().equals(code))
                        .max(Comparator.comparingInt(IndicatorSet::version));
                IndicatorSet candidate = new IndicatorSet(code, latest.map(s -> s.version() + 1).orElse(1), name, shipped);
                if (latest.isEmpty() || !latest.get().sameDefinition(candidate)) {
                    repository.insert(candidate);
                }
            });
        });
        reload();
    }

    private void reload() {
        repository.all().forEach(s -> cache.put(key(s.code(), s.version()), s));
    }

    public List<IndicatorSet> all() {
        return cache.values().stream().sorted(Comparator.comparing(IndicatorSet::code)
                .thenComparingInt(IndicatorSet::version)).toList();
    }

    public IndicatorSet get(String code, int version) {
        IndicatorSet s = cache.get(key(code, version));
        if (s == null) {
            reload();
            s = cache.get(key(code, version));
        }
        if (s == null) {
            throw Problems.notFound("indicator set", code + " version " + version);
        }
        return s;
    }

    public IndicatorSet latest(String code) {
        String c = code == null || code.isBlank() ? DEFAULT_SET : code;
        return all().stream().filter(s -> s.code().equals(c)).max(Comparator.comparingInt(IndicatorSet::version))
                .orElseThrow(() -> Problems.notFound("indicator set", c));
    }

    private static String key(String code, int version) {
        return code + "#" + version;
    }

    static List<Indicator> readCsv(String resource) {
        List<Indicator> out = new ArrayList<>();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = reader.readLine();
            if (header == null || !header.startsWith("code,")) {
                throw new IllegalStateException(resource + " has no header");
            }
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = splitCsv(line);
                // code,group,name_vi,name_en,unit,type,aggregation
                out.add(new Indicator(f.get(0), f.get(1), nfc(f.get(2)), f.get(3), f.get(4), IndicatorType.of(f.get(5)),
                        Aggregation.of(f.get(6))));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
        return out;
    }

    static List<String> splitCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        while (out.size() < 7) {
            out.add("");
        }
        return out;
    }

    static String nfc(String s) {
        return s == null ? null : Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
