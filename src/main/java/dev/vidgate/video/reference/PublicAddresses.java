package dev.vidgate.video.reference;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.regex.Pattern;

/** Which addresses a remote reference may be fetched from: the SSRF guard of {@link RemoteImageFetcher}, and of webhook deliveries. */
public final class PublicAddresses {
    private static final Pattern NUMBER = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");
    private static final Pattern DOTTED_QUAD =
            Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])");

    private PublicAddresses() {}

    /**
     * Whether {@code address} is a globally routable unicast address. Refuses IPv4 0/8, 10/8, 100.64/10, 127/8,
     * 169.254/16, 172.16/12, 192.0.0/24, 192.0.2/24, 192.88.99/24, 192.168/16, 198.18/15, 198.51.100/24,
     * 203.0.113/24, 224/4 and 240/4; IPv6 ::/8 (unspecified, loopback, IPv4-compatible; except the NAT64 prefix), 100::/64, 2001::/32
     * (Teredo), 2001:db8::/32, fc00::/7, fe80::/10, fec0::/10 and ff00::/8, and checks the IPv4 address embedded
     * in ::ffff:0:0/96, 64:ff9b::/96 and 2002::/16.
     */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) return isPublicV4(b, 0);
        if (!(address instanceof Inet6Address) || b.length != 16) return false;
        int first = b[0] & 0xFF;
        int second = b[1] & 0xFF;
        boolean mapped = true;
        for (int i = 0; i < 10; i++) mapped &= b[i] == 0;
        if (mapped && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) return isPublicV4(b, 12); // ::ffff:0:0/96
        if (isNat64(b)) return isPublicV4(b, 12); // 64:ff9b::/96 well-known NAT64 prefix
        if (first == 0x00) return false; // ::, ::1, IPv4-compatible, 64:ff9b:1::/48 and other reserved forms
        if ((first & 0xFE) == 0xFC) return false; // fc00::/7 unique local
        if (first == 0xFE && (second & 0xC0) == 0x80) return false; // fe80::/10 link-local
        if (first == 0xFE && (second & 0xC0) == 0xC0) return false; // fec0::/10 site-local
        if (first == 0xFF) return false; // multicast
        if (first == 0x01 && second == 0x00 && b[2] == 0 && b[3] == 0 && b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0) {
            return false; // 100::/64 discard-only
        }
        if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) return false; // 2001::/32 Teredo
        if (first == 0x20 && second == 0x01 && (b[2] & 0xFF) == 0x0D && (b[3] & 0xFF) == 0xB8) return false; // 2001:db8::/32
        if (first == 0x20 && second == 0x02) return isPublicV4(b, 2); // 2002::/16 6to4
        return true;
    }

    /**
     * Whether a URL host is an IPv4 address written in any form but the canonical dotted quad
     * ({@code 127.0.0.1}): octal or leading zeros ({@code 0177.0.0.1}), hex ({@code 0x7f.1}), fewer or more
     * than four parts ({@code 127.1}), one integer ({@code 2130706433}), a trailing dot, or such a form
     * embedded in an IPv6 literal ({@code [::ffff:0177.0.0.1]}). libc, curl and browsers read these
     * differently from Java (which reads {@code 0177} as decimal 177), so they are refused rather than
     * guessed at. As in the WHATWG URL standard, a host whose last label is a number (digits, or
     * {@code 0x} and hex digits) is an IPv4 literal, however it is written; any other host is a name.
     */
    public static boolean isNonCanonicalIpv4Literal(String host) {
        if (host.startsWith("[")) {
            int lastColon = host.lastIndexOf(':');
            String tail = host.substring(lastColon + 1, host.endsWith("]") ? host.length() - 1 : host.length());
            return tail.indexOf('.') >= 0 && !isCanonicalDottedQuad(tail);
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String last = name.substring(name.lastIndexOf('.') + 1);
        if (!NUMBER.matcher(last).matches()) return false;
        return name.length() != host.length() || !isCanonicalDottedQuad(name);
    }

    private static boolean isCanonicalDottedQuad(String s) {
        return DOTTED_QUAD.matcher(s).matches();
    }

    private static boolean isNat64(byte[] b) {
        // 64:ff9b::/96
        if (!(b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B)) return false;
        for (int i = 4; i < 12; i++) if (b[i] != 0) return false;
        return true;
    }

    private static boolean isPublicV4(byte[] b, int at) {
        int a = b[at] & 0xFF;
        int c = b[at + 1] & 0xFF;
        int d = b[at + 2] & 0xFF;
        if (a == 0 || a == 10 || a == 127) return false;
        if (a == 100 && (c & 0xC0) == 64) return false; // 100.64/10 CGNAT
        if (a == 169 && c == 254) return false;
        if (a == 172 && (c & 0xF0) == 16) return false;
        if (a == 192 && c == 0 && (d == 0 || d == 2)) return false;
        if (a == 192 && c == 88 && d == 99) return false;
        if (a == 192 && c == 168) return false;
        if (a == 198 && (c == 18 || c == 19)) return false;
        if (a == 198 && c == 51 && d == 100) return false;
        if (a == 203 && c == 0 && d == 113) return false;
        return a < 224; // 224/4 multicast, 240/4 reserved and broadcast
    }
}
