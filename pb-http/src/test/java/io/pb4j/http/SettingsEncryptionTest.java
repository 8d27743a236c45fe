package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pb4j.core.PocketBase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * {@code serve --encryptionEnv=VAR}: the settings row is AES-256-GCM text in PocketBase's layout, read back on the
 * next start; a row PocketBase encrypted opens; a plain row is read and written back encrypted. The key is in
 * {@code PB4J_TEST_SETTINGS_KEY}, set for the test JVM by this module's surefire configuration.
 */
class SettingsEncryptionTest {
    private static final String ENV = "PB4J_TEST_SETTINGS_KEY";

    private static String key() {
        String key = System.getenv(ENV);
        assertThat(key).as(ENV + " (set by pb-http's surefire configuration)").hasSize(32);
        return key;
    }

    private static Object row(TestServer server) {
        return server.app.store().read(s -> s.query("SELECT value FROM _params WHERE id = 'settings'", List.of()).get(0).get("value"));
    }

    /** Go's {@code security.Decrypt}, written independently of pb4j's cipher. */
    private static String decrypt(String text) throws Exception {
        byte[] all = Base64.getDecoder().decode(text);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key().getBytes(StandardCharsets.UTF_8), "AES"), new GCMParameterSpec(128, all, 0, 12));
        return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
    }

    /** Go's {@code security.Encrypt} with a fixed nonce, written independently of pb4j's cipher. */
    private static String encrypt(String plain) throws Exception {
        byte[] nonce = "pocketbase12".getBytes(StandardCharsets.US_ASCII);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key().getBytes(StandardCharsets.UTF_8), "AES"), new GCMParameterSpec(128, nonce));
        byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[12 + sealed.length];
        System.arraycopy(nonce, 0, out, 0, 12);
        System.arraycopy(sealed, 0, out, 12, sealed.length);
        return Base64.getEncoder().encodeToString(out);
    }

    private static void deleteDir(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void settingsSavedThroughTheApiAreStoredEncryptedAndReadBackOnTheNextStart() throws Exception {
        Path dir = TestServer.newTempDir();
        try {
            TestServer first = TestServer.on(dir, cfg -> cfg.encryptionEnv(ENV));
            first.expect("PATCH", "/api/settings", first.superuserToken(),
                    "{\"meta\":{\"appName\":\"Encrypted\"},\"smtp\":{\"password\":\"smtp-secret\"}}", 200);
            Object stored = row(first);
            first.stop();
            assertThat(stored).isInstanceOf(String.class);
            assertThat((String) stored).doesNotContain("Encrypted").matches("[A-Za-z0-9+/]+=*");
            assertThat(decrypt((String) stored)).startsWith("{\"superuserIPs\":[],\"smtp\":{")
                    .contains("\"appName\":\"Encrypted\"", "\"password\":\"smtp-secret\"");

            TestServer second = TestServer.on(dir, cfg -> cfg.encryptionEnv(ENV));
            assertThat(second.expect("GET", "/api/settings", second.superuserToken(), null, 200)).contains("\"appName\":\"Encrypted\"");
            assertThat(second.app.settings().getJsonObject("smtp").getString("password")).isEqualTo("smtp-secret");
            second.stop();

            // without the key the encrypted row cannot be read, as in PocketBase
            PocketBase keyless = PocketBase.create(cfg -> cfg.dataDir(dir));
            assertThatThrownBy(keyless::bootstrap).hasMessageContaining("missing encryption key");
            keyless.close();
        } finally {
            deleteDir(dir);
        }
    }

    @Test
    void aRowPocketBaseEncryptedOpens() throws Exception {
        Path dir = TestServer.newTempDir();
        try {
            TestServer plain = TestServer.on(dir, cfg -> { });
            String value = encrypt("{\"meta\":{\"appName\":\"From PocketBase\",\"appURL\":\"https://pb.example.com\"}}");
            plain.app.store().write(s -> s.execute("UPDATE _params SET value = ? WHERE id = 'settings'", List.of(value)));
            plain.stop();
            TestServer server = TestServer.on(dir, cfg -> cfg.encryptionEnv(ENV));
            String body = server.expect("GET", "/api/settings", server.superuserToken(), null, 200);
            assertThat(body).contains("\"appName\":\"From PocketBase\"", "\"appURL\":\"https://pb.example.com\"",
                    "\"senderName\":\"Support\"");
            server.stop();
        } finally {
            deleteDir(dir);
        }
    }

    @Test
    void aPlainRowIsReadAndWrittenBackEncrypted() throws Exception {
        try (TestServer fixture = TestServer.onFixture()) {
            Path dir = fixture.dir;
            String appName = fixture.app.settings().getJsonObject("meta").getString("appName");
            assertThat(row(fixture)).isInstanceOf(byte[].class);
            fixture.stop();
            TestServer encrypted = TestServer.on(dir, cfg -> cfg.encryptionEnv(ENV));
            assertThat(encrypted.app.settings().getJsonObject("meta").getString("appName")).isEqualTo(appName);
            assertThat(decrypt((String) row(encrypted))).contains("\"appName\":\"" + appName + "\"");
            encrypted.stop();
        }
    }
}
