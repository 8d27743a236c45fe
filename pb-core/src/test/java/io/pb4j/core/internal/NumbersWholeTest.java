package io.pb4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Numbers#plain}'s shortcut for whole numbers below 2^53 writes what the exact decimal way writes. */
class NumbersWholeTest {
    private static String exact(double d) {
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    @Test
    void wholeNumbersAsTheExactWay() {
        SplittableRandom random = new SplittableRandom(53);
        for (int i = 0; i < 200_000; i++) {
            long bound = 1L << random.nextInt(1, 54);
            double d = (double) random.nextLong(-bound + 1, bound);
            if (d != 0) {
                assertThat(Numbers.plain(d)).isEqualTo(exact(d));
                assertThat(Numbers.json(d)).isEqualTo(exact(d));
            }
        }
        for (double d : new double[] {1, -1, 42, 9007199254740991d, -9007199254740991d, 9007199254740992d, 1e16, 1e20, 0.5, -2.25, 1e-5}) {
            assertThat(Numbers.plain(d)).isEqualTo(exact(d));
        }
        assertThat(Numbers.json(-0.0)).isEqualTo("0");
        assertThat(Numbers.json(1e21)).isEqualTo("1e+21");
    }
}
