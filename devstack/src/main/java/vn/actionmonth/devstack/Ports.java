package vn.actionmonth.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Free loopback ports. */
final class Ports {

    private Ports() {
    }

    /**
     * {@code count} distinct free ports. Every socket stays open until all are chosen: the kernel
     * may hand a just-closed port to the next bind, and two servers given one port would collide.
     */
    static int[] free(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
}
