package vn.actionmonth.benchmark;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import vn.actionmonth.devstack.Stack;
import vn.actionmonth.devstack.StackOptions;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The deadline side under load ({@code ./bench --reminder-storm}): the national campaign with every
 * report due at the same instant and nobody reported, every reporting unit subscribed to a webhook
 * on a local receiver and one in {@code emailEvery} also to email on a local SMTP server. The
 * notification-service clock is moved across the reminder moment (one day before the due instant),
 * then across the due instant. For each moment it measures, from the clock's move: until every
 * unit's inbox holds the notice; each webhook's and each email's arrival; and it checks that every
 * notice arrived exactly once on every channel and that none failed.
 */
public final class ReminderStorm {

    private static final UUID SYSTEM_UNIT = new UUID(0, 0);
    /** The published delivery contract: the notification id travels in these headers. */
    private static final String DELIVERY_HEADER = "X-ActionMonth-Delivery";
    private static final String KIND_HEADER = "X-ActionMonth-Kind";
    private static final String NOTIFICATION_HEADER = "X-ActionMonth-Notification";
    private static final long GIVE_UP_NANOS = TimeUnit.MINUTES.toNanos(10);

    /**
     * @param emailEvery one reporting unit in this many also subscribes an email address
     */
    public record Options(Path projectDir, String tree, int departmentsPerProvince, int emailEvery, Path out) {
    }

    /** The printed figures, and what went wrong (empty when every notice arrived once). */
    public record Result(Map<String, Object> figures, List<String> failures) {
    }

    private final Options options;
    private final Http http = new Http();
    private final Receiver webhooks = new Receiver();
    private final Receiver emails = new Receiver();
    private final List<String> failures = new ArrayList<>();
    private Stack stack;

    private ReminderStorm(Options options) {
        this.options = options;
    }

    public static Result run(Options options) throws Exception {
        ReminderStorm storm = new ReminderStorm(options);
        Map<String, Object> figures = storm.execute();
        figures.put("failures", storm.failures);
        Files.createDirectories(options.out().getParent());
        Files.writeString(options.out(), Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(figures));
        print(figures);
        System.out.println("written to " + options.out());
        return new Result(figures, List.copyOf(storm.failures));
    }

