package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.router.Cors;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PocketBase's CORS middleware with {@code --origins}, its security headers (with v0.40's COOP) and health's proxy hint. */
class CorsAndHeadersTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void byDefaultEveryOriginGetsAStarAndEveryResponseVariesOnOrigin() {
        TestServer.Response r = server.sendWithHeaders("GET", "/api/health", "Origin", "https://any.example");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(r.headers().firstValue("Vary")).contains("Origin");
        TestServer.Response plain = server.sendWithHeaders("GET", "/api/health");
        assertThat(plain.headers().firstValue("Vary")).contains("Origin");
        assertThat(plain.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void securityHeadersIncludeTheCrossOriginOpenerPolicy() {
        TestServer.Response r = server.sendWithHeaders("GET", "/api/health");
        assertThat(r.headers().firstValue("Cross-Origin-Opener-Policy")).contains("same-origin");
        assertThat(r.headers().firstValue("X-Frame-Options")).contains("SAMEORIGIN");
    }

    @Test
    void allowedOriginsAreEchoedExactlyBySubdomainWildcardOrPatternAndOthersGetNothing() throws Exception {
        try (TestServer s = new TestServer()) {
            s.app.router().bind(Cors.middleware(List.of("https://app.example.com", "https://*.tenant.io", "http://localhost:?000")));
            assertThat(origin(s, "https://app.example.com")).isEqualTo("https://app.example.com");
            assertThat(origin(s, "https://a.b.tenant.io")).isEqualTo("https://a.b.tenant.io");
            assertThat(origin(s, "http://localhost:3000")).isEqualTo("http://localhost:3000");
            assertThat(origin(s, "https://evil.example.com")).isEmpty();
            assertThat(origin(s, "http://tenant.io")).isEmpty();

            TestServer.Response preflight = s.sendWithHeaders("OPTIONS", "/api/collections/users/records",
                    "Origin", "https://app.example.com", "Access-Control-Request-Method", "POST",
                    "Access-Control-Request-Headers", "content-type,authorization");
            assertThat(preflight.status()).isEqualTo(204);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).contains("GET,HEAD,PUT,PATCH,POST,DELETE");
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).contains("content-type,authorization");
            assertThat(preflight.headers().firstValue("Vary")).contains("Origin, Access-Control-Request-Method, Access-Control-Request-Headers");

            TestServer.Response refused = s.sendWithHeaders("OPTIONS", "/api/health", "Origin", "https://evil.example.com",
                    "Access-Control-Request-Method", "GET");
            assertThat(refused.status()).isEqualTo(204);
            assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    private static String origin(TestServer s, String origin) {
        return s.sendWithHeaders("GET", "/api/health", "Origin", origin).headers().firstValue("Access-Control-Allow-Origin").orElse("");
    }

    @Test
    void healthNamesTheFirstProxyHeaderTheSuperusersRequestCarries() {
        String token = server.superuserToken();
        TestServer.Response none = server.sendWithHeaders("GET", "/api/health", "Authorization", token);
        assertThat(none.body()).contains("\"canBackup\":true", "\"realIP\":\"127.0.0.1\"", "\"possibleProxyHeader\":\"\"");
        TestServer.Response fly = server.sendWithHeaders("GET", "/api/health", "Authorization", token,
                "Fly-Client-IP", "1.2.3.4", "X-Forwarded-For", "5.6.7.8");
        // PocketBase spells its X-Forwarded-For check with a non-ASCII hyphen: only Fly-Client-IP counts here
        assertThat(fly.body()).contains("\"possibleProxyHeader\":\"Fly-Client-IP\"", "\"realIP\":\"127.0.0.1\"");
        TestServer.Response forwarded = server.sendWithHeaders("GET", "/api/health", "Authorization", token,
                "X-Forwarded-For", "5.6.7.8");
        assertThat(forwarded.body()).contains("\"possibleProxyHeader\":\"\"");
    }
}
