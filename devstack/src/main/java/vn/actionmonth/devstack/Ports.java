package vn.actionmonth.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports, chosen below the kernel's ephemeral range. A port the kernel handed out as
 * free (bind to port 0) lies inside that range, where any outgoing connection may take it before
 * the server that was promised it binds ("Port 33637 seems to be in use"); below the range only
 * another explicit bind can.
 */
final class Ports {

    /** The lowest port handed out; below it lie the well-known and usual service ports. */
    static final int LOWEST = 20_000;

    private Ports() {
    }

    /**
     * {@code count} distinct free ports. Every socket stays open until all are chosen, so two
     * servers of one stack are never given one port.
     */
    static int[] free(int count) {
        int[] range = candidates();
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ports[i] = bindSomewhere(range[0], range[1], held);
            }
            return ports;
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException e) {
                    // A socket that will not close keeps its port; it was not handed out twice.
                }
            }
        }
    }

    static int free() {
        return free(1)[0];
    }

    private static int bindSomewhere(int from, int to, List<ServerSocket> held) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = random.nextInt(from, to);
            try {
                ServerSocket s = new ServerSocket();
                s.setReuseAddress(false);
                s.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
                held.add(s);
                return port;
            } catch (IOException e) {
                // taken: try another
            }
        }
        throw new UncheckedIOException(new IOException("no free port between " + from + " and " + to));
    }

    /** [from, to): the ports below the ephemeral range (Linux: /proc/sys/net/ipv4/ip_local_port_range). */
    static int[] candidates() {
        int ephemeralLow = 32_768;
        try {
            Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
            if (Files.isReadable(range)) {
                ephemeralLow = Integer.parseInt(Files.readString(range).strip().split("\\s+")[0]);
            }
        } catch (IOException | RuntimeException e) {
            // keep the usual Linux default
        }
        int to = Math.max(LOWEST + 1_000, ephemeralLow);
        return new int[] {LOWEST, to};
    }
}
