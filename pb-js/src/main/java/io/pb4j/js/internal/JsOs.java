package io.pb4j.js.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.graalvm.polyglot.Value;

/**
 * The part of Go's {@code os} that PocketBase's {@code $os} offers for files and the environment: {@code getenv},
 * {@code readFile}, {@code writeFile}, {@code readDir}, {@code mkdir}, {@code mkdirAll}, {@code remove},
 * {@code removeAll}, {@code tempDir}, {@code getwd}; and {@code cmd}/{@code exec} to run a program.
 */
public final class JsOs {
    public String getenv(String name) {
        String v = System.getenv(name);
        return v == null ? "" : v;
    }

    public byte[] readFile(String path) throws IOException {
        return Files.readAllBytes(Path.of(path));
    }

    public void writeFile(String path, Value data, long perm) throws IOException {
        Files.write(Path.of(path), Convert.bytes(data));
    }

    public List<Entry> readDir(String path) throws IOException {
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of(path))) {
            s.sorted().forEach(p -> out.add(new Entry(p)));
        }
        return out;
    }

    public void mkdir(String path, long perm) throws IOException {
        Files.createDirectory(Path.of(path));
    }

    public void mkdirAll(String path, long perm) throws IOException {
        Files.createDirectories(Path.of(path));
    }

    public void remove(String path) throws IOException {
        Files.delete(Path.of(path));
    }

    public void removeAll(String path) throws IOException {
        Path root = Path.of(path);
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    public String tempDir() {
        return System.getProperty("java.io.tmpdir");
    }

    /** Go's {@code exec.Command}: a program to run with its arguments (no shell). */
    public JsCommand cmd(String name, String... args) {
        return new JsCommand(name, args);
    }

    /** The deprecated name of {@link #cmd}. */
    public JsCommand exec(String name, String... args) {
        return new JsCommand(name, args);
    }

    public String getwd() {
        return Path.of("").toAbsolutePath().toString();
    }

    /** Go's {@code fs.DirEntry}. */
    public static final class Entry {
        private final Path path;

        Entry(Path path) {
            this.path = path;
        }

        public String name() {
            return path.getFileName().toString();
        }

        public boolean isDir() {
            return Files.isDirectory(path);
        }
    }
}
