package io.pb4j.http;

import io.pb4j.test.RoundRobinProxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole official-SDK compatibility suite ({@code compat/test} and {@code compat/fixture}) through two pb4j nodes on
 * one PostgreSQL database behind the kit's round-robin proxy, as {@link SdkCompatibilityTest} runs it against one
 * server: the SDK's requests alternate between the nodes connection by connection (its realtime stream holds one node
 * while its writes reach either). The nodes share one data dir, standing in for the shared storage files need. Only
 * {@code compat/restore} is left out: a PostgreSQL app has no backups to restore.
 */
class TwoNodeSuitesTest {
    /** Generous: two JVMs and PostgreSQL on a machine shared with other builds run the suite several times slower. */
    private static final java.time.Duration TIMEOUT = java.time.Duration.ofMinutes(20);

    @Test
    void theWholeSdkSuitePassesThroughTwoNodes() throws Exception {
        String url = PostgresFixture.newDatabase();
        Path shared = TestServer.newTempDir();
        try (TestServer a = TestServer.onPostgres(url, shared, true); TestServer b = TestServer.onPostgres(url, shared, false);
             RoundRobinProxy proxy = new RoundRobinProxy(List.of(a.app.port(), b.app.port()));
             FakeOAuth2Provider oauth2 = FakeOAuth2Provider.start(); TestMailServer mail = new TestMailServer()) {
            BatchApiTest.batchSettings(a, true, 50, 3);
            mail.configure(b); // made on node B, read by node A's mailer: the settings reach both
            SdkCompatibilityTest.runFolder("test", Map.of(
                    "PB_URL", proxy.baseUrl(),
                    "PB_OAUTH2_URL", oauth2.url(),
                    "PB_MAIL_POP3", "127.0.0.1:" + mail.pop3Port(),
                    "PB_SUPERUSER_EMAIL", TestServer.SUPERUSER_EMAIL,
                    "PB_SUPERUSER_PASSWORD", TestServer.SUPERUSER_PASSWORD,
                    "PB_STORE", "postgres",
                    "NO_COLOR", "1"), TIMEOUT);
        }
    }

    @Test
    void theSdkSuiteOnPocketBasesDataPassesThroughTwoNodes() throws Exception {
        String url = PostgresFixture.newFixtureDatabase();
        Path shared = TestServer.copyOfFixture();
        try (TestServer a = TestServer.onPostgres(url, shared, false); TestServer b = TestServer.onPostgres(url, shared, false);
             RoundRobinProxy proxy = new RoundRobinProxy(List.of(a.app.port(), b.app.port()))) {
            SdkCompatibilityTest.runFolder("fixture", Map.of("PB_URL", proxy.baseUrl(), "PB_STORE", "postgres", "NO_COLOR", "1"),
                    TIMEOUT);
        }
    }
}
