package io.pb4j.core.internal.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The cipher against an independent AES-GCM with PocketBase's layout (base64 of nonce || ciphertext || tag). */
class SettingsCipherTest {
    private static final String KEY = "0123456789abcdefghijklmnopqrstuv";

    /** What Go's {@code security.Encrypt} writes, with a fixed nonce. */
    private static String goEncrypt(byte[] plain, String key, byte[] nonce) throws Exception {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "AES"), new GCMParameterSpec(128, nonce));
        byte[] sealed = c.doFinal(plain);
        byte[] out = new byte[nonce.length + sealed.length];
        System.arraycopy(nonce, 0, out, 0, nonce.length);
        System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
        return Base64.getEncoder().encodeToString(out);
    }

    private static byte[] goDecrypt(String text, String key) throws Exception {
        byte[] all = Base64.getDecoder().decode(text);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "AES"), new GCMParameterSpec(128, all, 0, 12));
        return c.doFinal(all, 12, all.length - 12);
    }

    @Test
    void decryptsWhatPocketBaseLayoutProduces() throws Exception {
        byte[] nonce = "abcdefghijkl".getBytes(StandardCharsets.US_ASCII);
        String text = goEncrypt("{\"meta\":{\"appName\":\"x\"}}".getBytes(StandardCharsets.UTF_8), KEY, nonce);
        byte[] plain = SettingsCipher.of(KEY).orElseThrow().decrypt(text);
        assertThat(new String(plain, StandardCharsets.UTF_8)).isEqualTo("{\"meta\":{\"appName\":\"x\"}}");
    }

    @Test
    void encryptsWithAFreshTwelveByteNonceInPocketBaseLayout() throws Exception {
        SettingsCipher cipher = SettingsCipher.of(KEY).orElseThrow();
        String a = cipher.encrypt("hello".getBytes(StandardCharsets.UTF_8));
        String b = cipher.encrypt("hello".getBytes(StandardCharsets.UTF_8));
        assertThat(a).isNotEqualTo(b);
        assertThat(Base64.getDecoder().decode(a)).hasSize(12 + 5 + 16);
        assertThat(new String(goDecrypt(a, KEY), StandardCharsets.UTF_8)).isEqualTo("hello");
    }

    @Test
    void aWrongKeyOrTamperedTextFailsAuthentication() throws Exception {
        String text = SettingsCipher.of(KEY).orElseThrow().encrypt("hello".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> SettingsCipher.of("vutsrqponmlkjihgfedcba9876543210").orElseThrow().decrypt(text))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("authentication failed");
        byte[] raw = Base64.getDecoder().decode(text);
        raw[raw.length - 1] ^= 1;
        assertThatThrownBy(() -> SettingsCipher.of(KEY).orElseThrow().decrypt(Base64.getEncoder().encodeToString(raw)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyKeyMeansNoEncryptionAndABadLengthIsGosError() {
        assertThat(SettingsCipher.of("")).isEmpty();
        assertThatThrownBy(() -> SettingsCipher.of("short")).hasMessage("crypto/aes: invalid key size 5");
    }
}
