package vn.actionmonth.deploycheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository under test: where its files are and which of its modules are services. */
final class Repo {

    private Repo() {
    }

    /** The repository root (surefire passes it; from an IDE the module's parent directory). */
    static Path root() {
        String configured = System.getProperty("deploycheck.root");
        Path root = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
        return root.toAbsolutePath().normalize();
    }

    /** This module's directory (package.json, the node script). */
    static Path module() {
        String configured = System.getProperty("deploycheck.module");
        return (configured != null ? Path.of(configured) : Path.of("")).toAbsolutePath().normalize();
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    /** The path as the messages show it: relative to the repository root. */
    static String show(Path path) {
        return root().relativize(path.toAbsolutePath().normalize()).toString();
    }

    /**
     * The deployable services: the modules built as Quarkus applications (their pom uses the
     * quarkus-maven-plugin), so a new service is checked without anyone editing these tests.
     */
    static List<String> services() {
        try (Stream<Path> dirs = Files.list(root())) {
            List<String> services = dirs.filter(dir -> Files.isRegularFile(dir.resolve("pom.xml")))
                    .filter(dir -> read(dir.resolve("pom.xml")).contains("<artifactId>quarkus-maven-plugin</artifactId>"))
                    .map(dir -> dir.getFileName().toString())
                    .sorted()
                    .toList();
            if (services.isEmpty()) {
                throw new IllegalStateException("no Quarkus service module found under " + root());
            }
            return services;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
