package vn.actionmonth.devstack;

import java.net.InetAddress;
import java.net.ServerSocket;

/** A child JVM that holds a port until killed: what a service left behind by a dead launcher looks like. */
public final class PortHolder {

    private PortHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (ServerSocket socket = new ServerSocket(Integer.parseInt(args[0]), 50, InetAddress.getLoopbackAddress())) {
            while (true) {
                socket.accept().close();
            }
        }
    }
}
