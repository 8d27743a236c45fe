package io.pb4j.auth.spi;

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
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;

    /** Maps a provider's decoded user payload (and the token it was fetched with) to PocketBase's AuthUser. */
    @FunctionalInterface
    public interface UserMapper {
        /** The user from the provider's user-info answer; may fetch more with {@code token} (e.g. GitHub's emails). */
        AuthUser map(JsonObject rawUser, OAuth2Token token) throws IOException;
    }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final OAuth2Config config;
    private final UserMapper mapper;

    /** A provider for {@code config}'s endpoints whose user-info answers {@code mapper} reads. */
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
        // Go's oauth2.Config.AuthCodeURL: the parameters sorted by key (redirect_uri left out, as PocketBase's
        // auth-methods leave it for the client to append)
        Map<String, String> query = new TreeMap<>();
        query.put("client_id", config.clientId());
        query.put("response_type", "code");
        if (!config.scopes().isEmpty()) {
            query.put("scope", String.join(" ", config.scopes()));
        }
        if (!state.isEmpty()) {
            query.put("state", state);
        }
        query.putAll(params);
        String base = config.authUrl();
        return base + (base.contains("?") ? "&" : "?") + form(query) + "&redirect_uri=";
    }

    @Override
    public OAuth2Token exchangeCode(String code, String codeVerifier) throws IOException {
        Map<String, String> params = new TreeMap<>();
        params.put("grant_type", "authorization_code");
        params.put("code", code);
        if (!config.redirectUrl().isEmpty()) {
            params.put("redirect_uri", config.redirectUrl());
        }
        if (!codeVerifier.isEmpty()) {
            params.put("code_verifier", codeVerifier);
        }
        String basic = Base64.getEncoder().encodeToString((urlEncode(config.clientId()) + ":"
                + urlEncode(config.clientSecret())).getBytes(StandardCharsets.UTF_8));
        try {
            return requestToken(tokenRequest(params).header("Authorization", "Basic " + basic));
        } catch (IOException refused) {
            // as Go's oauth2 auto-detection: any failure means "try the credentials as form parameters"
            params.put("client_id", config.clientId());
            if (!config.clientSecret().isEmpty()) {
                params.put("client_secret", config.clientSecret());
            }
            return requestToken(tokenRequest(params));
        }
    }

    @Override
    public AuthUser fetchAuthUser(OAuth2Token token) throws IOException {
        return mapper.map(fetchRawUser(token), token);
    }

    /** The provider's user payload; by default the JSON answer of a bearer-authorized GET of the user-info URL. */
    protected JsonObject fetchRawUser(OAuth2Token token) throws IOException {
        return getJson(config.userInfoUrl(), token);
    }

    /** A token-authorized GET of {@code url} whose answer must be a JSON object. */
    protected final JsonObject getJson(String url, OAuth2Token token) throws IOException {
        return fetchUserJson(authorized(url, token).GET(), url);
    }

    /**
     * A request to {@code url} authorized with the token as Go's oauth2 transport does it: {@code Authorization:
     * <type> <access token>}, where the type is {@code Bearer} unless the token endpoint named another.
     */
    protected static HttpRequest.Builder authorized(String url, OAuth2Token token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Authorization", authorizationType(token.tokenType()) + " " + token.accessToken());
    }

    /**
     * Sends a user-info request; an answer of 400 or more fails with PocketBase's "failed to fetch OAuth2 user
     * profile" error, any other must be a JSON object.
     */
    protected static JsonObject fetchUserJson(HttpRequest.Builder request, String url) throws IOException {
        HttpResponse<String> res = send(request);
        if (res.statusCode() >= 400) {
            throw new IOException("failed to fetch OAuth2 user profile via " + url + " (" + res.statusCode() + "):\n"
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
        if (parseJson(json, source) instanceof JsonObject o) {
            return o;
        }
        throw new IOException("expected a JSON object from " + source);
    }

    /** Parses any JSON value, failing with an IOException that names its source. */
    protected static JsonValue parseJson(String json, String source) throws IOException {
        try (var reader = JSON.createReader(new StringReader(json))) {
            return reader.readValue();
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

    private OAuth2Token requestToken(HttpRequest.Builder request) throws IOException {
        HttpResponse<String> res = send(request);
        if (res.statusCode() < 200 || res.statusCode() > 299) {
            throw new IOException("OAuth2 token exchange via " + config.tokenUrl() + " failed (" + res.statusCode()
                    + "): " + res.body());
        }
        return parseToken(res);
    }

    /** Go's oauth2 token parsing: form-encoded for those two media types, JSON otherwise. */
    private static OAuth2Token parseToken(HttpResponse<String> res) throws IOException {
        String type = res.headers().firstValue("Content-Type").orElse("").split(";")[0].trim().toLowerCase(Locale.ROOT);
        JsonObject raw;
        if (type.equals("application/x-www-form-urlencoded") || type.equals("text/plain")) {
            JsonObjectBuilder b = JSON.createObjectBuilder();
            Map<String, String> seen = new LinkedHashMap<>();
            for (String pair : res.body().split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (!key.isEmpty() && !seen.containsKey(key)) {
                    seen.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            seen.forEach(b::add);
            raw = b.build();
        } else {
            raw = parseObject(res.body(), "the token endpoint");
        }
        if (!string(raw, "error").isEmpty()) {
            throw new IOException("the token endpoint answered the error " + string(raw, "error") + ": "
                    + string(raw, "error_description"));
        }
        String access = string(raw, "access_token");
        if (access.isEmpty()) {
            throw new IOException("the token endpoint answered no access_token");
        }
        Optional<Instant> expiry = Optional.empty();
        String expiresIn = string(raw, "expires_in");
        if (!expiresIn.isEmpty()) {
            try {
                long seconds = new java.math.BigDecimal(expiresIn).longValue();
                if (seconds != 0) {
                    expiry = Optional.of(Instant.now().plusSeconds(seconds));
                }
            } catch (NumberFormatException ignored) {
                // an unparsable lifetime means no known expiry, as in Go's oauth2
            }
        }
        return new OAuth2Token(access, string(raw, "refresh_token"), string(raw, "token_type"), expiry, raw);
    }

    /** Go's {@code oauth2.Token.Type()}. */
    private static String authorizationType(String tokenType) {
        for (String known : new String[] {"Bearer", "MAC", "Basic"}) {
            if (known.equalsIgnoreCase(tokenType)) {
                return known;
            }
        }
        return tokenType.isEmpty() ? "Bearer" : tokenType;
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> urlEncode(e.getKey()) + "=" + urlEncode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** Go's {@code url.QueryEscape}: only letters, digits and {@code -_.~} stay as they are; space is {@code +}. */
    private static String urlEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
    }
}
