package io.pb4j.core.spi;

import io.pb4j.core.PocketBase;

/**
 * A module's entry point: binds its hooks and routes to the app. Discovered with {@link java.util.ServiceLoader}
 * unless the app turns discovery off; registered in ascending {@link #order()}, then by name.
 */
public interface Plugin {
    /** The plugin's name, as logged and as {@code Config.plugins} selects it. */
    String name();

    /** Where the plugin runs among the others, lowest first (default 0). */
    default int order() {
        return 0;
    }

    /** Called once, before bootstrap; binds hooks such as {@code app.onServe()}. */
    void register(PocketBase app);
}
