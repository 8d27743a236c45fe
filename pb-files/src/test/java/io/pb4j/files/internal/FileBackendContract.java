package io.pb4j.files.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pb4j.files.spi.FileBackend;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The contract every {@link FileBackend} passes: each backend's test extends it and supplies one. */
abstract class FileBackendContract {
    /** A backend over empty storage. */
    abstract FileBackend backend();

    private static void put(FileBackend b, String key, String text, String type, Map<String, String> meta) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        b.put(key, new ByteArrayInputStream(bytes), bytes.length, type, meta);
    }

    private static String read(FileBackend b, String key) throws IOException {
        try (InputStream in = b.get(key).orElseThrow()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void storesReadsAndDescribesObjects() throws Exception {
        FileBackend b = backend();
        Instant before = Instant.now().minus(Duration.ofMinutes(1));
        put(b, "col/rec/hello_abc.txt", "hello", "text/plain; charset=utf-8", Map.of("original-filename", "Hello wörld.txt"));
        assertThat(read(b, "col/rec/hello_abc.txt")).isEqualTo("hello");
        FileBackend.Attributes a = b.attributes("col/rec/hello_abc.txt").orElseThrow();
        assertThat(a.size()).isEqualTo(5);
        assertThat(a.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(a.metadata()).containsEntry("original-filename", "Hello wörld.txt");
        assertThat(a.modified()).isAfter(before);
    }

    @Test
    void missingObjectsAreEmptyAndDeletingThemIsFine() {
        FileBackend b = backend();
        assertThat(b.get("col/rec/none.txt")).isEmpty();
        assertThat(b.attributes("col/rec/none.txt")).isEmpty();
        b.delete("col/rec/none.txt");
        assertThat(b.list("col/")).isEmpty();
    }

    @Test
    void putReplacesAndDeleteRemoves() throws Exception {
        FileBackend b = backend();
        put(b, "c/r/f.txt", "one", "text/plain", Map.of());
        put(b, "c/r/f.txt", "two!", "text/plain", Map.of());
        assertThat(read(b, "c/r/f.txt")).isEqualTo("two!");
        assertThat(b.attributes("c/r/f.txt").orElseThrow().size()).isEqualTo(4);
        b.delete("c/r/f.txt");
        assertThat(b.get("c/r/f.txt")).isEmpty();
    }

    @Test
    void listsKeysByPrefixIncludingThumbs() {
        FileBackend b = backend();
        put(b, "c1/r1/a.png", "a", "image/png", Map.of());
        put(b, "c1/r1/thumbs_a.png/100x100_a.png", "t", "image/png", Map.of());
        put(b, "c1/r2/b.png", "b", "image/png", Map.of());
        put(b, "c2/r1/c.png", "c", "image/png", Map.of());
        assertThat(b.list("c1/r1/")).containsExactlyInAnyOrder("c1/r1/a.png", "c1/r1/thumbs_a.png/100x100_a.png");
        assertThat(b.list("c1/")).hasSize(3);
        assertThat(b.list("c1/r1/thumbs_a.png/")).containsExactly("c1/r1/thumbs_a.png/100x100_a.png");
        assertThat(b.list("c3/")).isEmpty();
    }

    @Test
    void keysWithSpacesAndUnicodeRoundTrip() throws Exception {
        FileBackend b = backend();
        put(b, "c/r/name with space+plus_ü.txt", "x", "text/plain", Map.of());
        assertThat(read(b, "c/r/name with space+plus_ü.txt")).isEqualTo("x");
        assertThat(b.list("c/r/")).containsExactly("c/r/name with space+plus_ü.txt");
    }

    @Test
    void concurrentWritersOfDifferentKeysAllLand() throws Exception {
        FileBackend b = backend();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int n = i;
                all.add(pool.submit(() -> put(b, "p/r/f" + n + ".txt", "v" + n, "text/plain", Map.of())));
            }
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(b.list("p/r/")).hasSize(16);
        assertThat(read(b, "p/r/f7.txt")).isEqualTo("v7");
    }

    @Test
    void invalidKeysAreRefused() {
        FileBackend b = backend();
        assertThat(FileBackend.validKey("../x")).isFalse();
        assertThat(FileBackend.validKey("a//b")).isFalse();
        assertThat(FileBackend.validKey("/a")).isFalse();
        assertThat(FileBackend.validKey("a/./b")).isFalse();
        assertThat(FileBackend.validKey("a\\b")).isFalse();
        assertThat(FileBackend.validKey("col/rec/file.txt")).isTrue();
        assertThatThrownBy(() -> b.get("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
