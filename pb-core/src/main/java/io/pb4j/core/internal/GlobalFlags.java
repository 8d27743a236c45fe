package io.pb4j.core.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * PocketBase's eager read of the flags that configure the app ({@code pocketbase.New()} reads {@code --dir},
 * {@code --dev}, {@code --encryptionEnv} and {@code --queryTimeout} from the command line before the app exists).
 * Lenient: a malformed value is skipped here and reported by the command line parser.
 */
public final class GlobalFlags {
    private GlobalFlags() {
    }

    /** Calls the setter of each app flag found in {@code args}. */
    public static void apply(List<String> args, Consumer<Path> dir, Consumer<Boolean> dev, Consumer<String> encryptionEnv,
                             Consumer<Duration> queryTimeout) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                return;
            }
            if (!arg.startsWith("--")) {
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            String inline = eq < 0 ? null : arg.substring(eq + 1);
            if (name.equals("dev")) {
                if (inline == null) {
                    dev.accept(true);
                } else {
                    switch (inline.toLowerCase(Locale.ROOT)) {
                        case "true", "t", "1" -> dev.accept(true);
                        case "false", "f", "0" -> dev.accept(false);
                        default -> { }
                    }
                }
                continue;
            }
            if (!List.of("dir", "encryptionEnv", "queryTimeout", "http", "origins", "migrationsDir").contains(name)) {
                continue;
            }
            String value = inline;
            if (value == null) {
                if (i + 1 >= args.size()) {
                    return;
                }
                value = args.get(++i);
            }
            switch (name) {
                case "dir" -> {
                    if (!value.isBlank()) {
                        dir.accept(Path.of(value));
                    }
                }
                case "encryptionEnv" -> encryptionEnv.accept(value);
                case "queryTimeout" -> {
                    try {
                        int seconds = Integer.parseInt(value);
                        queryTimeout.accept(seconds <= 0 ? io.pb4j.core.Config.DEFAULT_QUERY_TIMEOUT : Duration.ofSeconds(seconds));
                    } catch (NumberFormatException e) {
                        // the command line parser reports it
                    }
                }
                default -> { }
            }
        }
    }
}
