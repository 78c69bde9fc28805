package vn.actionmonth.notification.delivery;

import java.net.IDN;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which webhook addresses this service may call. A webhook is an address an outside party gives,
 * so it must never make this service call into its own network (SSRF): every address the host
 * resolves to must be a public one, neither loopback, link-local (cloud metadata at
 * 169.254.169.254), private, unique-local, carrier-grade NAT, multicast, unspecified nor reserved,
 * including IPv4 addresses inside IPv6 ones; host names of cluster-internal zones are refused by
 * name. An operator may allow hosts or networks explicitly ({@code allowed}: host names, IP
 * addresses or CIDR blocks; empty by default). Only {@code https} unless {@code allowHttp}.
 *
 * <p>The check runs at registration and again at every delivery, and the delivery connects to the
 * very address that was checked ({@link Target#address()}), so a name that resolves elsewhere
 * later, or between check and connect, reaches nothing inside.
 */
public final class WebhookAddresses {

    private static final List<String> INTERNAL_NAMES = List.of("localhost", "metadata.google.internal",
            "metadata", "kubernetes.default", "kubernetes");
    private static final List<String> INTERNAL_SUFFIXES = List.of(".localhost", ".local", ".internal", ".svc",
            ".cluster.local", ".localdomain", ".home.arpa", ".intranet", ".lan");

    /** Resolves host names; a seam for tests of the rules, the service uses the system's resolver. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A checked webhook: where to connect, and what to say in Host and TLS SNI. */
    public record Target(URI uri, String host, int port, boolean https, InetAddress address) {
    }

    /** Why an address is refused; {@link #getMessage()} is for the admin who registers it. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    private final boolean allowHttp;
    private final List<String> allowedNames = new ArrayList<>();
    private final List<Cidr> allowedNetworks = new ArrayList<>();
    private final Resolver resolver;

    public WebhookAddresses(boolean allowHttp, List<String> allowed, Resolver resolver) {
        this.allowHttp = allowHttp;
        this.resolver = resolver;
        for (String entry : allowed) {
            String e = entry.strip().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) {
                continue;
            }
            Cidr cidr = Cidr.parse(e);
            if (cidr != null) {
                allowedNetworks.add(cidr);
            } else {
                allowedNames.add(e);
            }
        }
    }

    /**
     * The check at registration: as {@link #check}, except that a host that does not resolve now
     * is accepted (a receiver may register before its name is published); it is refused at any
     * delivery while it still does not resolve.
     */
    public void checkRegistration(String url) throws Refused {
        check(url, false);
    }

    /** Checks the address and resolves its host; the target is what a delivery connects to. */
    public Target check(String url) throws Refused {
        return check(url, true);
    }

    private Target check(String url, boolean mustResolve) throws Refused {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (Exception e) {
            throw new Refused("must be an absolute https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getRawAuthority() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new Refused("must be an absolute https URL");
        }
        if (scheme.equals("http") && !allowHttp) {
            throw new Refused("must use https (plain http is not allowed here)");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("must not carry a user name or password");
        }
        if (uri.getHost() == null) {
            throw new Refused("must name a host");
        }
        String host = hostOf(uri);
        int port = uri.getPort() == -1 ? (scheme.equals("https") ? 443 : 80) : uri.getPort();
        if (port < 1 || port > 65535) {
            throw new Refused("names a port that does not exist");
        }
        if (isOddNumericHost(host)) {
            throw new Refused("must name a host, or an IP address written as four decimal numbers");
        }
        boolean allowedByName = allowedNames.contains(host);
        if (!allowedByName && isInternalName(host)) {
            throw new Refused("names a host of an internal network; webhooks reach only public addresses");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            addresses = new InetAddress[0];
        }
        if (addresses.length == 0) {
            if (mustResolve) {
                throw new Refused("names a host that does not resolve");
            }
            return null;
        }
        for (InetAddress a : addresses) {
            if (!allowedByName && !isAllowedNetwork(a) && !isPublic(a)) {
                throw new Refused("resolves to an internal address (loopback, private, link-local or reserved); "
                        + "webhooks reach only public addresses");
            }
        }
        return new Target(uri, host, port, scheme.equals("https"), addresses[0]);
    }

    private static String hostOf(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host.startsWith("[") ? host : IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    }

    static boolean isInternalName(String host) {
        if (INTERNAL_NAMES.contains(host) || host.indexOf('.') < 0 && !host.startsWith("[") && !isNumeric(host)) {
            return true;
        }
        return INTERNAL_SUFFIXES.stream().anyMatch(host::endsWith);
    }

    private static boolean isNumeric(String host) {
        return host.chars().allMatch(Character::isDigit);
    }

    /**
     * "2130706433", "0x7f.1", "0177.0.0.1" and "127.1" all mean 127.0.0.1 to some resolver or
     * other; no receiver needs such a spelling, so anything numeric that is not a plain dotted
     * quad is refused rather than left to a resolver's reading.
     */
    static boolean isOddNumericHost(String host) {
        if (!host.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == 'x' || c == 'X'
                || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            return false;
        }
        if (!host.chars().anyMatch(Character::isDigit) || !(host.chars().allMatch(c -> Character.isDigit(c) || c == '.')
                || host.toLowerCase(Locale.ROOT).contains("0x"))) {
            return false;
        }
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return true;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.startsWith("0")) || !isNumeric(p)
                    || Integer.parseInt(p) > 255) {
                return true;
            }
        }
        return false;
    }

    private boolean isAllowedNetwork(InetAddress a) {
        return allowedNetworks.stream().anyMatch(c -> c.contains(a));
    }

    /** Whether a connection to {@code a} leaves this network for the public Internet. */
    public static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // fc00::/7 unique local
            }
            if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {
                return false; // fec0::/10 site local (deprecated)
            }
            if (allZero(b, 0, 12)) {
                return isPublicV4(slice(b, 12)); // ::a.b.c.d (IPv4-compatible), :: and ::1 already refused
            }
            if (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                return isPublicV4(slice(b, 12)); // 64:ff9b::/96 NAT64
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x02) {
                return isPublicV4(slice(b, 2)); // 2002::/16 6to4
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0) {
                return false; // 2001::/32 Teredo
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return false; // 2001:db8::/32 documentation
            }
            return true;
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        return !(a0 == 0 || a0 == 10 || a0 == 127
                || (a0 == 100 && a1 >= 64 && a1 < 128)      // 100.64.0.0/10 carrier-grade NAT
                || (a0 == 169 && a1 == 254)                 // link local, cloud metadata
                || (a0 == 172 && a1 >= 16 && a1 < 32)
                || (a0 == 192 && a1 == 168)
                || (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0)   // 192.0.0.0/24 protocol assignments
                || (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 2)   // documentation
                || (a0 == 198 && (a1 == 18 || a1 == 19))    // benchmarking
                || (a0 == 198 && a1 == 51 && (b[2] & 0xff) == 100)
                || (a0 == 203 && a1 == 0 && (b[2] & 0xff) == 113)
                || a0 >= 224);                              // multicast, reserved, broadcast
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] b, int from) {
        return new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]};
    }

    /** An address block of the allow-list. */
    record Cidr(byte[] network, int bits) {

        static Cidr parse(String text) {
            String[] parts = text.split("/", 2);
            String ip = parts[0];
            if (!looksLikeIp(ip)) {
                return null;
            }
            try {
                byte[] net = InetAddress.getByName(ip).getAddress();
                int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : net.length * 8;
                if (bits < 0 || bits > net.length * 8) {
                    throw new IllegalArgumentException("not a network: " + text);
                }
                return new Cidr(net, bits);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not an address or network: " + text, e);
            }
        }

        private static boolean looksLikeIp(String s) {
            return s.contains(":") || s.chars().allMatch(c -> Character.isDigit(c) || c == '.');
        }

        boolean contains(InetAddress a) {
            byte[] b = a.getAddress();
            if (b.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (b[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (b[full] & mask) == (network[full] & mask);
        }
    }
}
