package io.pb4j.core.migrate;

import io.pb4j.core.PocketBase;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One application migration: PocketBase's {@code migrations.Register(up, down)} in a file named
 * {@code <unix time>_<name>}. Provide it as a service ({@code provides io.pb4j.core.migrate.Migration with ...} in a
 * module, or {@code META-INF/services/io.pb4j.core.migrate.Migration} on the class path), or register it in code
 * with {@link Migrations#register}.
 *
 * <p>{@link #up} and {@link #down} run on the thread that runs the migrations, inside the run's one transaction:
 * everything they do through {@code app} (saving collections and records, {@code app.importCollections},
 * {@code app.store().write(...)} for raw SQL) joins it, and an exception rolls back the whole run.
 */
public interface Migration {
    /**
     * The name recorded in {@code _migrations.file}, e.g. {@code 1712345678_create_posts.java}; migrations run in the
     * order of these names, and two migrations with the same name are one (the one registered in code wins).
     */
    String file();

    /** Applies the change. */
    void up(PocketBase app);

    /** Reverts the change; by default nothing (PocketBase's {@code nil} down function). */
    default void down(PocketBase app) {
    }

    /** A migration from two functions, for registering in code. */
    static Migration of(String file, Consumer<PocketBase> up, Consumer<PocketBase> down) {
        return new Functions(file, up, down);
    }

    /** The migration {@link #of} makes. */
    record Functions(String file, Consumer<PocketBase> upFunction, Consumer<PocketBase> downFunction)
            implements Migration {
        /** Creates the value from its components. */
        public Functions {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(upFunction, "upFunction");
            Objects.requireNonNull(downFunction, "downFunction");
            if (file.isBlank()) {
                throw new IllegalArgumentException("a migration needs a file name");
            }
        }

        @Override
        public void up(PocketBase app) {
            upFunction.accept(app);
        }

        @Override
        public void down(PocketBase app) {
            downFunction.accept(app);
        }
    }
}
