package io.pb4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image's launcher: its JVM defaults for a small server, and PB4J_JAVA_OPTS on top of them. */
class LauncherOptionsIT {
    private static final String LAUNCHER = CliRunner.IMAGE.resolve("bin/pb4j").toString();

    @TempDir
    Path tmp;

    /** {@code pb4j --version} with PB4J_JAVA_OPTS set (null: unset); stdout and stderr together. */
    private String version(String options) throws Exception {
        ProcessBuilder b = new ProcessBuilder(LAUNCHER, "--version").directory(tmp.toFile()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("out").toFile());
        b.environment().remove("PB4J_JAVA_OPTS");
        b.environment().remove("JAVA_TOOL_OPTIONS");
        if (options != null) {
            b.environment().put("PB4J_JAVA_OPTS", options);
        }
        Process p = b.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(tmp.resolve("out"));
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void defaultsAreTheSerialCollectorAndAHeapOf96To128Megabytes() throws Exception {
        String out = version("-XX:+PrintCommandLineFlags");
        assertThat(out).contains("-XX:+UseSerialGC", "-XX:InitialHeapSize=100663296", "-XX:MaxHeapSize=134217728",
                "-XX:MaxHeapFreeRatio=40", "-XX:MinHeapFreeRatio=15");
        assertThat(out).contains("pb4j version ");
        if (Runtime.version().feature() >= 22) {
            // the image's runtime is the JDK that built it, which runs this test
            assertThat(out).contains("-XX:TrimNativeHeapInterval=5000");
        }
    }

    @Test
    void pb4jJavaOptsReachTheJvmAndWinOverTheDefaults() throws Exception {
        String out = version("-Xmx64m -XX:+UseParallelGC -XX:+PrintCommandLineFlags -Dpb4j.unused=1");
        assertThat(out).contains("-XX:MaxHeapSize=67108864", "-XX:+UseParallelGC").doesNotContain("UseSerialGC");
        assertThat(out).contains("pb4j version ");
    }

    @Test
    void aMaximumHeapAloneKeepsTheSmallInitialHeap() throws Exception {
        // without an -Xms the JVM would start at 1/64 of the machine's memory and never shrink below it
        assertThat(version("-Xmx400m -Xmn64m -XX:+PrintCommandLineFlags"))
                .contains("-XX:InitialHeapSize=100663296", "-XX:MaxHeapSize=419430400");
        assertThat(version("-Xmx1g -XX:+PrintCommandLineFlags")).contains("-XX:InitialHeapSize=100663296");
        // an -Xms of the user's own wins, and a maximum below our start leaves the start to the JVM
        assertThat(version("-Xms200m -Xmx400m -XX:+PrintCommandLineFlags")).contains("-XX:InitialHeapSize=209715200");
        assertThat(version("-Xmx48m -XX:+PrintCommandLineFlags")).contains("-XX:MaxHeapSize=50331648")
                .doesNotContain("-XX:InitialHeapSize=100663296");
    }

    @Test
    void theAotCacheIsMappedWhenTheImageHasOne() throws Exception {
        Path cache = CliRunner.IMAGE.resolve("lib/pb4j.aot");
        String release = Files.readString(CliRunner.IMAGE.resolve("release"));
        if (!release.matches("(?s).*JAVA_VERSION=\"(2[5-9]|[3-9][0-9]).*")) {
            assertThat(cache).as("no AOT cache below JDK 25").doesNotExist();
            return;
        }
        assertThat(cache).exists();
        // the launcher silences the cache's logging; a later -Xlog turns it back on
        assertThat(version("-Xlog:aot=info")).contains("Opened AOT cache");
    }
}
