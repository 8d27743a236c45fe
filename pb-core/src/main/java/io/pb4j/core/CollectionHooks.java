package io.pb4j.core;

import io.pb4j.core.internal.CollectionWrites;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** Collection writes through the model chain, so that the model and collection hooks fire for them. */
final class CollectionHooks implements CollectionWrites {
    private final ModelChain chain;

    CollectionHooks(ModelChain chain) {
        this.chain = chain;
    }

    @Override
    public Collection save(Collection c, boolean isNew, boolean validate, Consumer<Collection> validation,
                           UnaryOperator<Collection> execution) {
        Consumer<ModelEvent> validating = validate ? e -> validation.accept((Collection) e.model()) : e -> {
        };
        return (Collection) chain.save(c, isNew, validate, validating,
                e -> e.model(execution.apply((Collection) e.model())));
    }

    @Override
    public void delete(Collection c, Consumer<Collection> execution) {
        chain.delete(c, e -> execution.accept((Collection) e.model()));
    }
}
