package io.pb4j.core.internal;

import io.pb4j.core.Collection;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Runs the steps of a collection write inside its transaction; the app runs them through its model and collection
 * hooks, whose handlers may replace the collection each step then works on. By default the steps just run.
 */
public interface CollectionWrites {
    /** Runs the steps without hooks: for the system schema and the views re-saved after a change. */
    CollectionWrites NONE = new CollectionWrites() {
    };

    /**
     * Saves {@code c}: {@code validation} (throws when invalid; skipped hooks and all without {@code validate}) then
     * {@code execution}, which writes the collection it is given and returns it as written.
     */
    default Collection save(Collection c, boolean isNew, boolean validate, Consumer<Collection> validation,
                            UnaryOperator<Collection> execution) {
        if (validate) {
            validation.accept(c);
        }
        return execution.apply(c);
    }

    /** Deletes {@code c} with {@code execution}. */
    default void delete(Collection c, Consumer<Collection> execution) {
        execution.accept(c);
    }
}
