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
    void theAotCacheShipsGzippedAndIsMappedOnceTheLauncherUnpackedIt() throws Exception {
        Path packed = CliRunner.IMAGE.resolve("lib/pb4j.aot.gz");
        Path cache = CliRunner.IMAGE.resolve("lib/pb4j.aot");
        String release = Files.readString(CliRunner.IMAGE.resolve("release"));
        if (!release.matches("(?s).*JAVA_VERSION=\"(2[5-9]|[3-9][0-9]).*")) {
            assertThat(packed).as("no AOT cache below JDK 25").doesNotExist();
            assertThat(cache).as("no AOT cache below JDK 25").doesNotExist();
            return;
        }
        assertThat(packed).exists();
        // the launcher silences the cache's logging; a later -Xlog turns it back on. The first start unpacks it
        // (lib/ of the build's image is writable), the next one finds it.
        assertThat(version("-Xlog:aot=info")).contains("Opened AOT cache");
        assertThat(cache).exists();
        assertThat(Files.size(cache)).isGreaterThan(Files.size(packed));
        assertThat(version("-Xlog:aot=info")).contains("Opened AOT cache");
        try (var left = Files.list(cache.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no half-written cache left behind")
                    .noneMatch(n -> n.matches("pb4j\\.aot\\.[0-9]+"));
        }
    }

    /**
     * An install the user cannot write to (here: a copy of the image owned by root, run as {@code nobody}): the
     * launcher unpacks the cache into the user's cache directory instead, and the JVM maps it from there.
     */
    @Test
    void aReadOnlyInstallUnpacksTheCacheIntoTheUsersCacheDirectory() throws Exception {
        Path packed = CliRunner.IMAGE.resolve("lib/pb4j.aot.gz");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(packed), "an image with an AOT cache (JDK 25+)");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/setpriv")),
                "root and setpriv, to run the launcher as another user");
        Path copy = tmp.resolve("image");
        Process cp = new ProcessBuilder("cp", "-a", CliRunner.IMAGE.toString(), copy.toString()).inheritIO().start();
        assertThat(cp.waitFor(60, TimeUnit.SECONDS) && cp.exitValue() == 0).isTrue();
        Files.deleteIfExists(copy.resolve("lib/pb4j.aot"));
        Path home = tmp.resolve("home");
        Files.createDirectories(home);
        // nobody reaches the copy and owns the home
        Process chmod = new ProcessBuilder("sh", "-c", "chmod 755 '" + tmp + "' && chmod -R a+rX '" + copy
                + "' && chown 65534:65534 '" + home + "'").inheritIO().start();
        assertThat(chmod.waitFor(60, TimeUnit.SECONDS) && chmod.exitValue() == 0).isTrue();
        ProcessBuilder b = new ProcessBuilder("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                copy.resolve("bin/pb4j").toString(), "--version").directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("ro.out").toFile());
        b.environment().remove("JAVA_TOOL_OPTIONS");
        b.environment().remove("XDG_CACHE_HOME");
        b.environment().put("HOME", home.toString());
        b.environment().put("PB4J_JAVA_OPTS", "-Xlog:aot=info");
        Process p = b.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(tmp.resolve("ro.out"));
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("Opened AOT cache " + home.resolve(".cache/pb4j/pb4j-"));
        assertThat(copy.resolve("lib/pb4j.aot")).doesNotExist();
    }

    /**
     * The limit for the default image (core, SQLite, HTTP, auth, realtime, files; the mail sender and the
     * dashboard, 0.7 MB together, are in it too), as shipped: without the copy of the AOT cache a first start
     * unpacks. An image with an optional part (thumbs' java.desktop, PostgreSQL, JS hooks) is not the default one.
     */
    @Test
    void theDefaultImageIsAtMost60Megabytes() throws Exception {
        String release = Files.readString(CliRunner.IMAGE.resolve("release"));
        String modules = release.lines().filter(l -> l.startsWith("MODULES=")).findFirst().orElseThrow();
        org.junit.jupiter.api.Assumptions.assumeFalse(
                modules.matches(".*(java\\.desktop|org\\.postgresql|org\\.graalvm|io\\.pb4j\\.js).*"),
                "an image with an optional part");
        Path unpacked = CliRunner.IMAGE.resolve("lib/pb4j.aot");
        long bytes;
        try (var files = Files.walk(CliRunner.IMAGE)) {
            bytes = files.filter(Files::isRegularFile).filter(p -> !p.equals(unpacked)).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sum();
        }
        assertThat(bytes).as("the default image's bytes").isLessThanOrEqualTo(60_000_000L);
    }
}
