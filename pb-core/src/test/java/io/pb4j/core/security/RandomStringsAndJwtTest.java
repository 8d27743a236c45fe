package io.pb4j.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The exported security helpers: random strings over their alphabets, PKCE, bcrypt and HS256 tokens. */
class RandomStringsAndJwtTest {
    @Test
    void randomStringsUseOnlyTheirAlphabetAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String s = RandomStrings.alphanumeric(30);
            assertThat(s).hasSize(30).matches("[A-Za-z0-9]+");
            assertThat(seen.add(s)).isTrue();
        }
        assertThat(RandomStrings.fromAlphabet(64, RandomStrings.DIGITS)).matches("[0-9]{64}");
        assertThat(RandomStrings.fromAlphabet(64, RandomStrings.LOWER_ALPHANUMERIC)).matches("[a-z0-9]{64}");
        assertThat(RandomStrings.pseudorandom(20, "ab")).matches("[ab]{20}");
        assertThat(RandomStrings.alphanumeric(0)).isEmpty();
        assertThatThrownBy(() -> RandomStrings.fromAlphabet(3, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void s256ChallengeMatchesPocketBases() {
        // PocketBase's TestS256Challenge
        assertThat(RandomStrings.s256Challenge("")).isEqualTo("47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU");
        assertThat(RandomStrings.s256Challenge("123")).isEqualTo("pmWkWSBCL51Bfkhn79xPuKBKHz__H6B-mY6G9_eieuM");
    }

    @Test
    void passwordsHashAndVerifyWithBcrypt() {
        String hash = Passwords.hash("1234567890", 4);
        assertThat(hash).startsWith("$2a$04$");
        assertThat(Passwords.verify("1234567890", hash)).isTrue();
        assertThat(Passwords.verify("123456789", hash)).isFalse();
        assertThat(Passwords.verify("1234567890", "not a hash")).isFalse();
    }

    @Test
    void aSignedTokenVerifiesWithItsSecretOnlyAndNotAfterItExpires() {
        String token = Jwt.sign(Map.of("orderId", "o1", "n", 3L), "secret-1", Duration.ofMinutes(5));
        assertThat(Jwt.verify(token, "secret-1")).hasValueSatisfying(c -> assertThat(c.getString("orderId")).isEqualTo("o1"));
        assertThat(Jwt.verify(token, "secret-2")).isEmpty();
        assertThat(Jwt.verify(token + "x", "secret-1")).isEmpty();
        assertThat(Jwt.verify("a.b", "secret-1")).isEmpty();
        String expired = Jwt.sign(Map.of("orderId", "o1"), "secret-1", Duration.ofSeconds(-10));
        assertThat(Jwt.verify(expired, "secret-1")).isEmpty();
        assertThat(Jwt.unverifiedClaims(expired)).isPresent();
    }
}
