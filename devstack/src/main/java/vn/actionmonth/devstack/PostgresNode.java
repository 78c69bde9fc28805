package vn.actionmonth.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

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

    private final EmbeddedPostgres embedded;
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

    /** Starts an embedded server on the given port (0 picks a free one) with its data under {@code dataDir}. */
    public static PostgresNode embedded(Path dataDir, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(true)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("fsync", "on")
                .setPGStartupWait(java.time.Duration.ofSeconds(60));
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres pg = builder.start();
        return new PostgresNode(pg, dataDir, "127.0.0.1", pg.getPort(), "postgres", "postgres");
    }

    /** Uses the server named by the environment, or returns null when none is named. */
    public static PostgresNode external() {
        String url = System.getenv("DEVSTACK_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            return null;
        }
        java.net.URI uri = java.net.URI.create(url.substring("jdbc:".length()));
        String user = System.getenv().getOrDefault("DEVSTACK_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("DEVSTACK_POSTGRES_PASSWORD", "");
        return new PostgresNode(null, null, uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432, user, password);
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

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
