package vn.actionmonth.notification;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server standing in for another government system. Each path answers as told:
 * {@code /ok/...} always 200, {@code /flaky/...} 500 three times then 200, {@code /down/...} always 503,
 * {@code /redirect/...} 302 to the URL registered with {@link #redirectTo}. By default it listens on
 * 127.0.0.2, the loopback address the tests allow webhooks to reach; 127.0.0.1 stays internal.
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Request(String path, Map<String, List<String>> headers, byte[] body, int answered) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    private volatile String redirect;

    public WebhookReceiver() {
        this("127.0.0.2");
    }

    public WebhookReceiver(String host) {
        try {
            server = HttpServer.create(new InetSocketAddress(host, 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            int n = calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            int status = path.startsWith("/down/") ? 503 : path.startsWith("/flaky/") && n <= 3 ? 500
                    : path.startsWith("/redirect/") && redirect != null ? 302 : 200;
            requests.add(new Request(path, Map.copyOf(exchange.getRequestHeaders()), body, status));
            if (status == 302) {
                exchange.getResponseHeaders().add("Location", redirect);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** Where {@code /redirect/...} sends its callers. */
    public void redirectTo(String url) {
        this.redirect = url;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String path) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port() + path;
    }

    /** Every request it got, whatever the path. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requestsTo(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    public List<Request> acceptedAt(String path) {
        return requestsTo(path).stream().filter(r -> r.answered() == 200).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
