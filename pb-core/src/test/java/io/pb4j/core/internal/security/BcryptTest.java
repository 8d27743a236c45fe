package io.pb4j.core.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BcryptTest {

    @Test
    void initialTablesAreTheHexDigitsOfPi() {
        int[] p = BlowfishTables.initialP();
        int[] s = BlowfishTables.initialS();
        assertThat(p[0]).isEqualTo(0x243F6A88);
        assertThat(p[1]).isEqualTo(0x85A308D3);
        assertThat(p[17]).isEqualTo(0x8979FB1B);
        assertThat(s[0]).isEqualTo(0xD1310BA6);
        assertThat(s[256]).isEqualTo(0x4B7A70E9); // S1[0]
        assertThat(s[512]).isEqualTo(0xE93D5A68); // S2[0]
        assertThat(s[768]).isEqualTo(0x3A39CE37); // S3[0]
        assertThat(s[1023]).isEqualTo(0x3AC372E6); // S3[255]
    }

    @Test
    void recomputingTheTablesGivesTheWordsInUse() {
        long start = System.nanoTime();
        int[] words = BlowfishTables.piFractionWords(BlowfishTables.P_WORDS + BlowfishTables.S_WORDS);
        System.out.printf("pi tables recomputed in %.1f ms (JIT partly warm)%n", (System.nanoTime() - start) / 1e6);
        assertThat(Arrays.copyOfRange(words, 0, BlowfishTables.P_WORDS)).isEqualTo(BlowfishTables.initialP());
        assertThat(Arrays.copyOfRange(words, BlowfishTables.P_WORDS, words.length)).isEqualTo(BlowfishTables.initialS());
    }

    /** Public vectors from the jBCrypt suite (cross-checked there against OpenBSD) and from Openwall's crypt_blowfish. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "''|$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.",
        "''|$2a$08$HqWuK6/Ng6sg9gQzbLrgb.Tl.ZHfXLhvt/SgVyWhQqgqcZ7ZuUtye",
        "''|$2a$10$k1wbIrmNyFAPwPVPSVa/zecw2BCEnBwVS2GbrmgzxFUOqW9dk4TCW",
        "a|$2a$06$m0CrhHm10qJ3lXRY.5zDGO3rS2KdeeWLuGmsfGlMfOxih58VYVfxe",
        "a|$2a$08$cfcvVd2aQ8CMvoMpP2EBfeodLEkkFJ9umNEfPD18.hUF62qqlC/V.",
        "abc|$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i",
        "abcdefghijklmnopqrstuvwxyz|$2a$06$.rCVZVOThsIa97pEDOxvGuRRgzG64bvtJ0938xuqzv18d3ZpQhstC",
        "~!@#$%^&*()      ~!@#$%^&*()PNBFRD|$2a$06$fPIsBO8qRqkjj273rfaOI.HtSV9jLDpTbZn782DC6/t7qT67P6FfO",
        "U*U|$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
    })
    void knownVectorsReproduceAndVerify(String password, String expected) {
        assertThat(Bcrypt.verify(password, expected)).isTrue();
        assertThat(Bcrypt.verify(password + "x", expected)).isFalse();
        byte[] salt = BcryptBase64.decode(expected, 7, 22, 16);
        int cost = Integer.parseInt(expected.substring(4, 6));
        assertThat(Bcrypt.hash(password, cost, salt)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "$2a$13$6PP1fpShEsQHpZElw4.BN.vMl/2CMIKc2kpumJM//T4qV4RGUgb6i",
        "$2a$10$0CUWH81tPWUhxKqksZnO/eDfJiWTTG/xg7v5Yg8RhcLIGWY3oeCHe",
    })
    void hashesMadeByPocketBaseVerify(String pocketBaseHash) {
        assertThat(Bcrypt.verify("1234567890", pocketBaseHash)).isTrue();
        assertThat(Bcrypt.verify("123456789", pocketBaseHash)).isFalse();
    }

    @Test
    void the2bAnd2yPrefixesAreTheSameAlgorithm() {
        String a = "$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i";
        assertThat(Bcrypt.verify("abc", "$2b$" + a.substring(4))).isTrue();
        assertThat(Bcrypt.verify("abc", "$2y$" + a.substring(4))).isTrue();
        assertThat(Bcrypt.verify("abc", "$2x$" + a.substring(4))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 10})
    void hashRoundTrips(int cost) {
        long start = System.nanoTime();
        String hash = Bcrypt.hash("pässwörd 🔑", cost);
        System.out.printf("bcrypt cost %d: %.1f ms%n", cost, (System.nanoTime() - start) / 1e6);
        assertThat(hash).matches("\\$2a\\$%02d\\$[./A-Za-z0-9]{53}".formatted(cost));
        assertThat(Bcrypt.verify("pässwörd 🔑", hash)).isTrue();
        assertThat(Bcrypt.verify("passwörd 🔑", hash)).isFalse();
        assertThat(Bcrypt.hash("pässwörd 🔑", cost)).isNotEqualTo(hash); // fresh salt each time
    }

    @Test
    void hashingRefusesWhatBcryptWouldCutAsGoDoes() {
        assertThat(Bcrypt.hash("é".repeat(36), 4)).startsWith("$2a$04$"); // 72 bytes
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Bcrypt.hash("é".repeat(36) + "x", 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("72 bytes");
    }

    @Test
    void onlyTheFirst72BytesOfThePasswordCount() {
        byte[] salt = HexFormat.of().parseHex("144b3d691a7b4ecf39cf735c7fa7a79c");
        String seventyTwo = "x".repeat(72);
        assertThat(Bcrypt.hash(seventyTwo + "tail", 4, salt)).isEqualTo(Bcrypt.hash(seventyTwo, 4, salt));
        assertThat(Bcrypt.hash("x".repeat(71), 4, salt)).isNotEqualTo(Bcrypt.hash(seventyTwo, 4, salt));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "1234567890",
        "$2a$10$0CUWH81tPWUhxKqksZnO/eDfJiWTTG/xg7v5Yg8RhcLIGWY3oeCHe!", // one char too long
        "$2a$10$0CUWH81tPWUhxKqksZnO/eDfJiWTTG/xg7v5Yg8RhcLIGWY3oeCH",   // one char short
        "$2c$10$0CUWH81tPWUhxKqksZnO/eDfJiWTTG/xg7v5Yg8RhcLIGWY3oeCHe",  // unknown minor version
        "$3a$10$0CUWH81tPWUhxKqksZnO/eDfJiWTTG/xg7v5Yg8RhcLIGWY3oeCHe",
        "$2a$03$0CUWH81tPWUhxKqksZnO/eDfJiWTTG/xg7v5Yg8RhcLIGWY3oeCHe",  // cost too low
        "$2a$32$0CUWH81tPWUhxKqksZnO/eDfJiWTTG/xg7v5Yg8RhcLIGWY3oeCHe",  // cost too high
        "$2a$1x$0CUWH81tPWUhxKqksZnO/eDfJiWTTG/xg7v5Yg8RhcLIGWY3oeCHe",
        "$2a$10+0CUWH81tPWUhxKqksZnO/eDfJiWTTG/xg7v5Yg8RhcLIGWY3oeCHe",
        "$2a$10$0CUWH81tPWUhxKqksZnO+eDfJiWTTG/xg7v5Yg8RhcLIGWY3oeCHe",  // '+' is not in bcrypt's alphabet
        "$2a$10$0CUWH81tPWUhxKqksZnO/eDfJiWTTG/xg7v5Yg8RhcLIGWY3oeCHé",
    })
    void malformedHashesDoNotVerify(String hash) {
        assertThat(Bcrypt.verify("1234567890", hash)).isFalse();
    }

    @Test
    void nullInputsDoNotVerify() {
        assertThat(Bcrypt.verify(null, "$2a$10$0CUWH81tPWUhxKqksZnO/eDfJiWTTG/xg7v5Yg8RhcLIGWY3oeCHe")).isFalse();
        assertThat(Bcrypt.verify("1234567890", null)).isFalse();
    }

    @Test
    void hashRejectsCostOutsideFourToThirtyOne() {
        assertThatThrownBy(() -> Bcrypt.hash("x", 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bcrypt.hash("x", 32)).isInstanceOf(IllegalArgumentException.class);
    }
}
