package io.pb4j.files.internal;

import io.pb4j.core.FileStorage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Makes thumbs on first request and keeps them beside the original (PocketBase's layout). Concurrent requests for
 * the same thumb wait for one generation; at most {@code CPUs + 2} generations run at once and a request waits at
 * most 60 s for its turn (PocketBase's {@code PB_THUMBS_MAX_WORKERS} and {@code PB_THUMBS_MAX_WAIT} defaults, read
 * from the same environment variables). Without {@code java.desktop} in the runtime no thumb can be made: every
 * request is told so and is served the original. Thread-safe.
 */
final class Thumbs {
    /** Whether ImageIO is there: {@code requires static} leaves {@code java.desktop} out of a runtime that lacks it. */
    static final boolean AVAILABLE = Thumbs.class.getModule().getLayer() == null
            ? ModuleLayer.boot().findModule("java.desktop").isPresent()
            : Thumbs.class.getModule().getLayer().findModule("java.desktop").isPresent();
    static final String UNAVAILABLE = "thumbs are not available: this runtime has no java.desktop module (ImageIO)";
    private static final java.util.concurrent.atomic.AtomicBoolean REFUSED = new java.util.concurrent.atomic.AtomicBoolean();

    private final Map<String, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();
    private final Semaphore workers;
    private final long maxWaitSeconds;

    Thumbs() {
        this.workers = new Semaphore(positive(System.getenv("PB_THUMBS_MAX_WORKERS"), Runtime.getRuntime().availableProcessors() + 2));
        this.maxWaitSeconds = positive(System.getenv("PB_THUMBS_MAX_WAIT"), 60);
    }

    private static int positive(String env, int fallback) {
        try {
            int v = env == null ? 0 : Integer.parseInt(env.trim());
            return v > 0 ? v : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** True the first time only: whether this is the first thumb refused for want of {@code java.desktop}. */
    static boolean firstRefusal() {
        return REFUSED.compareAndSet(false, true);
    }

    /** Makes the thumb at {@code thumbKey} unless it exists; throws with the reason when it cannot be made. */
    void ensure(FileStorage storage, String originalKey, String contentType, String thumbKey, String size) {
        if (storage.attributes(thumbKey).isPresent()) {
            return;
        }
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> running = pending.putIfAbsent(thumbKey, mine);
        if (running != null) {
            join(running);
            return;
        }
        try {
            if (storage.attributes(thumbKey).isEmpty()) {
                create(storage, originalKey, contentType, thumbKey, size);
            }
            mine.complete(null);
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            pending.remove(thumbKey, mine);
        }
    }

    private static void join(CompletableFuture<Void> running) {
        try {
            running.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private void create(FileStorage storage, String originalKey, String contentType, String thumbKey, String size) {
        if (!AVAILABLE) {
            throw new IllegalStateException(UNAVAILABLE);
        }
        try {
            if (!workers.tryAcquire(maxWaitSeconds, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out waiting for a thumb worker");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a thumb worker");
        }
        try (InputStream in = storage.open(originalKey).orElseThrow(() -> new IllegalStateException("the original is missing"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ThumbImages.write(in, contentType, size, out);
            storage.upload(thumbKey, out.toByteArray(), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workers.release();
        }
    }
}