    private Map<String, Object> execute() throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("tree", options.tree());
        figures.put("cores", Runtime.getRuntime().availableProcessors());
        HttpServer receiver = webhookReceiver();
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        try {
            StackOptions stackOptions = StackOptions.defaults(options.projectDir())
                    .withStateDir(options.projectDir().resolve("benchmark/target/storm-stack"))
                    .withPostgresPort(0).withKafkaPort(0)
                    .mapServices(s -> s.forDrill().withEnv(Map.of(
                            "WEBHOOK_ALLOWED_HOSTS", "127.0.0.1",
                            "SMTP_HOST", "127.0.0.1",
                            "SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()))));
            try (Stack started = Stack.start(stackOptions, line -> System.out.println("[stack] " + line))) {
                stack = started;
                Runtime.getRuntime().addShutdownHook(new Thread(started::close));
                storm(figures, receiver.getAddress().getPort(), smtp);
            }
        } finally {
            receiver.stop(0);
            smtp.stop();
        }
        return figures;
    }

    private void storm(Map<String, Object> figures, int receiverPort, GreenMail smtp) throws Exception {
        String planApi = stack.service("plan-service").endpoint().baseUrl();
        String notificationApi = stack.service("notification-service").endpoint().baseUrl();
        String system = stack.token(SYSTEM_UNIT, "system");
        // Next year's campaign: nothing is due by the real clock, so only the moved clock sends notices.
        int year = Year.now().getValue() + 1;
        OffsetDateTime due = OffsetDateTime.parse(year + "-07-10T00:00:00+07:00");
        Campaign campaign = new CampaignBuilder(http, planApi, stack::token, SYSTEM_UNIT).build(options.tree(),
                options.projectDir(), options.departmentsPerProvince(), year,
                CampaignBuilder.DueDates.all(due.toString()), figures);
        int owed = campaign.obligations().size();
        System.out.printf("tree: %d units, %d obligations%n", campaign.unitCount(), owed);

        http.send("PUT", notificationApi + "/api/v1/campaigns/" + campaign.id() + "/reminder-policy", system,
                Map.of("reminderDaysBefore", List.of(1), "atDue", true, "overdueDaysAfter", List.of()),
                Map.of("If-Match", "\"0\"")).expect(200, "set the campaign's reminder policy");

        List<UUID> units = campaign.obligations().stream().map(Campaign.Obligation::unitId).distinct().toList();
        long t0 = System.nanoTime();
        int emailUnits = subscribe(notificationApi, units, receiverPort);
        figures.put("subscriptions", Map.of("webhooks", units.size(), "emails", emailUnits,
                "seconds", NationalBenchmark.round((System.nanoTime() - t0) / 1e9)));
        awaitDeadlines(campaign.id(), owed);

        Map<String, Object> moments = new LinkedHashMap<>();
        moments.put("REMINDER", moment(notificationApi, system, due.minusDays(1).plusSeconds(1), "REMINDER", owed,
                emailsOwed(campaign, emailUnits, units), smtp));
        moments.put("DUE", moment(notificationApi, system, due.plusSeconds(1), "DUE", owed,
                emailsOwed(campaign, emailUnits, units), smtp));
        figures.put("moments", moments);
        emails.collect(smtp);
        webhooks.checkWholeRun("webhooks", failures);
        emails.checkWholeRun("emails", failures);
        // A notice sent twice needs a second attempt: every one must have ended SENT at its first.
        long notOnce = count("""
                SELECT count(*) FROM notification WHERE channel <> 'INBOX' AND (status <> 'SENT' OR attempts <> 1)""");
        figures.put("notSentAtFirstAttempt", notOnce);
        if (notOnce != 0) {
            failures.add(notOnce + " email or webhook notifications did not end SENT at their first attempt: "
                    + rows("""
                    SELECT channel || ' ' || status || ' after ' || attempts || ': ' || coalesce(last_error, '-')
                           || ' (' || count(*) || ')'
                    FROM notification WHERE channel <> 'INBOX' AND (status <> 'SENT' OR attempts <> 1)
                    GROUP BY channel, status, attempts, last_error"""));
        }
    }

    /** The notices owed to email: one per obligation of a unit that subscribed an address. */
    private static int emailsOwed(Campaign campaign, int emailUnits, List<UUID> units) {
        Set<UUID> withEmail = Set.copyOf(units.subList(0, emailUnits));
        return (int) campaign.obligations().stream().filter(o -> withEmail.contains(o.unitId())).count();
    }

    /** Every unit subscribes a webhook; the first units/emailEvery also an email address. */
    private int subscribe(String notificationApi, List<UUID> units, int receiverPort) throws InterruptedException {
        int emailUnits = units.size() / options.emailEvery();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Callable<Void>> calls = new ArrayList<>();
            for (int i = 0; i < units.size(); i++) {
                UUID unit = units.get(i);
                boolean email = i < emailUnits;
                int n = i;
                calls.add(() -> {
                    String admin = stack.token(unit, "admin");
                    String url = notificationApi + "/api/v1/units/" + unit + "/channels";
                    http.post(url, admin, Map.of("type", "WEBHOOK", "address",
                            "http://127.0.0.1:" + receiverPort + "/hooks/" + unit, "kinds", List.of("REMINDER", "DUE")))
                            .expect(201, "subscribe a webhook of " + unit);
                    if (email) {
                        http.post(url, admin, Map.of("type", "EMAIL", "address", "vanphong" + n + "@xa.example.vn",
                                "kinds", List.of("REMINDER", "DUE"))).expect(201, "subscribe an email of " + unit);
                    }
                    return null;
                });
            }
            for (var f : pool.invokeAll(calls)) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdown();
        }
        return emailUnits;
    }

    private void awaitDeadlines(UUID campaignId, int owed) throws InterruptedException {
        long start = System.nanoTime();
        while (true) {
            long known = count("SELECT count(*) FROM deadline WHERE campaign_id = ?", campaignId);
            if (known >= owed) {
                System.out.printf("deadlines in notification-service after %.1f s%n", (System.nanoTime() - start) / 1e9);
                return;
            }
            if (System.nanoTime() - start > GIVE_UP_NANOS) {
                throw new IllegalStateException("notification-service knows " + known + " of " + owed + " deadlines");
            }
            Thread.sleep(500);
        }
    }

    /**
     * Moves notification-service's clock to {@code at} and waits until every notice of {@code kind}
     * is in its inbox, at its webhook and at its email address.
     */
    private Map<String, Object> moment(String notificationApi, String system, OffsetDateTime at, String kind,
                                       int inboxOwed, int emailsOwed, GreenMail smtp) throws Exception {
        System.out.printf("moving the clock to %s (%s)%n", at, kind);
        long t0 = System.nanoTime();
        webhooks.start(kind, t0);
        emails.start(kind, t0);
        http.send("PUT", notificationApi + "/api/v1/clock", system, Map.of("now", at.toString()), Map.of())
                .expect(200, "move notification-service's clock");
        long inboxDone = -1;
        while (System.nanoTime() - t0 < GIVE_UP_NANOS) {
            emails.collect(smtp);
            if (inboxDone < 0 && count("SELECT count(*) FROM notification WHERE channel = 'INBOX' AND kind = ?", kind)
                    >= inboxOwed) {
                inboxDone = System.nanoTime();
            }
            if (inboxDone >= 0 && webhooks.delivered() >= inboxOwed && emails.delivered() >= emailsOwed) {
                break;
            }
            Thread.sleep(50);
        }
        // The dispatcher records a batch's outcomes after its sends: wait for that before the next
        // move of the clock, which would otherwise make the batch's claim look lapsed (a day passes).
        long recorded = awaitRecorded(t0);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("notices", inboxOwed);
        out.put("everyInboxSeconds", inboxDone < 0 ? null : NationalBenchmark.round((inboxDone - t0) / 1e9));
        out.put("webhook", webhooks.figures(inboxOwed));
        out.put("email", emails.figures(emailsOwed));
        out.put("everyOutcomeRecordedSeconds", recorded < 0 ? null : NationalBenchmark.round((recorded - t0) / 1e9));
        if (inboxDone < 0) {
            failures.add(kind + ": not every inbox got its notice");
        }
        webhooks.check(kind + " webhooks", inboxOwed, failures);
        emails.check(kind + " emails", emailsOwed, failures);
        System.out.printf("%s: %s%n", kind, out);
        return out;
    }

    /** When no email or webhook notification waits or is being sent any more; -1 if that never came. */
    private long awaitRecorded(long t0) throws InterruptedException {
        while (System.nanoTime() - t0 < GIVE_UP_NANOS) {
            if (count("SELECT count(*) FROM notification WHERE status IN ('PENDING', 'SENDING')") == 0) {
                return System.nanoTime();
            }
            Thread.sleep(50);
        }
        failures.add("email or webhook notifications still waiting or being sent after 10 minutes");
        return -1;
    }

    private HttpServer webhookReceiver() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.createContext("/hooks/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            webhooks.arrived(exchange.getRequestHeaders().getFirst(DELIVERY_HEADER),
                    exchange.getRequestHeaders().getFirst(KIND_HEADER));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        return server;
    }

