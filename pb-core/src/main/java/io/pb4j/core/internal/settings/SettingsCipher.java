package io.pb4j.core.internal.settings;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * PocketBase's {@code security.Encrypt}/{@code Decrypt} ({@code tools/security/encrypt.go}): AES-GCM with the key's
 * UTF-8 bytes as the AES key (32 bytes for AES-256; Go also takes 16 or 24), a random 12-byte nonce, and as text the
 * standard base64 of {@code nonce || ciphertext || 16-byte tag}. Thread-safe.
 */
public final class SettingsCipher {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private SettingsCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** A cipher for {@code key}, or empty when the key is empty. */
    public static Optional<SettingsCipher> of(String key) {
        if (key.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            // Go's aes.NewCipher error, raised by PocketBase when the settings are saved or read
            throw new IllegalArgumentException("crypto/aes: invalid key size " + bytes.length);
        }
        return Optional.of(new SettingsCipher(bytes));
    }

    public String encrypt(byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = gcm.doFinal(plain);
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("settings encryption failed", e);
        }
    }

    /** The plain bytes; an {@link IllegalArgumentException} when the text is not base64 or fails authentication. */
    public byte[] decrypt(String text) {
        byte[] all;
        try {
            all = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the settings value is neither JSON nor base64 text", e);
        }
        if (all.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("the encrypted settings value is too short");
        }
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return gcm.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cipher: message authentication failed", e);
        }
    }
}
