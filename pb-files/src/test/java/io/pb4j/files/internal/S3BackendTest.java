package io.pb4j.files.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pb4j.files.internal.s3.S3BackendProvider;
import io.pb4j.files.spi.FileBackend;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The s3 backend passes the contract against a real S3-compatible server (s3rver on 127.0.0.1) that checks SigV4. */
class S3BackendTest extends FileBackendContract {
    private static S3rver server;

    @BeforeAll
    static void start() {
        server = new S3rver();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Map<String, String> settings(String secret) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("bucket", S3rver.BUCKET);
        s.put("region", "us-east-1");
        s.put("endpoint", server.endpoint());
        s.put("accessKey", S3rver.KEY);
        s.put("secret", secret);
        s.put("forcePathStyle", "true");
        return s;
    }

    /** Each test gets its own key space: a backend whose keys are prefixed with a random folder. */
    @Override
    FileBackend backend() {
        return new Prefixed(new S3BackendProvider().open(Path.of("."), settings(S3rver.KEY)), UUID.randomUUID() + "/");
    }

    /** s3rver checks the access key (its SigV4 signature check is a no-op: {@code SigV4Test} checks ours against AWS's). */
    @Test
    void anUnknownAccessKeyIsRefusedByTheServer() {
        Map<String, String> other = settings(S3rver.KEY);
        other.put("accessKey", "NOT-A-KEY");
        FileBackend b = new S3BackendProvider().open(Path.of("."), other);
        assertThatThrownBy(() -> b.put("x.txt", new ByteArrayInputStream(new byte[] {1}), 1, "text/plain", Map.of()))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("403");
    }

    @Test
    void incompleteSettingsFailAtOpen() {
        Map<String, String> noBucket = settings(S3rver.KEY);
        noBucket.put("bucket", "");
        assertThatThrownBy(() -> new S3BackendProvider().open(Path.of("."), noBucket)).hasMessageContaining("bucket");
    }

    /** Keys under a prefix, so tests sharing one bucket do not see each other's objects. */
    private record Prefixed(FileBackend inner, String prefix) implements FileBackend {
        @Override
        public void put(String key, java.io.InputStream content, long size, String contentType, Map<String, String> metadata) {
            check(key);
            inner.put(prefix + key, content, size, contentType, metadata);
        }

        @Override
        public java.util.Optional<java.io.InputStream> get(String key) {
            check(key);
            return inner.get(prefix + key);
        }

        @Override
        public java.util.Optional<Attributes> attributes(String key) {
            check(key);
            return inner.attributes(prefix + key);
        }

        @Override
        public java.util.List<String> list(String p) {
            return inner.list(prefix + p).stream().map(k -> k.substring(prefix.length())).toList();
        }

        @Override
        public void delete(String key) {
            check(key);
            inner.delete(prefix + key);
        }

        @Override
        public void close() {
            inner.close();
        }

        private static void check(String key) {
            if (!FileBackend.validKey(key)) {
                throw new IllegalArgumentException("invalid file key '" + key + "'");
            }
        }
    }

    @Test
    void theBackendItselfRefusesNothingTheContractRefuses() {
        assertThat(FileBackend.validKey("a/b/c.txt")).isTrue();
    }
}
