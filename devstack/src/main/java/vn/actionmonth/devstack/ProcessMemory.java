package vn.actionmonth.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Resident memory of a process and its descendants, read from {@code /proc} (Linux only; zeros
 * elsewhere). PostgreSQL is a postmaster with a dozen children, so a tree is what it costs; PSS is
 * given beside RSS because the children share the buffer pool, which RSS counts once per child.
 */
public record ProcessMemory(int processes, long rssKb, long pssKb) {

    public static final ProcessMemory NONE = new ProcessMemory(0, 0, 0);

    public static ProcessMemory ofTree(long pid) {
        if (pid <= 0) {
            return NONE;
        }
        var root = ProcessHandle.of(pid);
        if (root.isEmpty() || !root.get().isAlive()) {
            return NONE;
        }
        List<Long> pids = new ArrayList<>();
        pids.add(pid);
        root.get().descendants().forEach(p -> pids.add(p.pid()));
        int count = 0;
        long rss = 0;
        long pss = 0;
        for (long p : pids) {
            long[] figures = read(p);
            if (figures != null) {
                count++;
                rss += figures[0];
                pss += figures[1];
            }
        }
        return new ProcessMemory(count, rss, pss);
    }

    /** The process alone, without its children. */
    public static ProcessMemory of(long pid) {
        long[] figures = pid > 0 ? read(pid) : null;
        return figures == null ? NONE : new ProcessMemory(1, figures[0], figures[1]);
    }

    public long rssMb() {
        return Math.round(rssKb / 1024.0);
    }

    public long pssMb() {
        return Math.round(pssKb / 1024.0);
    }

    public ProcessMemory plus(ProcessMemory other) {
        return new ProcessMemory(processes + other.processes, rssKb + other.rssKb, pssKb + other.pssKb);
    }

    /** {rss, pss} in kB from smaps_rollup, or from status (pss = rss) on kernels without it. */
    private static long[] read(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            Path rollup = proc.resolve("smaps_rollup");
            if (Files.isReadable(rollup)) {
                long rss = -1;
                long pss = -1;
                for (String line : Files.readAllLines(rollup)) {
                    if (line.startsWith("Rss:")) {
                        rss = kb(line);
                    } else if (line.startsWith("Pss:")) {
                        pss = kb(line);
                    }
                }
                if (rss >= 0 && pss >= 0) {
                    return new long[] {rss, pss};
                }
            }
            for (String line : Files.readAllLines(proc.resolve("status"))) {
                if (line.startsWith("VmRSS:")) {
                    long rss = kb(line);
                    return new long[] {rss, rss};
                }
            }
        } catch (IOException | RuntimeException e) {
            // The process ended while being read, or this is not Linux.
        }
        return null;
    }

    private static long kb(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
