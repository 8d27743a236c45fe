package io.pb4j.http.internal.ratelimit;

import io.pb4j.core.router.ClientIp;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/** IP literals and subnets as PocketBase's rate limiter reads them (Go's {@code netip}); never a DNS lookup. */
public final class IpAddresses {
    private IpAddresses() {
    }

    /** The address bytes of an IPv4 or IPv6 literal, empty for anything else. */
    static Optional<byte[]> parse(String text) {
        return ClientIp.literal(text).map(InetAddress::getAddress);
    }

    /** The literal in one canonical form, for use as a limiter key; empty when {@code text} is no IP literal. */
    static Optional<String> canonical(String text) {
        return ClientIp.literal(text).map(InetAddress::getHostAddress);
    }

    /** PocketBase's {@code isIPInList}: {@code ip} equals one of the addresses or lies in one of the subnets. */
    public static boolean inList(List<String> ipsOrSubnets, String ip) {
        Optional<byte[]> address = parse(ip);
        if (address.isEmpty()) {
            return false;
        }
        for (String item : ipsOrSubnets) {
            int slash = item.indexOf('/');
            Optional<byte[]> other = parse(slash < 0 ? item : item.substring(0, slash));
            if (other.isEmpty() || other.get().length != address.get().length) {
                continue;
            }
            int bits = other.get().length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(item.substring(slash + 1).strip());
                } catch (NumberFormatException e) {
                    continue;
                }
                if (bits < 0 || bits > other.get().length * 8) {
                    continue;
                }
            }
            if (samePrefix(address.get(), other.get(), bits)) {
                return true;
            }
        }
        return false;
    }

    private static boolean samePrefix(byte[] a, byte[] b, int bits) {
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((a[i / 8] & mask) != (b[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
