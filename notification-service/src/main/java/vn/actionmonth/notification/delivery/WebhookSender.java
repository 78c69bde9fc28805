package vn.actionmonth.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.actionmonth.events.Correlation;
import vn.actionmonth.notification.config.NotificationConfig;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * POSTs a signed JSON body to a webhook; any 2xx answer is a delivery, anything else a failure.
 *
 * <p>The address is checked again before every attempt ({@link WebhookAddresses}) and the request
 * goes to the very IP address that passed the check: HTTP/1.1 on a socket this class opens, TLS
 * with the host's name for SNI and certificate verification. Redirects are never followed (a 3xx
 * is a failed attempt), and the whole exchange, connect to status line, fits the timeout. What the
 * delivery log says of a failure is only "refused", "timeout" or the HTTP status: never what the
 * receiver sent or an exception's text, which could tell a caller about the network behind it.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final int MAX_STATUS_LINE = 8192;

    private final WebhookAddresses addresses;
    private final Duration timeout;
    private final Clock clock;

    @jakarta.inject.Inject
    public WebhookSender(NotificationConfig config, Clock clock) {
        this(new WebhookAddresses(config.webhooks().allowHttp(), config.webhooks().allowedHosts().orElse(List.of()),
                InetAddress::getAllByName), config.delivery().webhookTimeout(), clock);
    }

    public WebhookSender(WebhookAddresses addresses, Duration timeout, Clock clock) {
        this.addresses = addresses;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** The rules registration checks with, the same the deliveries follow. */
    public WebhookAddresses addresses() {
        return addresses;
    }

    public DeliveryResult post(String url, String secret, String notificationId, String kind, byte[] body) {
        WebhookAddresses.Target target;
        try {
            target = addresses.check(url);
        } catch (WebhookAddresses.Refused e) {
            LOG.warnf("webhook %s of notification %s refused: %s", url, notificationId, e.getMessage());
            return DeliveryResult.failed(null, "refused");
        }
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
        headers.put(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body));
        headers.put(WebhookSignature.DELIVERY_HEADER, notificationId);
        headers.put(WebhookSignature.KIND_HEADER, kind);
        String requestId = Correlation.requestId();
        if (requestId != null) {
            headers.put(WebhookSignature.REQUEST_ID_HEADER, requestId);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            int status = exchange(target, headers, body, deadline);
            return status >= 200 && status < 300 ? DeliveryResult.ok(status) : DeliveryResult.failed(status, "HTTP " + status);
        } catch (SocketTimeoutException e) {
            return DeliveryResult.failed(null, "timeout");
        } catch (IOException | RuntimeException e) {
            LOG.debugf("webhook of notification %s failed: %s", notificationId, e);
            return DeliveryResult.failed(null, "refused");
        }
    }

    private static int exchange(WebhookAddresses.Target target, Map<String, String> headers, byte[] body, long deadline)
            throws IOException {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(target.address(), target.port()), remainingMillis(deadline));
            Socket socket = target.https() ? tls(plain, target) : plain;
            socket.setSoTimeout(remainingMillis(deadline));
            OutputStream out = socket.getOutputStream();
            out.write(head(target, headers, body.length).getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            return statusOf(socket, deadline);
        }
    }

    private static Socket tls(Socket plain, WebhookAddresses.Target target) throws IOException {
        SSLSocket ssl;
        try {
            ssl = (SSLSocket) SSLContext.getDefault().getSocketFactory()
                    .createSocket(plain, target.host(), target.port(), true);
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("no TLS", e);
        }
        SSLParameters params = ssl.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        if (!target.host().startsWith("[") && !target.host().chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            params.setServerNames(List.of(new SNIHostName(target.host())));
        }
        ssl.setSSLParameters(params);
        ssl.startHandshake();
        return ssl;
    }

    private static String head(WebhookAddresses.Target target, Map<String, String> headers, int length) {
        String path = target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty() ? "/" : target.uri().getRawPath();
        if (target.uri().getRawQuery() != null) {
            path += "?" + target.uri().getRawQuery();
        }
        boolean defaultPort = target.port() == (target.https() ? 443 : 80);
        StringBuilder sb = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(target.host()).append(defaultPort ? "" : ":" + target.port()).append("\r\n")
                .append("User-Agent: action-month-notification-service\r\n");
        headers.forEach((name, value) -> sb.append(name).append(": ").append(value).append("\r\n"));
        return sb.append("Content-Length: ").append(length).append("\r\n")
                .append("Connection: close\r\n\r\n").toString();
    }

    /** Reads "HTTP/1.1 204 No Content" and returns 204; nothing after the status line is read. */
    private static int statusOf(Socket socket, long deadline) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (line.size() < MAX_STATUS_LINE) {
            socket.setSoTimeout(remainingMillis(deadline));
            int c = in.read();
            if (c == -1 || c == '\n') {
                break;
            }
            line.write(c);
        }
        String status = line.toString(StandardCharsets.ISO_8859_1).strip();
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer");
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP status");
        }
    }

    private static int remainingMillis(long deadline) throws SocketTimeoutException {
        long ms = (deadline - System.nanoTime()) / 1_000_000;
        if (ms <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        return (int) Math.min(Integer.MAX_VALUE, ms);
    }
}
