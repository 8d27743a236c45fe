package io.pb4j.files.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.files.internal.local.LocalBackendProvider;
import io.pb4j.files.spi.FileBackend;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local backend passes the contract, writes PocketBase's {@code .attrs} side-cars and prunes emptied folders. */
class LocalBackendTest extends FileBackendContract {
    @TempDir
    Path dataDir;

    @Override
    FileBackend backend() {
        return new LocalBackendProvider().open(dataDir, Map.of());
    }

    @Test
    void writesTheBlobDriversSideCarAndPrunesEmptyFolders() throws Exception {
        FileBackend b = backend();
        b.put("c/r/a.txt", new ByteArrayInputStream("hello".getBytes()), 5, "text/plain; charset=utf-8", Map.of("original-filename", "A.txt"));
        Path file = dataDir.resolve("storage/c/r/a.txt");
        assertThat(file).hasContent("hello");
        assertThat(Files.readString(file.resolveSibling("a.txt.attrs"))).isEqualTo(
                "{\"user.cache_control\":\"\",\"user.content_disposition\":\"\",\"user.content_encoding\":\"\",\"user.content_language\":\"\","
                        + "\"user.content_type\":\"text/plain; charset=utf-8\",\"user.metadata\":{\"original-filename\":\"A.txt\"},"
                        + "\"md5\":\"XUFAKrxLKna5cZ2REBfFkg==\"}");
        b.delete("c/r/a.txt");
        assertThat(dataDir.resolve("storage/c")).doesNotExist();
        assertThat(dataDir.resolve("storage")).exists();
    }

    @Test
    void readsPocketBasesOwnStorage() throws Exception {
        Path fixture = fixture();
        FileBackend b = new LocalBackendProvider().open(fixture, Map.of());
        FileBackend.Attributes a = b.attributes("_pb_users_auth_/oap640cot4yru2s/test_kfd2wYLxkz.txt").orElseThrow();
        assertThat(a.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(b.attributes("_pb_users_auth_/4q1xlclmfloku33/300_1SEi6Q6U72.png").orElseThrow().contentType()).isEqualTo("image/png");
        assertThat(b.list("_pb_users_auth_/4q1xlclmfloku33/")).contains("_pb_users_auth_/4q1xlclmfloku33/300_1SEi6Q6U72.png")
                .noneMatch(k -> k.endsWith(".attrs"));
    }

    private static Path fixture() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("fixtures/pocketbase-test-data"))) {
                return d.resolve("fixtures/pocketbase-test-data");
            }
        }
        throw new IllegalStateException("no fixtures/pocketbase-test-data");
    }
}
