package vn.actionmonth.devstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files under the state directory that let another command find a running stack:
 * {@code stack.pid} (first line the launcher's pid, then {@code name pid port} per child, so that
 * {@code stop} can clean up after a launcher that died) and {@code stack.json} ({@link StackInfo}).
 */
final class StackState {

    static final String PID_FILE = "stack.pid";
    static final String INFO_FILE = "stack.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A process the launcher started, with the port it listens on (0: none of its own). */
    record Child(String name, long pid, int port) {
    }

    record Pids(long launcher, List<Child> children) {
    }

    private final Path dir;

    StackState(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    synchronized void writePids(long launcher, List<Child> children) {
        StringBuilder out = new StringBuilder().append(launcher).append('\n');
        for (Child c : children) {
            out.append(c.name()).append(' ').append(c.pid()).append(' ').append(c.port()).append('\n');
        }
        write(PID_FILE, out.toString());
    }

    Optional<Pids> readPids() {
        Path file = dir.resolve(PID_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            long launcher = Long.parseLong(lines.get(0).trim());
            List<Child> children = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 3) {
                    children.add(new Child(parts[0], Long.parseLong(parts[1]), Integer.parseInt(parts[2])));
                }
            }
            return Optional.of(new Pids(launcher, children));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    synchronized void writeInfo(StackInfo info) {
        try {
            write(INFO_FILE, JSON.writeValueAsString(info) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<StackInfo> readInfo() {
        Path file = dir.resolve(INFO_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), StackInfo.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    synchronized void clear() {
        try {
            Files.deleteIfExists(dir.resolve(PID_FILE));
            Files.deleteIfExists(dir.resolve(INFO_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Written to a temporary file and moved, so a reader never sees half a file. */
    private void write(String name, String content) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(name + ".tmp");
            Files.writeString(tmp, content);
            Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
