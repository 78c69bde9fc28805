package vn.actionmonth.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import vn.actionmonth.devstack.DevStack;
import vn.actionmonth.devstack.PostgresNode;
import vn.actionmonth.devstack.RunningService;
import vn.actionmonth.devstack.ServiceSpec;
import vn.actionmonth.devstack.Stack;
import vn.actionmonth.devstack.StackOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The fault-injection run: a campaign on a synthetic tree, every reporting unit submitting its
 * report from many clients that retry as a mobile app does (the same {@code Idempotency-Key}
 * until an answer comes), while the parts of the system are killed and restarted one after the
 * other: each service ({@code kill -9}), the Kafka broker ({@code kill -9}), PostgreSQL (an
 * immediate shutdown, as a power cut) and a second replica of report-service and of
 * notification-service. A few units never report.
 *
 * <p>At the end it checks, and prints: every acknowledged submission is stored as submitted; the
 * ministry's totals equal the sum of what clients were told was submitted; the consistency check
 * finds nothing and nothing waits in any outbox; ALL_CHILDREN_REPORTED reached each recipient of a
 * plan whose units all reported exactly once, and no other; the deadline notices (reminder, due,
 * overdue, escalation) went to the units that never reported and to no unit that had; the
 * dead-letter topics are empty. The run fails (exit code 1) when any of these does not hold.
 *
 * <p>Usage: {@code ./chaos [--units 3000] [--clients 16] [--faults all|kill-report-service,...]
 * [--down-seconds 3] [--out FILE]}
 */
public final class FaultInjection {

    private static final UUID SYSTEM_UNIT = new UUID(0, 0);
    private static final Set<String> DEADLINE_NOTICES = Set.of("REMINDER", "DUE", "OVERDUE", "ESCALATION");
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration CONVERGE_TIMEOUT = Duration.ofMinutes(3);
    /** Clients give up on one request after this long; none should ever need it. */
    private static final long GIVE_UP_NANOS = TimeUnit.MINUTES.toNanos(5);

    /** The faults, in the order they are injected. */
    public enum Fault {
        KILL_REPORT_SERVICE("kill-report-service", "kill -9 of report-service, restarted"),
        KILL_NOTIFICATION_SERVICE("kill-notification-service", "kill -9 of notification-service, restarted"),
        KILL_PLAN_SERVICE("kill-plan-service", "kill -9 of plan-service, restarted"),
        KILL_KAFKA("kill-kafka", "kill -9 of the Kafka broker, restarted"),
        CRASH_POSTGRESQL("crash-postgresql", "immediate shutdown of PostgreSQL (no checkpoint), restarted"),
        REPORT_SERVICE_REPLICA("report-service-replica", "a second report-service taking requests, then kill -9"),
        NOTIFICATION_SERVICE_REPLICA("notification-service-replica",
                "a second notification-service consuming and sending, then kill -9");

        final String option;
        final String description;

        Fault(String option, String description) {
            this.option = option;
            this.description = description;
        }

