package io.pb4j.auth.spi;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The authorization-code flow as most providers speak it (RFC 6749 with optional PKCE): the consent URL, the code
 * exchange at the token URL and a bearer-authorized GET of the user-info URL. A provider supplies only how its user
 * JSON maps to an {@link AuthUser}; providers whose user comes from elsewhere override {@link #fetchRawUser}.
 *
 * <p>Like Go's {@code oauth2} package that PocketBase uses, the code exchange first sends the client credentials as
 * HTTP Basic authorization and, when the provider refuses that, once more as form parameters. Token answers may be
 * JSON or form-encoded.
 */
public class StandardOAuth2Provider implements OAuth2Provider {

    /** Maps a provider's decoded user payload (and the token it was fetched with) to PocketBase's AuthUser. */
    @FunctionalInterface
    public interface UserMapper {
        AuthUser map(JsonObject rawUser, OAuth2Token token) throws IOException;
    }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final OAuth2Config config;
    private final UserMapper mapper;

    public StandardOAuth2Provider(OAuth2Config config, UserMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    @Override
    public OAuth2Config config() {
        return config;
    }

    @Override
    public String buildAuthUrl(String state, Map<String, String> params) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", config.clientId());
        query.put("response_type", "code");
        if (!config.scopes().isEmpty()) {
            query.put("scope", String.join(" ", config.scopes()));
        }
        query.put("state", state);
        query.putAll(params);
        String base = config.authUrl();
        return base + (base.contains("?") ? "&" : "?") + form(query) + "&redirect_uri=";
    }

    @Override
    public OAuth2Token exchangeCode(String code, String codeVerifier) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("grant_type", "authorization_code");
        params.put("code", code);
        params.put("redirect_uri", config.redirectUrl());
        if (!codeVerifier.isEmpty()) {
            params.put("code_verifier", codeVerifier);
        }
        String basic = Base64.getEncoder().encodeToString((urlEncode(config.clientId()) + ":"
                + urlEncode(config.clientSecret())).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> res = send(tokenRequest(params).header("Authorization", "Basic " + basic));
        if (res.statusCode() >= 400) {
            params.put("client_id", config.clientId());
            params.put("client_secret", config.clientSecret());
            res = send(tokenRequest(params));
        }
        if (res.statusCode() >= 400) {
            throw new IOException("OAuth2 token exchange via " + config.tokenUrl() + " failed (" + res.statusCode() + "): "
                    + res.body());
        }
        return parseToken(res);
    }

    @Override
    public AuthUser fetchAuthUser(OAuth2Token token) throws IOException {
        return mapper.map(fetchRawUser(token), token);
    }

    /** The provider's user payload; by default the JSON answer of a bearer-authorized GET of the user-info URL. */
    protected JsonObject fetchRawUser(OAuth2Token token) throws IOException {
        return getJson(config.userInfoUrl(), token);
    }

    /** A bearer-authorized GET of {@code url} whose answer must be a JSON object. */
    protected final JsonObject getJson(String url, OAuth2Token token) throws IOException {
        HttpResponse<String> res = send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token.accessToken())
                .header("Accept", "application/json")
                .GET());
        if (res.statusCode() >= 400) {
            throw new IOException("failed to fetch OAuth2 user profile via " + url + " (" + res.statusCode() + "): "
                    + res.body());
        }
        return parseObject(res.body(), url);
    }

    /** Sends a request with the shared HTTP client. */
    protected static HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Parses a JSON object, failing with an IOException that names its source. */
    protected static JsonObject parseObject(String json, String source) throws IOException {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new IOException("invalid JSON from " + source, e);
        }
    }

    /** The string at {@code key} (numbers as their plain text), or "" when absent or of another type. */
    public static String string(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v instanceof JsonNumber n) {
            return n.bigDecimalValue().toPlainString();
        }
        return "";
    }

    private HttpRequest.Builder tokenRequest(Map<String, String> params) {
        return HttpRequest.newBuilder(URI.create(config.tokenUrl())).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(params)));
    }

    private static OAuth2Token parseToken(HttpResponse<String> res) throws IOException {
        String type = res.headers().firstValue("Content-Type").orElse("");
        JsonObject raw;
        if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("text/plain")) {
            JsonObjectBuilder b = Json.createObjectBuilder();
            for (String pair : res.body().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    b.add(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            raw = b.build();
        } else {
            raw = parseObject(res.body(), "the token endpoint");
        }
        String access = string(raw, "access_token");
        if (access.isEmpty()) {
            throw new IOException("the token endpoint answered no access_token");
        }
        Optional<Instant> expiry = Optional.empty();
        String expiresIn = string(raw, "expires_in");
        if (!expiresIn.isEmpty()) {
            try {
                long seconds = Long.parseLong(expiresIn);
                if (seconds > 0) {
                    expiry = Optional.of(Instant.now().plusSeconds(seconds));
                }
            } catch (NumberFormatException ignored) {
                // an unparsable lifetime means no known expiry, as in Go's oauth2
            }
        }
        return new OAuth2Token(access, string(raw, "refresh_token"), string(raw, "token_type"), expiry, raw);
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> urlEncode(e.getKey()) + "=" + urlEncode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String urlEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
