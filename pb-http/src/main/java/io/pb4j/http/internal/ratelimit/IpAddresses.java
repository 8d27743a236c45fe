package io.pb4j.http.internal.ratelimit;

import io.pb4j.core.router.ClientIp;
import java.util.List;
import java.util.Optional;

/** IP literals and subnets as PocketBase's rate limiter reads them (Go's {@code netip}): pb-core's {@link ClientIp}. */
public final class IpAddresses {
    private IpAddresses() {
    }

    /** The address bytes of an IPv4 or IPv6 literal, empty for anything else. */
    static Optional<byte[]> parse(String text) {
        return ClientIp.parse(text);
    }

    /** The literal in one canonical form, for use as a limiter key; empty when {@code text} is no IP literal. */
    static Optional<String> canonical(String text) {
        return ClientIp.canonical(text);
    }

    /** PocketBase's {@code isIPInList}: {@code ip} equals one of the addresses or lies in one of the subnets. */
    public static boolean inList(List<String> ipsOrSubnets, String ip) {
        return ClientIp.inList(ipsOrSubnets, ip);
    }
}
