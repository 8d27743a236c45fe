package io.pb4j.core.spi;

import io.pb4j.core.Collection;
import java.util.Map;

/**
 * A validation a feature module adds to every collection save, found with {@link java.util.ServiceLoader} (e.g.
 * pb-auth checks that {@code oauth2.providers} names providers it knows, which pb-core cannot see). Its errors join
 * the core's in the same 400 answer; on a key both report, the core's error wins. Implementations are stateless and
 * thread-safe.
 */
public interface CollectionCheck {

    /**
     * Errors keyed by collection property, as {@link io.pb4j.core.ValidationError}s or nested maps of them; empty
     * when the collection passes.
     */
    Map<String, Object> errors(Collection collection);
}
