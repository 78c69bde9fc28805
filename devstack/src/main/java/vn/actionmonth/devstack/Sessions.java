package vn.actionmonth.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts child processes in a session of their own, so that Ctrl-C in a terminal (which signals
 * the whole foreground process group) reaches only the launcher, which then stops the children in
 * order: services, then Kafka, then PostgreSQL. {@code pg_ctl} already detaches PostgreSQL itself.
 */
final class Sessions {

    private static final List<String> PREFIX = find();

    private Sessions() {
    }

    /** {@code setsid} when the machine has it (it execs, so the child keeps the pid Java sees); else nothing. */
    static List<String> newSessionPrefix() {
        return PREFIX;
    }

    private static List<String> find() {
        for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return List.of(candidate);
            }
        }
        return List.of();
    }
}
