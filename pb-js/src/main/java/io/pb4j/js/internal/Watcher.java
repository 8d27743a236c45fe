package io.pb4j.js.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * PocketBase's {@code --hooksWatch}: polls the hooks folder (and its subfolders) for a change of a {@code .js} file
 * (added, removed, modified) and calls {@code onChange} once the folder is quiet again. Polling (every 250 ms) is
 * a few {@code stat} calls, and works on every file system, mounted folders included.
 */
final class Watcher {
    private static final long PERIOD_MS = 250;

    private final Path dir;
    private final Runnable onChange;
    private volatile boolean running = true;
    private Thread thread;

    Watcher(Path dir, Runnable onChange) {
        this.dir = dir;
        this.onChange = onChange;
    }

    void start() {
        thread = Thread.ofPlatform().daemon().name("pb4j-js-watch").start(this::loop);
    }

    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void loop() {
        String seen = fingerprint();
        while (running) {
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException ex) {
                return;
            }
            String now = fingerprint();
            if (!now.equals(seen)) {
                // wait for the editor to finish writing
                try {
                    Thread.sleep(PERIOD_MS);
                } catch (InterruptedException ex) {
                    return;
                }
                seen = fingerprint();
                try {
                    onChange.run();
                } catch (RuntimeException ex) {
                    System.getLogger(Watcher.class.getName()).log(System.Logger.Level.ERROR, "JS hooks reload failed", ex);
                }
            }
        }
    }

    private String fingerprint() {
        if (!Files.isDirectory(dir)) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".js")).sorted().forEach(p -> {
                try {
                    b.append(p).append('|').append(Files.getLastModifiedTime(p).toMillis()).append('|').append(Files.size(p)).append('\n');
                } catch (IOException ex) {
                    b.append(p).append("|gone\n");
                }
            });
        } catch (IOException | java.io.UncheckedIOException ex) {
            return "error";
        }
        return b.toString();
    }
}
