package io.pb4j.http.internal.settings;

import io.pb4j.core.ApiException;
import io.pb4j.core.router.Middleware;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.http.internal.ratelimit.IpAddresses;
import io.pb4j.http.internal.ratelimit.RateLimits;
import jakarta.json.JsonString;
import java.util.List;

/**
 * PocketBase's {@code pbSuperuserIPsWhitelist} global middleware: when the settings' {@code superuserIPs} list is not
 * empty, a request authenticated as a superuser from a real IP outside it gets 403. Read from the settings per request.
 */
final class SuperuserIpsWhitelist {
    static final Middleware MIDDLEWARE = new Middleware("pbSuperuserIPsWhitelist", Middleware.PRIORITY_LOAD_AUTH_TOKEN + 5,
            SuperuserIpsWhitelist::check);

    private SuperuserIpsWhitelist() {
    }

    private static void check(RequestEvent e) {
        if (e.isSuperuser()) {
            List<String> ips = e.app().settings().getJsonArray("superuserIPs").getValuesAs(JsonString::getString);
            if (!ips.isEmpty() && !IpAddresses.inList(ips, RateLimits.realIp(e))) {
                throw ApiException.forbidden("");
            }
        }
        e.next();
    }
}