    private List<String> rows(String sql) {
        List<String> out = new ArrayList<>();
        FaultInjection.query(stack.infrastructure().postgres(), "notification", sql, rs -> out.add(rs.getString(1)));
        return out;
    }

    private long count(String sql, Object... params) {
        return FaultInjection.queryLong(stack.infrastructure().postgres(), "notification", sql, params);
    }

    /**
     * What reached one kind of channel: per moment, when each new notice arrived; over the whole run,
     * how often each notification id came (a second arrival is a repeat, whichever moment it falls in).
     */
    private static final class Receiver {
        private final Map<String, Integer> seen = new ConcurrentHashMap<>();
        private final AtomicInteger repeats = new AtomicInteger();
        private final AtomicInteger wrongKind = new AtomicInteger();
        private final Map<String, Integer> collected = new HashMap<>();
        private volatile Moment moment;

        private record Moment(String kind, long startNanos, Latencies afterStart, AtomicInteger delivered,
                              AtomicLong last) {
        }

        void start(String kind, long startNanos) {
            moment = new Moment(kind, startNanos, new Latencies(), new AtomicInteger(), new AtomicLong());
        }

        /** @param kind the notice's kind when the channel tells it (webhooks do), else null */
        void arrived(String id, String kind) {
            long now = System.nanoTime();
            Moment m = moment;
            if (m == null || id == null) {
                wrongKind.incrementAndGet();
                return;
            }
            if (kind != null && !kind.equals(m.kind())) {
                wrongKind.incrementAndGet();
            }
            if (seen.merge(id, 1, Integer::sum) > 1) {
                repeats.incrementAndGet();
                return;
            }
            m.delivered().incrementAndGet();
            m.afterStart().record((now - m.startNanos()) / 1000);
            m.last().accumulateAndGet(now, Math::max);
        }

