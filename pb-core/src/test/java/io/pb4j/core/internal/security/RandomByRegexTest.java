package io.pb4j.core.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The generator with its parsed patterns cached and its random bytes drawn a block at a time. */
class RandomByRegexTest {
    @Test
    void everyStringMatchesItsPattern() {
        for (String pattern : List.of("[a-z0-9]{15}", "[a-zA-Z0-9]{50}", "\\d{3}-\\w{2,5}", "(ab|cd|ef)x?", "[\\d_]{0,4}z+")) {
            Pattern regex = Pattern.compile(pattern);
            for (int i = 0; i < 2_000; i++) {
                String s = RandomByRegex.generate(pattern);
                assertThat(regex.matcher(s).matches()).as("%s for %s", s, pattern).isTrue();
            }
        }
    }

    @Test
    void aCachedPatternStillGivesNewStrings() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(RandomByRegex.generate("[a-z0-9]{15}"));
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void eachCharacterOfAClassIsAboutEquallyLikely() {
        int[] counts = new int[36];
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < 4_000; i++) {
            for (char c : RandomByRegex.generate("[a-z0-9]{15}").toCharArray()) {
                counts[alphabet.indexOf(c)]++;
            }
        }
        // 60 000 draws: 1 667 expected per character; a draw biased by the modulo would move some by ~2 %
        for (int n : counts) {
            assertThat(n).isBetween(1_450, 1_900);
        }
    }

    @Test
    void threadsShareTheCacheSafely() throws InterruptedException {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new java.util.ArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 2_000; i++) {
                    ids.add(RandomByRegex.generate("[a-z]{3}[0-9]{12}"));
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(ids).hasSize(16_000).allMatch(s -> s.matches("[a-z]{3}[0-9]{12}"));
    }

    @Test
    void aMalformedPatternFailsEveryTime() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> RandomByRegex.generate("[a-z")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> RandomByRegex.generate("^abc")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