        static Fault of(String option) {
            return Arrays.stream(values()).filter(f -> f.option.equals(option)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown fault " + option + "; one of "
                            + Arrays.stream(values()).map(f -> f.option).collect(Collectors.joining(", "))));
        }
    }

    /** What to run: the tree's size, the clients, the faults and how long each part stays down. */
    public record Options(Path projectDir, int units, int clients, List<Fault> faults, Duration down, Path out) {

        public static Options parse(String[] args) {
            int units = 3000;
            int clients = 16;
            List<Fault> faults = List.of(Fault.values());
            int downSeconds = 3;
            Path out = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--units" -> units = Integer.parseInt(args[++i]);
                    case "--clients" -> clients = Integer.parseInt(args[++i]);
                    case "--faults" -> {
                        String list = args[++i];
                        faults = list.equals("all") ? List.of(Fault.values())
                                : Arrays.stream(list.split(",")).map(String::trim).map(Fault::of).toList();
                    }
                    case "--down-seconds" -> downSeconds = Integer.parseInt(args[++i]);
                    case "--out" -> out = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; usage: [--units 3000] "
                            + "[--clients 16] [--faults all|" + Arrays.stream(Fault.values()).map(f -> f.option)
                            .collect(Collectors.joining(",")) + "] [--down-seconds 3] [--out FILE]");
                }
            }
            Path project = Path.of(System.getProperty("benchmark.projectDir", ".")).toAbsolutePath().normalize();
            if (out == null) {
                out = project.resolve("benchmark/target/chaos.json");
            }
            return new Options(project, units, clients, faults, Duration.ofSeconds(downSeconds), out);
        }
    }

    /** The run's figures (as written to JSON) and the checks that did not hold (none in a good run). */
    public record Result(Map<String, Object> figures, List<String> failures) {
    }

    private record Acknowledged(UUID reportId, Campaign.Obligation obligation) {
    }

    private final Options options;
    private final Http http = new Http();
    private final List<String> reportEndpoints = new CopyOnWriteArrayList<>();
    private final Map<UUID, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> sums = new ConcurrentHashMap<>();
    private final List<Acknowledged> acknowledged = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicInteger finished = new AtomicInteger();
    private final LinkedBlockingQueue<Campaign.Obligation> released = new LinkedBlockingQueue<>();
    private volatile boolean allReleased;
    private Stack stack;
    private String systemToken;
    private final long startNanos = System.nanoTime();

    private FaultInjection(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Result result = run(options);
        System.exit(result.failures().isEmpty() ? 0 : 1);
    }

    /** Runs the whole thing on a stack of its own, prints the figures and writes them to {@code options.out()}. */
    public static Result run(Options options) throws Exception {
        Result result = new FaultInjection(options).execute();
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        Files.writeString(options.out(), Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result.figures()));
        print(result);
        System.out.println("written to " + options.out());
        return result;
    }

    private Result execute() throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        figures.put("units", options.units());
        figures.put("clients", options.clients());
        figures.put("cores", Runtime.getRuntime().availableProcessors());
        StackOptions stackOptions = StackOptions.defaults(options.projectDir())
                .withStateDir(options.projectDir().resolve("benchmark/target/chaos-stack"))
                .withPostgresPort(0).withKafkaPort(0).withReadyTimeout(READY_TIMEOUT)
                .mapServices(ServiceSpec::forDrill);
        try (Stack started = Stack.start(stackOptions, line -> log("[stack] " + line))) {
            stack = started;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
            systemToken = stack.token(SYSTEM_UNIT, "system");
            reportEndpoints.add(stack.service("report-service").endpoint().baseUrl());

            // Next year's campaign: nothing is due yet, so no notice about a deadline is sent until
            // the end, when notification-service's clock is moved past every due date.
            int year = Year.now().getValue() + 1;
            Campaign campaign = new CampaignBuilder(http, stack.service("plan-service").endpoint().baseUrl(),
                    stack::token, SYSTEM_UNIT).build("synthetic:" + options.units(), options.projectDir(), 0, year, figures);
            log("tree: %d units, %d obligations", campaign.unitCount(), campaign.obligations().size());
            awaitObligations(campaign);

            List<Campaign.Obligation> heldBack = new ArrayList<>();
            List<Campaign.Obligation> toSubmit = new ArrayList<>();
            for (int i = 0; i < campaign.obligations().size(); i++) {
                (i % 50 == 7 ? heldBack : toSubmit).add(campaign.obligations().get(i));
            }
            List<Map<String, Object>> faults = submitUnderFaults(toSubmit);
            figures.put("faults", faults);

            Map<String, Object> submissions = new LinkedHashMap<>();
            submissions.put("owed", campaign.obligations().size());
            submissions.put("neverSubmitted", heldBack.size());
            submissions.put("acknowledged", acknowledged.size());
            submissions.put("clientRetries", retries.get());
            submissions.put("refused", refusals.size());
            figures.put("submissions", submissions);
            refusals.stream().limit(5).forEach(r -> failures.add("a submission was refused: " + r));
            if (acknowledged.size() != toSubmit.size()) {
                failures.add((toSubmit.size() - acknowledged.size()) + " submissions were never acknowledged");
            }

            check(campaign, heldBack, year, figures, failures);
        }
        figures.put("failures", failures);
        figures.put("passed", failures.isEmpty());
        return new Result(figures, failures);
    }

    // ---- load and faults --------------------------------------------------------------

    /**
     * Splits the submissions into one slice per fault and a last one. Each slice is handed to the
     * clients; once a third of it is acknowledged the fault is injected while the rest is in
     * flight, the part is brought back, and the next slice waits until this one is through.
     */
    private List<Map<String, Object>> submitUnderFaults(List<Campaign.Obligation> toSubmit) throws Exception {
        List<Map<String, Object>> records = new ArrayList<>();
        int slices = options.faults().size() + 1;
        int sliceSize = (toSubmit.size() + slices - 1) / slices;
        ExecutorService clients = Executors.newFixedThreadPool(options.clients());
        for (int i = 0; i < options.clients(); i++) {
            clients.submit(this::client);
        }
        try {
            int releasedCount = 0;
            for (int s = 0; s < slices; s++) {
                List<Campaign.Obligation> slice = toSubmit.subList(Math.min(toSubmit.size(), s * sliceSize),
                        Math.min(toSubmit.size(), (s + 1) * sliceSize));
                int before = releasedCount;
                released.addAll(slice);
                releasedCount += slice.size();
                if (s < options.faults().size()) {
                    int third = before + slice.size() / 3;
                    waitFor(() -> finished.get() >= third, Duration.ofMinutes(10), "a third of slice " + (s + 1));
                    Fault fault = options.faults().get(s);
                    log("fault %d/%d: %s (%d acknowledged so far)", s + 1, options.faults().size(), fault.description,
                            acknowledged.size());
                    records.add(inject(fault));
                }
                int all = releasedCount;
                waitFor(() -> finished.get() >= all, Duration.ofMinutes(10), "slice " + (s + 1) + " to be through");
            }
        } finally {
            allReleased = true;
            clients.shutdown();
            clients.awaitTermination(10, TimeUnit.MINUTES);
        }
        return records;
    }

    private Map<String, Object> inject(Fault fault) throws Exception {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("fault", fault.option);
        r.put("what", fault.description);
        r.put("atSecond", round(secondsSince(startNanos)));
        r.put("acknowledgedBefore", acknowledged.size());
        DevStack infra = stack.infrastructure();
        long injected;
        switch (fault) {
            case KILL_REPORT_SERVICE -> injected = killAndRestart("report-service");
            case KILL_NOTIFICATION_SERVICE -> injected = killAndRestart("notification-service");
            case KILL_PLAN_SERVICE -> injected = killAndRestart("plan-service");
            case KILL_KAFKA -> {
                injected = System.nanoTime();
                infra.kafka().kill();
                Thread.sleep(options.down().toMillis());
                infra.kafka().restart();
            }
            case CRASH_POSTGRESQL -> {
                PostgresNode postgres = infra.postgres();
                injected = System.nanoTime();
                postgres.crash();
                Thread.sleep(options.down().toMillis());
                postgres.restart();
            }
            case REPORT_SERVICE_REPLICA -> {
                RunningService replica = stack.startReplica("report-service", READY_TIMEOUT);
                String url = replica.endpoint().baseUrl();
                reportEndpoints.add(url);
                int before = acknowledged.size();
                waitFor(() -> acknowledged.size() >= before + options.clients() * 2 || released.isEmpty(),
                        Duration.ofMinutes(2), "the replica to take requests");
                injected = System.nanoTime();
                // The load balancer learns of the death only with it: requests in flight on the replica fail.
                replica.kill();
                reportEndpoints.remove(url);
            }
            case NOTIFICATION_SERVICE_REPLICA -> {
                RunningService replica = stack.startReplica("notification-service", READY_TIMEOUT);
                Thread.sleep(Math.max(3000, options.down().toMillis()));
                injected = System.nanoTime();
                replica.kill();
            }
            default -> throw new IllegalStateException("no such fault: " + fault);
        }
        double healed = awaitHealed(injected);
        r.put("secondsToHeal", round(healed));
        r.put("acknowledgedAfter", acknowledged.size());
        log("  healed %.1f s after the fault", healed);
        return r;
    }

    private long killAndRestart(String service) throws Exception {
        long injected = System.nanoTime();
        stack.kill(service);
        Thread.sleep(options.down().toMillis());
        stack.restart(service, READY_TIMEOUT);
        return injected;
    }

    /**
     * Seconds from the fault until every service answers ready and reaches the broker again: the
     * relays and consumers are running and requests are taken.
     */
    private double awaitHealed(long injected) throws InterruptedException {
        waitFor(() -> stack.services().stream().allMatch(this::healthy), READY_TIMEOUT, "every service to be ready");
        return secondsSince(injected);
    }

    private boolean healthy(RunningService s) {
        try {
            Http.Reply r = http.get(s.endpoint().baseUrl() + "/q/health/ready", systemToken);
            if (r.status() != 200) {
                return false;
            }
            for (JsonNode check : r.body().path("checks")) {
                if (check.path("data").has("kafka") && !"reachable".equals(check.path("data").path("kafka").asText())) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Void client() throws InterruptedException {
        while (true) {
            Campaign.Obligation o = released.poll(200, TimeUnit.MILLISECONDS);
            if (o == null) {
                if (allReleased) {
                    return null;
                }
                continue;
            }
            try {
                submit(o);
            } catch (RuntimeException e) {
                refusals.add(o.unitId() + ": " + e.getMessage());
            } finally {
                finished.incrementAndGet();
            }
        }
    }

    /** Creates the draft and submits it as an app would: each step retried with its own key until answered. */
    private void submit(Campaign.Obligation o) throws InterruptedException {
        String token = tokens.computeIfAbsent(o.unitId(), u -> stack.token(u, "reporter"));
        Map<String, Object> figures = Figures.of(o.unitId(), false);
        String createKey = UUID.randomUUID().toString();
        Http.Reply draft = retried("create the report of " + o.unitId(), Set.of(200, 201), () -> http.send("POST",
                reportEndpoint() + "/api/v1/reports", token,
                Map.of("obligationId", o.id(), "figures", figures, "results", Figures.NARRATIVE),
                Map.of("Idempotency-Key", createKey)));
        String id = draft.body().path("id").asText();
        String submitKey = UUID.randomUUID().toString();
        Http.Reply submitted = retried("submit report " + id, Set.of(200), () -> http.send("POST",
                reportEndpoint() + "/api/v1/reports/" + id + "/submit", token, null, Map.of("Idempotency-Key", submitKey)));
        if (!"SUBMITTED".equals(submitted.body().path("status").asText())) {
            throw new IllegalStateException("submit report " + id + " answered " + submitted.body());
        }
        // Counted only now: this is what the client was told.
        acknowledged.add(new Acknowledged(UUID.fromString(id), o));
        Figures.addTo(sums, figures);
    }

    /**
     * Calls until one of the {@code ok} statuses: a failed connection, a 5xx or a 429 is retried with
     * backoff (the same request, so the same Idempotency-Key); any other answer is a refusal.
     */
    private Http.Reply retried(String what, Set<Integer> ok, java.util.function.Supplier<Http.Reply> call)
            throws InterruptedException {
        long start = System.nanoTime();
        long backoff = 100;
        while (true) {
            String failure;
            Http.Reply r = null;
            try {
                r = call.get();
                failure = "HTTP " + r.status();
            } catch (IllegalStateException connectionFailed) {
                failure = connectionFailed.getMessage();
            }
            if (r != null && ok.contains(r.status())) {
                return r;
            }
            if (r != null && r.status() < 500 && r.status() != 429) {
                throw new IllegalStateException(what + ": HTTP " + r.status() + " " + r.body());
            }
            if (System.nanoTime() - start > GIVE_UP_NANOS) {
                throw new IllegalStateException(what + ": gave up after 5 minutes, last " + failure);
            }
            retries.incrementAndGet();
            Thread.sleep(backoff + ThreadLocalRandom.current().nextLong(backoff));
            backoff = Math.min(2000, backoff * 2);
        }
    }

    private String reportEndpoint() {
        List<String> live = List.copyOf(reportEndpoints);
        return live.get(ThreadLocalRandom.current().nextInt(live.size()));
    }

    // ---- checks -----------------------------------------------------------------------

    private void check(Campaign campaign, List<Campaign.Obligation> heldBack, int year, Map<String, Object> figures,
                       List<String> failures) throws Exception {
        Map<String, Object> checks = new LinkedHashMap<>();
        figures.put("checks", checks);
        PostgresNode pg = stack.infrastructure().postgres();
        String report = reportEndpoints.get(0);
        long end = System.nanoTime();

        // Every acknowledged submission is stored as submitted; nothing else is.
        List<UUID> ids = acknowledged.stream().map(Acknowledged::reportId).toList();
        long stored = queryLong(pg, "report", "SELECT count(*) FROM report WHERE id = ANY (?) AND status = 'SUBMITTED'",
                (Object) ids.toArray(UUID[]::new));
        long submittedInAll = queryLong(pg, "report", "SELECT count(*) FROM report WHERE status = 'SUBMITTED'");
        checks.put("acknowledgedStored", stored);
        checks.put("lost", ids.size() - stored);
        checks.put("submittedWithoutAcknowledgement", submittedInAll - stored);
        if (stored != ids.size()) {
            failures.add((ids.size() - stored) + " acknowledged submissions were lost");
        }
        if (submittedInAll != stored) {
            failures.add((submittedInAll - stored) + " reports are submitted that no client was told of");
        }

        // The ministry's totals are the sum of what clients were told.
        Map<String, Long> expected = new HashMap<>();
        sums.forEach((k, v) -> expected.put(k, v.get()));
        String ministryUrl = report + "/api/v1/consolidations?unit=" + campaign.ministry() + "&campaign=" + campaign.id();
        boolean totals = poll(() -> Figures.matches(http.get(ministryUrl, systemToken).expect(200, "ministry").body(),
                expected), CONVERGE_TIMEOUT);
        checks.put("ministryTotalsEqualAcknowledged", totals);
        checks.put("secondsUntilMinistryTotalsMatch", round(secondsSince(end)));
        if (!totals) {
            failures.add("the ministry's totals differ from the sum of acknowledged submissions: "
                    + http.get(ministryUrl, systemToken).body());
        }

        // Nothing waits: no outbox holds an unpublished event, no consolidation change is unsent.
        boolean drained = poll(() -> pending(pg) == 0, CONVERGE_TIMEOUT);
        checks.put("pendingEvents", pending(pg));
        if (!drained) {
            failures.add(pending(pg) + " events still wait in an outbox or as unsent consolidation changes");
        }
        JsonNode consistency = http.post(report + "/api/v1/consistency-checks", systemToken, null)
                .expect(200, "consistency check").body();
        checks.put("consistencyDifferences", consistency.path("differenceCount").asInt());
        checks.put("consistencyPending", consistency.path("pending").asInt());
        if (consistency.path("differenceCount").asInt() != 0 || consistency.path("pending").asInt() != 0) {
            failures.add("the consistency check is not clean: " + consistency);
        }

        // ALL_CHILDREN_REPORTED exactly once for each plan whose units all reported, for no other.
        Set<UUID> incomplete = heldBack.stream().map(Campaign.Obligation::planId).collect(Collectors.toSet());
        Set<UUID> complete = campaign.obligations().stream().map(Campaign.Obligation::planId)
                .filter(p -> !incomplete.contains(p)).collect(Collectors.toSet());
        String allReported = "SELECT plan_id, count(*) AS notices FROM notification "
                + "WHERE kind = 'ALL_CHILDREN_REPORTED' AND channel = 'INBOX' GROUP BY plan_id";
        poll(() -> plansNotified(pg, allReported).keySet().containsAll(complete), CONVERGE_TIMEOUT);
        Map<UUID, Long> notified = plansNotified(pg, allReported);
        long duplicates = notified.values().stream().filter(n -> n > 1).count();
        Set<UUID> missing = new HashSet<>(complete);
        missing.removeAll(notified.keySet());
        Set<UUID> unexpected = new HashSet<>(notified.keySet());
        unexpected.removeAll(complete);
        checks.put("allChildrenReportedExpected", complete.size());
        checks.put("allChildrenReportedSent", notified.size());
        checks.put("allChildrenReportedDuplicates", duplicates);
        if (!missing.isEmpty() || !unexpected.isEmpty() || duplicates > 0) {
            failures.add("ALL_CHILDREN_REPORTED: " + missing.size() + " plans missing, " + unexpected.size()
                    + " not complete yet told, " + duplicates + " told more than once");
        }

        // notification-service has applied every submission (a replica killed last may have held its
        // partitions until the group's session timeout): only then is a deadline notice a mistake.
        long reportsIn = ids.size();
        long sinceEnd = System.nanoTime();
        boolean known = poll(() -> queryLong(pg, "notification",
                "SELECT count(*) FROM deadline WHERE report_status IN ('SUBMITTED', 'APPROVED')") == reportsIn,
                CONVERGE_TIMEOUT);
        checks.put("secondsUntilDeadlinesKnowEverySubmission", round(secondsSince(sinceEnd)));
        if (!known) {
            failures.add("notification-service knows " + queryLong(pg, "notification",
                    "SELECT count(*) FROM deadline WHERE report_status IN ('SUBMITTED', 'APPROVED')") + " of "
                    + reportsIn + " submissions");
        }

        // Past every due date, the deadline notices go to the units that never reported, and to no other.
        String notificationUrl = stack.service("notification-service").endpoint().baseUrl();
        http.send("PUT", notificationUrl + "/api/v1/clock", systemToken,
                Map.of("now", year + "-08-20T08:00:00+07:00"), Map.of()).expect(200, "move notification-service's clock");
        Set<UUID> unreported = heldBack.stream().map(Campaign.Obligation::id).collect(Collectors.toSet());
        String reminded = "SELECT DISTINCT obligation_id FROM notification WHERE kind IN ('"
                + String.join("', '", DEADLINE_NOTICES) + "')";
        poll(() -> obligations(pg, reminded).containsAll(unreported), CONVERGE_TIMEOUT);
        Set<UUID> remindedObligations = obligations(pg, reminded);
        Set<UUID> remindedReported = new HashSet<>(remindedObligations);
        remindedReported.removeAll(unreported);
        Set<UUID> notReminded = new HashSet<>(unreported);
        notReminded.removeAll(remindedObligations);
        checks.put("unreportedObligations", unreported.size());
        checks.put("unreportedReminded", unreported.size() - notReminded.size());
        checks.put("reportedButReminded", remindedReported.size());
        if (!remindedReported.isEmpty() || !notReminded.isEmpty()) {
            failures.add("deadline notices: " + remindedReported.size() + " obligations reported yet reminded, "
                    + notReminded.size() + " never reported and not reminded");
        }

        long dead = deadLetters();
        checks.put("deadLetters", dead);
        if (dead != 0) {
            failures.add(dead + " records in the dead-letter topics");
        }
    }

    private long pending(PostgresNode pg) {
        long n = 0;
        for (String db : List.of("plan", "report", "notification")) {
            n += queryLong(pg, db, "SELECT count(*) FROM outbox_event WHERE published_at IS NULL");
        }
        return n + queryLong(pg, "report", "SELECT count(*) FROM consolidation_publication WHERE version > published_version");
    }

    private Map<UUID, Long> plansNotified(PostgresNode pg, String sql) {
        Map<UUID, Long> out = new HashMap<>();
        query(pg, "notification", sql, rs -> out.put(rs.getObject("plan_id", UUID.class), rs.getLong("notices")));
        return out;
    }

    private Set<UUID> obligations(PostgresNode pg, String sql) {
        Set<UUID> out = new HashSet<>();
        query(pg, "notification", sql, rs -> out.add(rs.getObject("obligation_id", UUID.class)));
        return out;
    }

    /** Records in every dead-letter topic (a consumer's {@code <group>.dlt.v1}). */
    private long deadLetters() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.infrastructure().bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.listTopics(Duration.ofSeconds(30)).entrySet().stream()
                    .filter(e -> e.getKey().endsWith(".dlt.v1"))
                    .flatMap(e -> e.getValue().stream().map(i -> new TopicPartition(i.topic(), i.partition())))
                    .toList();
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
            return consumer.endOffsets(partitions, Duration.ofSeconds(30)).entrySet().stream()
                    .mapToLong(e -> e.getValue() - begin.get(e.getKey())).sum();
        }
    }

    private void awaitObligations(Campaign c) throws InterruptedException {
        String url = reportEndpoints.get(0) + "/api/v1/completeness?unit=" + c.ministry() + "&campaign=" + c.id();
        waitFor(() -> {
            Http.Reply r = http.get(url, systemToken);
            return r.status() == 200 && r.body().path("owed").asInt() >= c.obligations().size();
        }, Duration.ofMinutes(5), "report-service to learn every obligation");
    }

    // ---- plumbing ---------------------------------------------------------------------

    /** Reads one row of a result (the benchmark's other runs read their databases through {@link #query}). */
    interface Rows {
        void row(ResultSet rs) throws SQLException;
    }

    static void query(PostgresNode pg, String db, String sql, Rows rows, Object... params) {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(db), pg.user(), pg.password());
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof UUID[] array) {
                    Array a = c.createArrayOf("uuid", array);
                    ps.setArray(i + 1, a);
                } else {
                    ps.setObject(i + 1, params[i]);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.row(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read " + db + ": " + sql, e);
        }
    }

    static long queryLong(PostgresNode pg, String db, String sql, Object... params) {
        long[] out = new long[1];
        query(pg, db, sql, rs -> out[0] = rs.getLong(1), params);
        return out[0];
    }

    private static void waitFor(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        if (!poll(condition, timeout)) {
            throw new IllegalStateException("gave up waiting " + timeout.toSeconds() + " s for " + what);
        }
    }

    /** True once the condition holds, false if it still does not after the timeout. */
    private static boolean poll(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return true;
                }
            } catch (RuntimeException e) {
                // A part still coming back: ask again.
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
    }

    private void log(String format, Object... args) {
        String line = args.length == 0 ? format : String.format(format, args);
        System.out.printf("[chaos %6.1f s] %s%n", secondsSince(startNanos), line);
    }

    private static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }

    private static double round(double v) {
        return NationalBenchmark.round(v);
    }

    private static void print(Result result) {
        Map<String, Object> f = result.figures();
        System.out.println();
        System.out.println("== fault injection: " + f.get("units") + " units, " + f.get("clients") + " clients, "
                + f.get("cores") + " cores");
        if (f.get("faults") instanceof List<?> faults) {
            for (Object o : faults) {
                Map<?, ?> fault = (Map<?, ?>) o;
                System.out.printf("  %-30s at %6s s, healed after %6s s, acknowledged %s -> %s%n", fault.get("fault"),
                        fault.get("atSecond"), fault.get("secondsToHeal"), fault.get("acknowledgedBefore"),
                        fault.get("acknowledgedAfter"));
            }
        }
        for (String section : List.of("submissions", "checks")) {
            if (f.get(section) instanceof Map<?, ?> m) {
                System.out.println(section + ":");
                m.forEach((k, v) -> System.out.printf("  %-40s %s%n", k, v));
            }
        }
        System.out.println(result.failures().isEmpty() ? "PASSED: nothing acknowledged was lost"
                : "FAILED:\n  " + String.join("\n  ", result.failures()));
    }
}