        /**
         * Records the mails that reached the SMTP server since the last call. The server lists them
         * by mailbox, not by arrival, so each id's copies are counted and only new copies recorded.
         */
        void collect(GreenMail smtp) throws MessagingException {
            Map<String, Integer> copies = new HashMap<>();
            for (MimeMessage m : smtp.getReceivedMessages()) {
                String[] id = m.getHeader(NOTIFICATION_HEADER);
                copies.merge(id == null ? "" : id[0], 1, Integer::sum);
            }
            copies.forEach((id, n) -> {
                for (int i = collected.getOrDefault(id, 0); i < n; i++) {
                    arrived(id.isEmpty() ? null : id, null);
                }
                collected.put(id, n);
            });
        }

        int delivered() {
            return moment.delivered().get();
        }

        Map<String, Object> figures(int owed) {
            Moment m = moment;
            int delivered = m.delivered().get();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("owed", owed);
            out.put("delivered", delivered);
            // From the moment, not from the first arrival: how fast the whole storm drains.
            double drained = (m.last().get() - m.startNanos()) / 1e9;
            out.put("perSecond", delivered == 0 ? null : NationalBenchmark.round(delivered / drained));
            out.put("afterMomentP50Ms", NationalBenchmark.round(m.afterStart().percentileMillis(50)));
            out.put("afterMomentP99Ms", NationalBenchmark.round(m.afterStart().percentileMillis(99)));
            out.put("lastAfterMomentSeconds", delivered == 0 ? null
                    : NationalBenchmark.round((m.last().get() - m.startNanos()) / 1e9));
            return out;
        }

        void check(String what, int owed, List<String> failures) {
            if (moment.delivered().get() != owed) {
                failures.add(what + ": " + moment.delivered().get() + " of " + owed + " delivered");
            }
        }

        void checkWholeRun(String what, List<String> failures) {
            if (repeats.get() != 0) {
                failures.add(what + ": " + repeats.get() + " notices arrived more than once");
            }
            if (wrongKind.get() != 0) {
                failures.add(what + ": " + wrongKind.get() + " arrivals of another kind or without an id");
            }
        }
    }

    private static void print(Map<String, Object> figures) {
        System.out.println();
        System.out.println("== reminder storm: " + figures.get("tree") + ", " + figures.get("cores") + " cores");
        figures.forEach((k, v) -> System.out.printf("  %-22s %s%n", k, v));
    }
}
