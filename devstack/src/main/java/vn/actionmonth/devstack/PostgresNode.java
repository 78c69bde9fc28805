package vn.actionmonth.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import vn.actionmonth.durability.DurableCommitRule;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server on loopback, or an external one.
 *
 * <p>Embedded mode runs the PostgreSQL binaries that ship inside a Maven jar, so the machine
 * needs nothing but a JDK. External mode is chosen by {@code DEVSTACK_POSTGRES_URL} (a JDBC URL
 * of any database on the server, with {@code DEVSTACK_POSTGRES_USER} and
 * {@code DEVSTACK_POSTGRES_PASSWORD}); databases are then created on that server.
 */
public final class PostgresNode implements AutoCloseable {

    private static final Pattern DB_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private EmbeddedPostgres embedded;
    private final Path dataDir;
    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private PostgresNode(EmbeddedPostgres embedded, Path dataDir, String host, int port, String user, String password) {
        this.embedded = embedded;
        this.dataDir = dataDir;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /**
     * Starts an embedded server on the given port (0 picks a free one outside the ephemeral
     * range) with its data under {@code dataDir}, and checks that it is durable.
     *
     * <p>The embedded-PostgreSQL library starts servers for throw-away test data: {@code -F} (no
     * fsync) and {@code synchronous_commit=off}, so a commit is answered before it is on disk and
     * a crash loses acknowledged transactions. Here both are on, as on a production server: an
     * answer of 2xx means durable, in tests, in the run command and in the benchmark alike.
     */
    public static PostgresNode embedded(Path dataDir, int port) throws IOException {
        int chosen = port > 0 ? port : Ports.free();
        EmbeddedPostgres pg = start(dataDir, chosen);
        PostgresNode node = new PostgresNode(pg, dataDir, "127.0.0.1", pg.getPort(), "postgres", "postgres");
        node.requireDurable();
        return node;
    }

    private static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
        // The data directory is never cleaned here: callers start from an empty one, and a restart
        // after a crash must find the data (and the write-ahead log) where the crash left them.
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                .start();
    }

    /** Fails unless the running server flushes every commit before answering it (server-wide settings). */
    void requireDurable() {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password)) {
            DurableCommitRule.require(c);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read PostgreSQL's durability settings", e);
        }
    }

    /**
     * Crashes the embedded server as a power cut would: an immediate shutdown (SIGQUIT to the
     * postmaster), no checkpoint, so the restart recovers from the write-ahead log. Returns once
     * the port is closed.
     */
    public synchronized void crash() throws IOException, InterruptedException {
        requireEmbedded();
        long pid = pid();
        if (pid <= 0) {
            throw new IllegalStateException("PostgreSQL is not running");
        }
        Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).redirectErrorStream(true).start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -QUIT " + pid + " failed: " + new String(kill.getInputStream().readAllBytes()));
        }
        KafkaNode.waitUntil(() -> !Probes.isListening(port) && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true),
                java.time.Duration.ofSeconds(60), "PostgreSQL to go down");
        // The crashed server's handle still holds the data directory's lock; its stop finds nothing to stop.
        embedded.close();
    }

    /** Starts the crashed server again on its port and data; it replays its write-ahead log first. */
    public synchronized void restart() throws IOException {
        requireEmbedded();
        embedded = start(dataDir, port);
        requireDurable();
    }

    private void requireEmbedded() {
        if (embedded == null) {
            throw new IllegalStateException("PostgreSQL is external (DEVSTACK_POSTGRES_URL); it cannot be crashed here");
        }
    }

    /**
     * Uses the server named by the environment, or returns null when none is named; refuses one
     * that does not flush every commit before answering it, as for the embedded one.
     */
    public static PostgresNode external() {
        String url = System.getenv("DEVSTACK_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            return null;
        }
        java.net.URI uri = java.net.URI.create(url.substring("jdbc:".length()));
        String user = System.getenv().getOrDefault("DEVSTACK_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("DEVSTACK_POSTGRES_PASSWORD", "");
        PostgresNode node = new PostgresNode(null, null, uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432, user, password);
        node.requireDurable();
        return node;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** Creates the database if it does not exist yet and returns its JDBC URL. */
    public String createDatabase(String name) throws SQLException {
        if (!DB_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
             Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
            }
        }
        return jdbcUrl(name);
    }

    /**
     * The operating-system process id of the server (the postmaster), for memory figures; -1 when
     * external. Read from {@code postmaster.pid}: the postmaster is not a session, so SQL cannot name it.
     */
    public long pid() {
        if (embedded == null) {
            return -1;
        }
        try {
            String first = java.nio.file.Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim();
            return Long.parseLong(first);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Stops an embedded server and removes its data: every start begins with empty databases. */
    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
            KafkaNode.deleteTree(dataDir);
        }
    }
}
