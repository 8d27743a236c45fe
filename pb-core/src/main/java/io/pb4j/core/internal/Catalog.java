package io.pb4j.core.internal;

import io.pb4j.core.Config;
import io.pb4j.core.spi.Plugin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;

/** Loads SPI providers into immutable name → provider maps; unknown or duplicate names fail with the names known. */
public final class Catalog {
    private Catalog() {
    }

    /** All providers of a loader by name; a duplicate name fails. */
    public static <T> Map<String, T> byName(ServiceLoader<T> loader, Function<T, String> name, String what) {
        Map<String, T> out = new TreeMap<>();
        for (T provider : loader) {
            T previous = out.put(name.apply(provider), provider);
            if (previous != null) {
                throw new IllegalStateException("two " + what + " providers are named '" + name.apply(provider) + "': "
                        + previous.getClass().getName() + " and " + provider.getClass().getName());
            }
        }
        return Map.copyOf(out);
    }

    /** The provider with the given name, or a failure listing the available names. */
    public static <T> T named(ServiceLoader<T> loader, Function<T, String> name, String wanted, String what) {
        Map<String, T> all = byName(loader, name, what);
        T found = all.get(wanted);
        if (found == null) {
            throw new IllegalStateException("no " + what + " provider named '" + wanted + "'; available: " + all.keySet());
        }
        return found;
    }

    /** The first provider found, or a failure naming what to add. */
    public static <T> T first(ServiceLoader<T> loader, String what) {
        return loader.findFirst().orElseThrow(() -> new IllegalStateException("no " + what + " is available"));
    }

    /** Plugins to register: discovered ones (unless turned off) with explicit ones winning by name, ordered. */
    public static List<Plugin> plugins(Config config) {
        Map<String, Plugin> byName = new LinkedHashMap<>();
        if (config.discoverPlugins()) {
            byName.putAll(byName(ServiceLoader.load(Plugin.class), Plugin::name, "plugin"));
        }
        for (Plugin p : config.plugins()) {
            byName.put(p.name(), p);
        }
        List<Plugin> out = new ArrayList<>(byName.values());
        out.sort(Comparator.comparingInt(Plugin::order).thenComparing(Plugin::name));
        return List.copyOf(out);
    }
}
