package io.pb4j.core.internal;

import io.pb4j.core.FileStorage;
import io.pb4j.core.spi.SqlSession;
import io.pb4j.core.spi.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The app's store with work that must follow the outermost write's outcome, the app's one after-commit path: files
 * stored for a save are removed again when the transaction rolls back, the files a save or delete dropped are removed
 * once it commits (as PocketBase's file field does around its record writes), and the after-success record hooks fire
 * once it commits. Effects run on the writing thread after the transaction ended (the write lock released, so an
 * effect may write again in a transaction of its own), in registration order; a failing effect is logged and does
 * not change the outcome.
 */
public final class TransactionEffects implements Store {
    private static final System.Logger LOG = System.getLogger(TransactionEffects.class.getName());
    private static final ThreadLocal<Pending> CURRENT = new ThreadLocal<>();

    private final Store delegate;
    private final Supplier<Optional<FileStorage>> files;

    public TransactionEffects(Store delegate, Supplier<Optional<FileStorage>> files) {
        this.delegate = delegate;
        this.files = files;
    }

    private static final class Pending {
        final Supplier<Optional<FileStorage>> files;
        final List<Runnable> onCommit = new ArrayList<>();
        final List<java.util.function.Consumer<RuntimeException>> onRollback = new ArrayList<>();

        Pending(Supplier<Optional<FileStorage>> files) {
            this.files = files;
        }
    }

    /** The file storage of the app whose write runs on this thread, if the app has one. */
    public static Optional<FileStorage> files() {
        Pending p = CURRENT.get();
        return p == null ? Optional.empty() : p.files.get();
    }

    /** Runs {@code effect} after the current write commits (at once outside a write). */
    public static void afterCommit(Runnable effect) {
        Pending p = CURRENT.get();
        if (p == null) {
            run(effect);
        } else {
            p.onCommit.add(effect);
        }
    }

    /** Runs {@code effect} if the current write rolls back (never outside a write). */
    public static void afterRollback(Runnable effect) {
        afterRollback(failure -> effect.run());
    }

    /** Runs {@code effect} with the failure if the current write rolls back (never outside a write). */
    public static void afterRollback(java.util.function.Consumer<RuntimeException> effect) {
        Pending p = CURRENT.get();
        if (p != null) {
            p.onRollback.add(effect);
        }
    }

    /** Runs {@code effect} once the current write ends, committed or rolled back (at once outside a write). */
    public static void afterEnd(Runnable effect) {
        Pending p = CURRENT.get();
        if (p == null) {
            run(effect);
        } else {
            p.onCommit.add(effect);
            p.onRollback.add(failure -> effect.run());
        }
    }

    @Override
    public <T> T write(Function<SqlSession, T> work) {
        if (CURRENT.get() != null) {
            return delegate.write(work);
        }
        Pending pending = new Pending(files);
        CURRENT.set(pending);
        T result;
        try {
            result = delegate.write(work);
        } catch (RuntimeException | Error e) {
            CURRENT.remove();
            RuntimeException failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
            pending.onRollback.reversed().forEach(effect -> run(() -> effect.accept(failure)));
            throw e;
        }
        CURRENT.remove();
        pending.onCommit.forEach(TransactionEffects::run);
        return result;
    }

    private static void run(Runnable effect) {
        try {
            effect.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "an effect after a transaction failed", e);
        }
    }

    @Override
    public io.pb4j.core.spi.SqlDialect dialect() {
        return delegate.dialect();
    }

    @Override
    public <T> T read(Function<SqlSession, T> work) {
        return delegate.read(work);
    }

    @Override
    public <T> T writeAuxiliary(Function<SqlSession, T> work) {
        return delegate.writeAuxiliary(work);
    }

    @Override
    public <T> T readAuxiliary(Function<SqlSession, T> work) {
        return delegate.readAuxiliary(work);
    }

    @Override
    public void vacuumAuxiliary() {
        delegate.vacuumAuxiliary();
    }

    @Override
    public void snapshot(java.nio.file.Path dir) {
        delegate.snapshot(dir);
    }

    @Override
    public void optimize() {
        delegate.optimize();
    }

    @Override
    public Optional<io.pb4j.core.spi.ClusterBus> cluster() {
        return delegate.cluster();
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        return delegate.unwrap(type);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
