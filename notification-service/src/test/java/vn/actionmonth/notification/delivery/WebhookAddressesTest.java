package vn.actionmonth.notification.delivery;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules for webhook addresses, with a resolver the test controls, and the sender against real sockets. */
class WebhookAddressesTest {

    /** Answers each name from a table; a name missing from it does not resolve. */
    static WebhookAddresses.Resolver table(Map<String, String> names) {
        return host -> {
            String ip = names.get(host);
            if (ip == null) {
                return InetAddress.getAllByName(host);
            }
            return new InetAddress[] {InetAddress.getByName(ip)};
        };
    }

    private static final WebhookAddresses PRODUCTION = new WebhookAddresses(false, List.of(), table(Map.of(
            "egov.kontum.gov.vn", "203.113.131.5", "rebind.example.vn", "10.0.0.7",
            "public-then-private.example.vn", "8.8.8.8")));

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1/hook", "https://127.1.2.3:8443/hook", "https://[::1]/hook", "https://0.0.0.0/hook",
            "https://[::]/hook", "https://10.20.30.40/hook", "https://172.16.0.9/hook", "https://172.31.255.1/hook",
            "https://192.168.1.10/hook", "https://169.254.169.254/latest/meta-data/", "https://100.64.0.1/hook",
            "https://224.0.0.1/hook", "https://255.255.255.255/hook", "https://[fd00::1]/hook", "https://[fe80::1]/hook",
            "https://[ff02::1]/hook", "https://[::ffff:127.0.0.1]/hook", "https://[::ffff:10.0.0.1]/hook",
            "https://[64:ff9b::a9fe:a9fe]/hook", "https://[2002:c0a8:0101::1]/hook", "https://[::7f00:1]/hook",
            "https://2130706433/hook", "https://localhost/hook", "https://localhost.:8080/hook",
            "https://api.localhost/hook", "https://kubernetes.default.svc/api", "https://kubernetes.default/api",
            "https://metadata.google.internal/computeMetadata/v1/", "https://plan-service.action-month.svc.cluster.local/",
            "https://intranet/hook", "https://rebind.example.vn/hook"})
    void internalAddressesAreRefusedWhateverTheirSpelling(String url) {
        assertThatThrownBy(() -> PRODUCTION.check(url)).isInstanceOf(WebhookAddresses.Refused.class);
        assertThatThrownBy(() -> PRODUCTION.checkRegistration(url)).isInstanceOf(WebhookAddresses.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://egov.kontum.gov.vn/hook", "ftp://egov.kontum.gov.vn/hook", "egov.kontum.gov.vn/hook",
            "https://cán-bộ:mật-khẩu@egov.kontum.gov.vn/hook", "https:///hook", "https://egov.kontum.gov.vn:99999/x"})
    void onlyPlainHttpsUrlsWithAHostAreTakenInProduction(String url) {
        assertThatThrownBy(() -> PRODUCTION.check(url)).isInstanceOf(WebhookAddresses.Refused.class);
    }

    @Test
    void aPublicHttpsAddressPassesAndIsPinnedToTheAddressThatWasChecked() throws Exception {
        WebhookAddresses.Target t = PRODUCTION.check("https://EGOV.kontum.gov.vn/hooks/thang-hanh-dong?unit=23305");
        assertThat(t.host()).isEqualTo("egov.kontum.gov.vn");
        assertThat(t.port()).isEqualTo(443);
        assertThat(t.https()).isTrue();
        assertThat(t.address().getHostAddress()).isEqualTo("203.113.131.5");
    }

    @Test
    void aNameIsResolvedAgainAtEveryCheckSoANameThatTurnsInternalIsRefusedLater() throws Exception {
        Deque<String> answers = new ConcurrentLinkedDeque<>(List.of("8.8.8.8", "127.0.0.1"));
        WebhookAddresses rules = new WebhookAddresses(false, List.of(),
                host -> new InetAddress[] {InetAddress.getByName(answers.poll())});
        rules.checkRegistration("https://public-then-private.example.vn/hook");
        assertThatThrownBy(() -> rules.check("https://public-then-private.example.vn/hook"))
                .isInstanceOf(WebhookAddresses.Refused.class).hasMessageContaining("internal address");
    }

    @Test
    void aHostThatDoesNotResolveMayBeRegisteredButIsNeverCalled() throws Exception {
        WebhookAddresses rules = new WebhookAddresses(false, List.of(), host -> {
            throw new UnknownHostException(host);
        });
        rules.checkRegistration("https://not-yet-published.kontum.gov.vn/hook");
        assertThatThrownBy(() -> rules.check("https://not-yet-published.kontum.gov.vn/hook"))
                .isInstanceOf(WebhookAddresses.Refused.class).hasMessageContaining("does not resolve");
    }

    @Test
    void anOperatorAllowListOpensExactlyTheNamesAndNetworksItNames() throws Exception {
        WebhookAddresses rules = new WebhookAddresses(true, List.of("10.8.0.0/16", "egov.intranet.gov.vn", "fd12::/16"),
                table(Map.of("egov.intranet.gov.vn", "10.99.0.1")));
        rules.check("http://10.8.4.2/hook");
        rules.check("https://egov.intranet.gov.vn/hook");
        rules.check("https://[fd12::5]/hook");
        assertThatThrownBy(() -> rules.check("http://10.9.0.1/hook")).isInstanceOf(WebhookAddresses.Refused.class);
        assertThatThrownBy(() -> rules.check("http://127.0.0.1/hook")).isInstanceOf(WebhookAddresses.Refused.class);
    }

    // ---- the sender, against sockets of this JVM

    private static final WebhookAddresses LOOPBACK_ALLOWED = new WebhookAddresses(true, List.of("127.0.0.2/32"),
            InetAddress::getAllByName);

    @Test
    void aReceiverThatNeverAnswersIsATimeoutAndNothingOfItsOwnIsShown() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.2"))) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    accepted.add(silent.accept());
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            acceptor.start();
            WebhookSender sender = new WebhookSender(LOOPBACK_ALLOWED, Duration.ofMillis(700), Clock.systemUTC());
            long started = System.nanoTime();
            DeliveryResult result = sender.post("http://127.0.0.2:" + silent.getLocalPort() + "/hook", "whsec_x",
                    "n-1", "REMINDER", "{}".getBytes());
            assertThat(result.succeeded()).isFalse();
            assertThat(result.error()).isEqualTo("timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aClosedPortAndAnInternalAddressAreBothJustRefused() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.2"))) {
            closed = s.getLocalPort();
        }
        WebhookSender sender = new WebhookSender(LOOPBACK_ALLOWED, Duration.ofSeconds(2), Clock.systemUTC());
        assertThat(sender.post("http://127.0.0.2:" + closed + "/hook", "whsec_x", "n-2", "DUE", "{}".getBytes()).error())
                .isEqualTo("refused");
        assertThat(sender.post("http://127.0.0.1:" + closed + "/hook", "whsec_x", "n-3", "DUE", "{}".getBytes()).error())
                .isEqualTo("refused");
    }

    @Test
    void anAnswerIsItsStatusOnlyAndARedirectIsNotFollowed() throws Exception {
        AtomicInteger internalCalls = new AtomicInteger();
        HttpServer internal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        internal.createContext("/", e -> {
            internalCalls.incrementAndGet();
            e.sendResponseHeaders(200, -1);
            e.close();
        });
        internal.start();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
        receiver.createContext("/moved", e -> {
            e.getResponseHeaders().add("Location", "http://127.0.0.1:" + internal.getAddress().getPort() + "/secret");
            e.sendResponseHeaders(302, -1);
            e.close();
        });
        receiver.createContext("/broken", e -> {
            byte[] body = "java.lang.IllegalStateException: db password wrong at 10.0.0.5".getBytes();
            e.sendResponseHeaders(500, body.length);
            e.getResponseBody().write(body);
            e.close();
        });
        receiver.start();
        try {
            WebhookSender sender = new WebhookSender(LOOPBACK_ALLOWED, Duration.ofSeconds(2), Clock.systemUTC());
            String base = "http://127.0.0.2:" + receiver.getAddress().getPort();
            DeliveryResult moved = sender.post(base + "/moved", "whsec_x", "n-4", "DUE", "{}".getBytes());
            assertThat(moved.error()).isEqualTo("HTTP 302");
            assertThat(moved.httpStatus()).isEqualTo(302);
            assertThat(internalCalls).hasValue(0);
            assertThat(sender.post(base + "/broken", "whsec_x", "n-5", "DUE", "{}".getBytes()).error())
                    .isEqualTo("HTTP 500");
        } finally {
            receiver.stop(0);
            internal.stop(0);
        }
    }
}
