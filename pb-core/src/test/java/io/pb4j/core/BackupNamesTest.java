package io.pb4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Backup names use PocketBase's {@code inflector.Snakecase} of the app name; its test cases, ported. */
class BackupNamesTest {
    @ParameterizedTest
    @CsvSource(value = {
            "''|''", "'  '|''", "!@#$%^|''", "...|''", "_|''",
            "John Doe|john_doe", "John_Doe|john_doe", "'.a!b@c#d$e%123. '|a_b_c_d_e_123", "HelloWorld|hello_world",
            "HelloWorld1HelloWorld2|hello_world1_hello_world2", "TEST|test", "testABR|test_abr"}, delimiter = '|')
    void snakecaseAsPocketBase(String value, String expected) {
        assertThat(Inflector.snakecase(value)).isEqualTo(expected);
    }
}
