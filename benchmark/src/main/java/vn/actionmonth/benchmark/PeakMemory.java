package vn.actionmonth.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The peak resident set size of a process, as the kernel keeps it (VmHWM). */
public final class PeakMemory {

    private PeakMemory() {
    }

    /** Peak RSS in MiB, or -1 when the process is unknown or gone. */
    public static double peakRssMib(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
