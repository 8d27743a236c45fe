package io.pb4j.core.router;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * PocketBase's CORS middleware ({@code pbCors}) for a list of allowed origins ({@code serve --origins}, default
 * {@code *}): {@code *} answers {@code *}; an exact origin, a subdomain wildcard ({@code https://*.example.com}) or a
 * pattern with {@code *} and {@code ?} answers the request's origin; any other origin gets no CORS headers. Every
 * response varies on {@code Origin}; a preflight ({@code OPTIONS}) is answered 204 here.
 */
public final class Cors {
    private static final String METHODS = "GET,HEAD,PUT,PATCH,POST,DELETE";

    private Cors() {
    }

    /** The {@code pbCors} middleware for {@code allowedOrigins} (empty: {@code *}). */
    public static Middleware middleware(List<String> allowedOrigins) {
        List<String> origins = allowedOrigins.isEmpty() ? List.of("*") : List.copyOf(allowedOrigins);
        List<Pattern> patterns = new ArrayList<>();
        for (String o : origins) {
            if (!o.equals("*")) {
                patterns.add(Pattern.compile("^" + Pattern.quote(o).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q") + "$"));
            }
        }
        return new Middleware("pbCors", Middleware.PRIORITY_CORS, e -> handle(e, origins, patterns));
    }

    private static void handle(RequestEvent e, List<String> origins, List<Pattern> patterns) {
        String origin = e.header("Origin");
        boolean preflight = "OPTIONS".equals(e.method());
        addVary(e, "Origin");
        String allowed = origin.isEmpty() ? "" : allowedOrigin(origin, origins, patterns);
        if (allowed.isEmpty()) {
            if (preflight) {
                e.noContent();
            } else {
                e.next();
            }
            return;
        }
        e.setHeader("Access-Control-Allow-Origin", allowed);
        if (!preflight) {
            e.next();
            return;
        }
        addVary(e, "Access-Control-Request-Method");
        addVary(e, "Access-Control-Request-Headers");
        e.setHeader("Access-Control-Allow-Methods", METHODS);
        String requested = e.header("Access-Control-Request-Headers");
        if (!requested.isEmpty()) {
            e.setHeader("Access-Control-Allow-Headers", requested);
        }
        e.noContent();
    }

    private static String allowedOrigin(String origin, List<String> origins, List<Pattern> patterns) {
        for (String o : origins) {
            if (o.equals("*") || o.equals(origin)) {
                return o;
            }
            if (matchesSubdomain(origin, o)) {
                return origin;
            }
        }
        // as Go: patterns only for something shaped like an origin of a sane length
        if (origin.length() <= 253 + 3 + 5 && origin.contains("://")) {
            for (Pattern p : patterns) {
                if (p.matcher(origin).matches()) {
                    return origin;
                }
            }
        }
        return "";
    }

    /** Same scheme, and the pattern's host labels (read from the right) match up to a {@code *} label. */
    private static boolean matchesSubdomain(String origin, String pattern) {
        int oColon = origin.indexOf(':');
        int pColon = pattern.indexOf(':');
        if (oColon < 0 || pColon < 0 || !origin.substring(0, oColon).equals(pattern.substring(0, pColon))) {
            return false;
        }
        int oSep = origin.indexOf("://");
        int pSep = pattern.indexOf("://");
        if (oSep < 0 || pSep < 0 || origin.length() - oSep - 3 > 253) {
            return false;
        }
        String[] host = origin.substring(oSep + 3).split("\\.", -1);
        String[] wanted = pattern.substring(pSep + 3).split("\\.", -1);
        for (int i = 0; i < host.length; i++) {
            if (wanted.length <= i) {
                return false;
            }
            String p = wanted[wanted.length - 1 - i];
            if (p.equals("*")) {
                return true;
            }
            if (!p.equals(host[host.length - 1 - i])) {
                return false;
            }
        }
        return false;
    }

    private static void addVary(RequestEvent e, String value) {
        String current = e.responseHeaders().getOrDefault("Vary", "");
        e.setHeader("Vary", current.isEmpty() ? value : current + ", " + value);
    }
}
