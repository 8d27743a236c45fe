package io.pb4j.core.router;

import java.util.Objects;

/**
 * A cookie to set on the response ({@link RequestEvent#setCookie}), as Go's {@code http.Cookie}: {@code maxAge} in
 * seconds (0: a session cookie; negative: delete it now, written {@code Max-Age=0}); {@code sameSite} {@code ""},
 * {@code Lax}, {@code Strict} or {@code None}; empty {@code path} and {@code domain} are left out.
 *
 * <pre>{@code
 * e.setCookie(Cookie.of("session", id).withPath("/").withHttpOnly(true).withMaxAge(3600));
 * }</pre>
 */
public record Cookie(String name, String value, String path, String domain, int maxAge, boolean secure, boolean httpOnly,
                     String sameSite) {
    /** Creates the value from its components. */
    public Cookie {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(sameSite, "sameSite");
        if (name.isEmpty() || !name.chars().allMatch(Cookie::isTokenChar)) {
            throw new IllegalArgumentException("invalid cookie name: " + name);
        }
        if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '"' && c != ';' && c != ',' && c != '\\')) {
            throw new IllegalArgumentException("invalid cookie value for " + name);
        }
    }

    /** A session cookie with no attributes. */
    public static Cookie of(String name, String value) {
        return new Cookie(name, value, "", "", 0, false, false, "");
    }

    /** This cookie with {@code Path}. */
    public Cookie withPath(String path) {
        return new Cookie(name, value, path, domain, maxAge, secure, httpOnly, sameSite);
    }

    /** This cookie with {@code Domain}. */
    public Cookie withDomain(String domain) {
        return new Cookie(name, value, path, domain, maxAge, secure, httpOnly, sameSite);
    }

    /** This cookie with {@code Max-Age} in seconds (0: none, negative: delete now). */
    public Cookie withMaxAge(int seconds) {
        return new Cookie(name, value, path, domain, seconds, secure, httpOnly, sameSite);
    }

    /** This cookie with or without {@code Secure}. */
    public Cookie withSecure(boolean on) {
        return new Cookie(name, value, path, domain, maxAge, on, httpOnly, sameSite);
    }

    /** This cookie with or without {@code HttpOnly}. */
    public Cookie withHttpOnly(boolean on) {
        return new Cookie(name, value, path, domain, maxAge, secure, on, sameSite);
    }

    /** This cookie with {@code SameSite} ({@code Lax}, {@code Strict}, {@code None}; "": none). */
    public Cookie withSameSite(String mode) {
        return new Cookie(name, value, path, domain, maxAge, secure, httpOnly, mode);
    }

    /** The {@code Set-Cookie} header value, attributes in Go's order. */
    public String header() {
        StringBuilder b = new StringBuilder(name).append('=').append(value);
        if (!path.isEmpty()) {
            b.append("; Path=").append(path);
        }
        if (!domain.isEmpty()) {
            b.append("; Domain=").append(domain.startsWith(".") ? domain.substring(1) : domain);
        }
        if (maxAge > 0) {
            b.append("; Max-Age=").append(maxAge);
        } else if (maxAge < 0) {
            b.append("; Max-Age=0");
        }
        if (httpOnly) {
            b.append("; HttpOnly");
        }
        if (secure) {
            b.append("; Secure");
        }
        if (!sameSite.isEmpty()) {
            b.append("; SameSite=").append(sameSite);
        }
        return b.toString();
    }

    private static boolean isTokenChar(int c) {
        return c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }
}
