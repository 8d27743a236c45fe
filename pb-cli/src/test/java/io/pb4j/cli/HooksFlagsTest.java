package io.pb4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** PocketBase's JS hooks flags are accepted by every command and reach pb-js as system properties. */
class HooksFlagsTest {
    @AfterEach
    void clear() {
        for (String p : List.of("pb4j.hooksDir", "pb4j.hooksWatch", "pb4j.hooksPool", "pb4j.jsMigrationsDir")) {
            System.clearProperty(p);
        }
    }

    @Test
    void flagsBecomeProperties() {
        assertThat(CliArgs.parse(List.of("serve", "--hooksDir", "/srv/hooks", "--hooksWatch=false", "--hooksPool=3",
                "--migrationsDir=/srv/mig"))).isInstanceOf(Invocation.Serve.class);
        assertThat(System.getProperty("pb4j.hooksDir")).isEqualTo("/srv/hooks");
        assertThat(System.getProperty("pb4j.hooksWatch")).isEqualTo("false");
        assertThat(System.getProperty("pb4j.hooksPool")).isEqualTo("3");
        assertThat(System.getProperty("pb4j.jsMigrationsDir")).isEqualTo("/srv/mig");
    }

    @Test
    void badPoolIsAUsageError() {
        assertThatThrownBy(() -> CliArgs.parse(List.of("serve", "--hooksPool=many")))
                .isInstanceOf(UsageException.class)
                .hasMessage("invalid argument \"many\" for \"--hooksPool\" flag: strconv.ParseInt: parsing \"many\": invalid syntax");
        assertThat(Usage.of("serve")).contains("--hooksDir string").contains("--hooksPool int").contains("--hooksWatch");
    }
}
