package vn.actionmonth.devstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stands in for a Quarkus service in {@link StackTest}: reads the same environment, is ready
 * when its database and the broker answer, and shows the environment it was given on /env.
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        if (env.containsKey("FAKE_FAIL")) {
            System.out.println("fake service failing on purpose: " + env.get("FAKE_FAIL"));
            System.exit(3);
        }
        HttpServer server = HttpServer.create(
                new InetSocketAddress(env.get("HTTP_HOST"), Integer.parseInt(env.get("HTTP_PORT"))), 0);
        server.createContext("/q/health/ready", exchange -> reply(exchange, ready(env) ? 200 : 503, "{}"));
        server.createContext("/env", exchange -> reply(exchange, 200,
                new ObjectMapper().writeValueAsString(new TreeMap<>(env))));
        server.start();
        System.out.println("fake service listening on " + env.get("HTTP_PORT"));
    }

    private static boolean ready(Map<String, String> env) {
        try (var c = DriverManager.getConnection(env.get("DB_URL"), env.get("DB_USER"), env.get("DB_PASSWORD"))) {
            String[] broker = env.get("KAFKA_BOOTSTRAP_SERVERS").split(":");
            try (Socket s = new Socket(broker[0], Integer.parseInt(broker[1]))) {
                return c.isValid(2) && s.isConnected();
            }
        } catch (Exception e) {
            return false;
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
