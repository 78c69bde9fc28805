package vn.actionmonth.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import vn.actionmonth.devstack.DevStack;
import vn.actionmonth.devstack.ServiceSpec;
import vn.actionmonth.devstack.Stack;
import vn.actionmonth.devstack.StackOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A national campaign on this machine: import a real (or synthetic) tree through plan-service,
 * publish the plans of every level, then submit every unit's report with all the Children's
 * Action Month indicators through the REST API from many concurrent clients while readers query
 * the consolidated figures. Prints the figures and writes them as JSON, next to what the machine
 * itself can do (raw JDBC inserts, raw Kafka round trips) in the same run.
 *
 * <p>Usage: {@code ./bench [--tree pre2025|post2025|synthetic:100000] [--clients 32] [--out FILE]}
 */
public final class NationalBenchmark {

    private static final UUID SYSTEM_UNIT = new UUID(0, 0);

    private final Options options;
    private final Http http = new Http();
    private Stack stack;
    private String planApi;
    private String reportApi;

    private NationalBenchmark(Options options) {
        this.options = options;
    }

    /** @param reminderStorm run the reminder storm ({@link ReminderStorm}) instead of the submissions */
    record Options(Path projectDir, String tree, int clients, Path out, int departmentsPerProvince, boolean reminderStorm) {
        static Options parse(String[] args) {
            String tree = "pre2025";
            int clients = 32;
            Path out = null;
            int departments = 20;
            boolean storm = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--tree" -> tree = args[++i];
                    case "--reminder-storm" -> storm = true;
                    case "--clients" -> clients = Integer.parseInt(args[++i]);
                    case "--out" -> out = Path.of(args[++i]);
                    case "--departments" -> departments = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; usage: [--tree pre2025|post2025|synthetic:N] [--clients 32] [--departments 20] [--out FILE] "
                            + "[--reminder-storm]");
                }
            }
            Path project = Path.of(System.getProperty("benchmark.projectDir", ".")).toAbsolutePath().normalize();
            if (out == null) {
                out = project.resolve("benchmark/target/" + (storm ? "reminder-storm-" : "benchmark-")
                        + tree.replace(':', '-') + ".json");
            }
            return new Options(project, tree, clients, out, departments, storm);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (options.reminderStorm()) {
            ReminderStorm.Result storm = ReminderStorm.run(new ReminderStorm.Options(options.projectDir(), options.tree(),
                    options.departmentsPerProvince(), 10, options.out()));
            System.exit(storm.failures().isEmpty() ? 0 : 1);
        }
        Map<String, Object> result = new NationalBenchmark(options).run();
        Files.createDirectories(options.out().getParent());
        Files.writeString(options.out(), Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        System.out.println("\nwritten to " + options.out());
        System.exit(0);
    }

    private Map<String, Object> run() throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("tree", options.tree());
        result.put("clients", options.clients());
        result.put("cores", Runtime.getRuntime().availableProcessors());
        StackOptions stackOptions = StackOptions.defaults(options.projectDir())
                .withStateDir(options.projectDir().resolve("benchmark/target/stack"))
                .withPostgresPort(0).withKafkaPort(0)
                // The production build, but for a synthetic tree, whose import exists only in the drill build.
                .mapServices(s -> new ServiceSpec(s.name(), s.database(), 0, Map.of("PLAN_SAMPLE_DATA", "false"),
                        options.tree().startsWith("synthetic")));
        try (Stack started = Stack.start(stackOptions, line -> System.out.println("[stack] " + line))) {
            stack = started;
            // Ctrl-C or a kill must not leave the services running.
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
            planApi = stack.service("plan-service").endpoint().baseUrl();
            reportApi = stack.service("report-service").endpoint().baseUrl();

            Campaign campaign = new CampaignBuilder(http, planApi, stack::token, SYSTEM_UNIT)
                    .build(options.tree(), options.projectDir(), options.departmentsPerProvince(), 2024, result);
            System.out.printf("tree: %d units, %d obligations%n", campaign.unitCount(), campaign.obligations().size());
            awaitObligationsInReportService(campaign);

            Map<String, Long> expected = new HashMap<>();
            Map<String, Object> load = submitEverything(campaign, expected);
            long lastSubmission = (long) load.remove("lastSubmissionNanos");
            result.put("load", load);
            result.put("convergence", convergence(campaign, expected, lastSubmission));
            result.put("peakRssMib", peakMemory());
            result.put("machineLimits", machineLimits());
            result.put("ratios", ratios(load, (Map<?, ?>) result.get("machineLimits")));
        }
        print(result);
        return result;
    }

    private void awaitObligationsInReportService(Campaign c) throws InterruptedException {
        long start = System.nanoTime();
        while (true) {
            Http.Reply r = http.get(reportApi + "/api/v1/completeness?unit=" + c.ministry() + "&campaign=" + c.id(),
                    stack.token(SYSTEM_UNIT, "system"));
            if (r.status() == 200 && r.body().path("owed").asInt() >= c.obligations().size()) {
                System.out.printf("obligations in report-service after %.1f s%n", (System.nanoTime() - start) / 1e9);
                return;
            }
            if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(10)) {
                throw new IllegalStateException("report-service did not learn all obligations: " + r.body());
            }
            Thread.sleep(500);
        }
    }

    private Map<String, Object> submitEverything(Campaign c, Map<String, Long> expected) throws Exception {
        ConcurrentLinkedQueue<Campaign.Obligation> queue = new ConcurrentLinkedQueue<>(c.obligations());
        Latencies submit = new Latencies();
        Latencies ministryReads = new Latencies();
        Latencies provinceReads = new Latencies();
        Latencies freshness = new Latencies();
        AtomicBoolean loading = new AtomicBoolean(true);
        Map<String, AtomicLong> sums = new java.util.concurrent.ConcurrentHashMap<>();
        String systemToken = stack.token(SYSTEM_UNIT, "system");
        String ministryUrl = reportApi + "/api/v1/consolidations?unit=" + c.ministry() + "&campaign=" + c.id();
        String provinceUrl = reportApi + "/api/v1/consolidations?unit=" + c.aProvince() + "&campaign=" + c.id();

        ExecutorService readers = Executors.newFixedThreadPool(2);
        readers.submit(() -> read(ministryUrl, systemToken, ministryReads, loading));
        readers.submit(() -> read(provinceUrl, systemToken, provinceReads, loading));

        // The sampler submits one report in a hundred itself, with the only non-zero value of one
        // indicator, and times how long until the ministry's total shows it.
        int samples = Math.max(10, c.obligations().size() / 100);
        List<Campaign.Obligation> sampled = new ArrayList<>();
        for (int i = 0; i < samples && !queue.isEmpty(); i++) {
            sampled.add(queue.poll());
        }
        // A client signs in once, not per request: every reporting unit's token is minted before the clock starts.
        Map<UUID, String> tokens = c.obligations().parallelStream().map(Campaign.Obligation::unitId).distinct()
                .collect(Collectors.toConcurrentMap(u -> u, u -> stack.token(u, "reporter")));
        ExecutorService clients = Executors.newFixedThreadPool(options.clients());
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        int tenth = Math.max(1, queue.size() / 10);
        Map<String, java.time.Duration> cpuBefore = cpu();
        long start = System.nanoTime();
        for (int i = 0; i < options.clients(); i++) {
            clients.submit(() -> {
                Campaign.Obligation o;
                while ((o = queue.poll()) != null) {
                    Map<String, Object> figures = Figures.of(o.unitId(), false);
                    submitOne(o, tokens.get(o.unitId()), figures, submit);
                    Figures.addTo(sums, figures);
                    if (done.incrementAndGet() % tenth == 0) {
                        System.out.printf("  %d submitted, %.1f s%n", done.get(), (System.nanoTime() - start) / 1e9);
                    }
                }
                return null;
            });
        }
        long sampleValue = 0;
        for (Campaign.Obligation o : sampled) {
            Map<String, Object> figures = Figures.of(o.unitId(), true);
            long answered = submitOne(o, tokens.get(o.unitId()), figures, submit);
            Figures.addTo(sums, figures);
            sampleValue++;
            while (Figures.total(http.get(ministryUrl, systemToken).body(), Figures.SAMPLE_INDICATOR) < sampleValue) {
                Thread.onSpinWait();
            }
            freshness.record((System.nanoTime() - answered) / 1000);
        }
        clients.shutdown();
        clients.awaitTermination(2, TimeUnit.HOURS);
        long end = System.nanoTime();
        Map<String, java.time.Duration> cpuAfter = cpu();
        loading.set(false);
        readers.shutdown();
        readers.awaitTermination(1, TimeUnit.MINUTES);
        sums.forEach((k, v) -> expected.put(k, v.get()));

        int total = c.obligations().size();
        double seconds = (end - start) / 1e9;
        Map<String, Object> load = new LinkedHashMap<>();
        load.put("submissions", total);
        load.put("seconds", round(seconds));
        load.put("submissionsPerSecond", round(total / seconds));
        load.put("submitP50Ms", submit.percentileMillis(50));
        load.put("submitP95Ms", submit.percentileMillis(95));
        load.put("submitP99Ms", submit.percentileMillis(99));
        load.put("freshnessSamples", freshness.count());
        load.put("freshnessP50Ms", freshness.percentileMillis(50));
        load.put("freshnessP99Ms", freshness.percentileMillis(99));
        load.put("readsMinistry", ministryReads.count());
        load.put("readMinistryP50Ms", ministryReads.percentileMillis(50));
        load.put("readMinistryP99Ms", ministryReads.percentileMillis(99));
        load.put("readProvinceP50Ms", provinceReads.percentileMillis(50));
        load.put("readProvinceP99Ms", provinceReads.percentileMillis(99));
        // Includes the readers' and the freshness sampler's requests, as the rates do.
        load.put("cpuMsPerSubmission", CpuTime.perUnit(cpuBefore, cpuAfter, total));
        load.put("lastSubmissionNanos", end);
        return load;
    }

    /**
     * Reports as a ward's phone would: one request that creates and submits the report
     * (PUT /api/v1/obligations/{id}/report?submit=true). Returns the instant (nanoTime) it was
     * answered.
     */
    private long submitOne(Campaign.Obligation o, String token, Map<String, Object> figures, Latencies submit) {
        long t0 = System.nanoTime();
        http.send("PUT", reportApi + "/api/v1/obligations/" + o.id() + "/report?submit=true", token,
                Map.of("figures", figures, "results", Figures.NARRATIVE), Map.of())
                .expect(201, "report of " + o.unitId());
        long t1 = System.nanoTime();
        submit.record((t1 - t0) / 1000);
        return t1;
    }

    private Void read(String url, String token, Latencies into, AtomicBoolean loading) {
        while (loading.get()) {
            long t0 = System.nanoTime();
            http.get(url, token).expect(200, "read " + url);
            into.record((System.nanoTime() - t0) / 1000);
        }
        return null;
    }

    /** From the last submission until the consistency check finds nothing and the ministry shows every figure. */
    private Map<String, Object> convergence(Campaign c, Map<String, Long> expected, long lastSubmission)
            throws InterruptedException {
        String token = stack.token(SYSTEM_UNIT, "system");
        String ministryUrl = reportApi + "/api/v1/consolidations?unit=" + c.ministry() + "&campaign=" + c.id();
        while (true) {
            JsonNode ministry = http.get(ministryUrl, token).expect(200, "ministry").body();
            if (Figures.matches(ministry, expected)) {
                break;
            }
            if (System.nanoTime() - lastSubmission > TimeUnit.MINUTES.toNanos(10)) {
                throw new IllegalStateException("the ministry's figures never reached the submitted totals: " + ministry);
            }
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - lastSubmission) / 1e9;
        double eventsOut = secondsUntilConsolidationEventsOut(lastSubmission);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("secondsUntilMinistryMatches", round(seconds));
        out.put("secondsUntilConsolidationEventsOut", round(eventsOut));
        long checkStart = System.nanoTime();
        Http.Reply check = http.post(reportApi + "/api/v1/consistency-checks", token, null);
        out.put("consistencyCheckSeconds", round((System.nanoTime() - checkStart) / 1e9));
        if (check.status() == 200) {
            out.put("consistencyDifferences", check.body().path("differences").size());
        } else {
            // The run's other figures are worth keeping: the failure is reported with them.
            out.put("consistencyCheckFailed", "HTTP " + check.status() + " " + check.body());
        }
        return out;
    }

    /**
     * From the last submission until report-service has written the ConsolidationChanged of every
     * moved unit and plan to its outbox (busy pairs go out once per min-interval, so this includes
     * up to one window); -1 when some were still waiting after 10 minutes (the run's other figures
     * are kept).
     */
    private double secondsUntilConsolidationEventsOut(long lastSubmission) throws InterruptedException {
        DevStack infra = stack.infrastructure();
        try (Connection c = DriverManager.getConnection(infra.postgres().jdbcUrl("report"), infra.postgres().user(),
                infra.postgres().password()); Statement st = c.createStatement()) {
            while (true) {
                try (ResultSet rs = st.executeQuery(
                        "SELECT count(*) FROM consolidation_publication WHERE version > published_version")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return (System.nanoTime() - lastSubmission) / 1e9;
                    }
                }
                if (System.nanoTime() - lastSubmission > TimeUnit.MINUTES.toNanos(10)) {
                    System.out.println("consolidation events still waiting 10 minutes after the last submission");
                    return -1;
                }
                Thread.sleep(200);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read report-service's publication state", e);
        }
    }

    /** CPU time so far of each service, PostgreSQL (with its backends), Kafka and this benchmark's clients. */
    private Map<String, java.time.Duration> cpu() {
        Map<String, java.time.Duration> out = new LinkedHashMap<>();
        stack.services().forEach(s -> out.put(s.name(), CpuTime.of(s.pid(), false)));
        DevStack infra = stack.infrastructure();
        out.put("postgresql", CpuTime.of(infra.postgres().pid(), true));
        out.put("kafka", CpuTime.of(infra.kafka().pid(), false));
        out.put("benchmark", CpuTime.of(ProcessHandle.current().pid(), false));
        return out;
    }

    private Map<String, Object> peakMemory() {
        Map<String, Object> out = new LinkedHashMap<>();
        stack.services().forEach(s -> out.put(s.name(), round(PeakMemory.peakRssMib(s.pid()))));
        DevStack infra = stack.infrastructure();
        // PostgreSQL is a postmaster and a process per connection sharing one buffer pool: the sum
        // of their RSS counts that pool many times, so its proportional share (PSS) is given too.
        out.put("postgresqlPostmaster", round(PeakMemory.peakRssMib(infra.postgres().pid())));
        out.put("postgresqlAllProcessesPssNow", stack.memory().get("postgres").pssMb());
        out.put("kafka", round(PeakMemory.peakRssMib(infra.kafka().pid())));
        return out;
    }

    private Map<String, Object> machineLimits() throws Exception {
        DevStack infra = stack.infrastructure();
        String figures = Http.JSON.writeValueAsString(Figures.of(UUID.randomUUID(), false));
        double jdbc = MachineLimits.jdbcInsertRowsPerSecond(infra.postgres().jdbcUrl("report"), infra.postgres().user(),
                infra.postgres().password(), figures, 20_000);
        double transactions = MachineLimits.jdbcSubmissionTransactionsPerSecond(infra.postgres().jdbcUrl("report"),
                infra.postgres().user(), infra.postgres().password(), figures, options.clients(), 300);
        Latencies kafka = MachineLimits.kafkaRoundTrips(infra.bootstrapServers(), 1000);
        return MachineLimits.describe(jdbc, transactions, kafka);
    }

    private static Map<String, Object> ratios(Map<String, Object> load, Map<?, ?> limits) {
        Map<String, Object> out = new LinkedHashMap<>();
        double jdbc = ((Number) limits.get("jdbcBatchInsertRowsPerSecond")).doubleValue();
        out.put("submissionsAsPercentOfJdbcInsertRate",
                round(100 * ((Number) load.get("submissionsPerSecond")).doubleValue() / jdbc));
        double transactions = ((Number) limits.get("jdbcSubmissionTransactionsPerSecond")).doubleValue();
        out.put("submissionsAsPercentOfJdbcSubmissionTransactions",
                round(100 * ((Number) load.get("submissionsPerSecond")).doubleValue() / transactions));
        out.put("freshnessP99ToKafkaRoundTripP99", round(((Number) load.get("freshnessP99Ms")).doubleValue()
                / ((Number) limits.get("kafkaRoundTripP99Ms")).doubleValue()));
        return out;
    }

    private static void print(Map<String, Object> result) {
        System.out.println();
        System.out.println("== national benchmark: " + result.get("tree") + ", " + result.get("clients") + " clients, "
                + result.get("cores") + " cores");
        result.forEach((k, v) -> {
            if (v instanceof Map<?, ?> m) {
                System.out.println(k + ":");
                m.forEach((a, b) -> System.out.printf("  %-40s %s%n", a, b));
            }
        });
    }

    static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
