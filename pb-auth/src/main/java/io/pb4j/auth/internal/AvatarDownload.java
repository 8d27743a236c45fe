package io.pb4j.auth.internal;

import io.pb4j.core.field.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Downloads an OAuth2 user's avatar for a {@code file} field, as PocketBase's {@code safeFileFromURL}: only to public
 * addresses (no loopback, private, link-local, multicast or unspecified ones, every address the host resolves to is
 * checked), 2xx/3xx answers, at most 32 MiB, named after the URL's last path segment. A failure is empty: the sign-up
 * goes on without the avatar. The address check happens before connecting, so unlike PocketBase's dialer it does not
 * stop a DNS answer that changes between the check and the connection.
 */
final class AvatarDownload {
    static final long MAX_BYTES = 32L << 20;
    private static final System.Logger LOG = System.getLogger(AvatarDownload.class.getName());

    private AvatarDownload() {
    }

    /** PocketBase's safe-client rule for an address. */
    static boolean isPublic(InetAddress a) {
        return !(a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress()
                || a.isMulticastAddress() || isUniqueLocal(a));
    }

    /** IPv6 unique local addresses (fc00::/7), which Go's IsPrivate counts as private. */
    private static boolean isUniqueLocal(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 16 && (b[0] & 0xFE) == 0xFC;
    }

    static Optional<UploadedFile> fetch(String url) {
        return fetch(url, AvatarDownload::isPublic);
    }

    static Optional<UploadedFile> fetch(String url, Predicate<InetAddress> allowed) {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IOException("not an http(s) URL");
            }
            for (InetAddress a : InetAddress.getAllByName(uri.getHost())) {
                if (!allowed.test(a)) {
                    throw new IOException("address " + a.getHostAddress() + " is invalid or resolves to a disallowed IP");
                }
            }
            try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NEVER).build()) {
                HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = r.body()) {
                    if (r.statusCode() < 200 || r.statusCode() > 399) {
                        throw new IOException("failed to download url " + url + " (" + r.statusCode() + ")");
                    }
                    byte[] bytes = in.readNBytes((int) MAX_BYTES);
                    String path = uri.getPath() == null ? "" : uri.getPath();
                    String name = path.substring(path.lastIndexOf('/') + 1);
                    return Optional.of(UploadedFile.of(name.isEmpty() ? "avatar" : name, bytes));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "Failed to retrieve OAuth2 avatar: " + e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
