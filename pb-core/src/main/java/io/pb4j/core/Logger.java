package io.pb4j.core;

import io.pb4j.core.internal.logs.LogWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The app logger, PocketBase's {@code app.Logger()} (Go's {@code slog} over its batch handler): each entry has a level,
 * a message and key-value attributes, and is stored in {@code auxiliary.db}'s {@code _logs} (when
 * {@code logs.maxDays > 0} and the level is at least {@code logs.minLevel}) by a background writer, so logging never
 * waits for the database. In dev mode every entry is also printed to the console.
 *
 * <pre>{@code
 * app.logger().info("order paid", "orderId", order.id(), "total", 42.5);
 * }</pre>
 *
 * Attributes come in pairs, key then value, as with {@code slog}: a key that is no string (or lacks its value) is
 * kept under {@code !BADKEY}. Values may be strings, numbers, booleans, maps, collections, JSON-P values or
 * throwables (their message). Before {@link PocketBase#bootstrap()} entries go to {@link System.Logger} only.
 * Thread-safe.
 */
public final class Logger {
    /** slog's debug level. */
    public static final int DEBUG = -4;
    /** slog's info level. */
    public static final int INFO = 0;
    /** slog's warn level. */
    public static final int WARN = 4;
    /** slog's error level. */
    public static final int ERROR = 8;

    private static final System.Logger FALLBACK = System.getLogger("io.pb4j.app");

    private final PocketBase app;

    Logger(PocketBase app) {
        this.app = app;
    }

    /** Logs at {@link #DEBUG} with key/value {@code attributes}. */
    public void debug(String message, Object... attributes) {
        log(DEBUG, message, attributes);
    }

    /** Logs at {@link #INFO} with key/value {@code attributes}. */
    public void info(String message, Object... attributes) {
        log(INFO, message, attributes);
    }

    /** Logs at {@link #WARN} with key/value {@code attributes}. */
    public void warn(String message, Object... attributes) {
        log(WARN, message, attributes);
    }

    /** Logs at {@link #ERROR} with key/value {@code attributes}. */
    public void error(String message, Object... attributes) {
        log(ERROR, message, attributes);
    }

    /** Logs at any slog level ({@link #DEBUG}, {@link #INFO}, {@link #WARN}, {@link #ERROR} or between). */
    public void log(int level, String message, Object... attributes) {
        log(level, message, pairs(attributes));
    }

    /** Logs with the attributes as a map (taken as it is: do not change it afterwards). */
    public void log(int level, String message, Map<String, ?> data) {
        LogWriter writer = app.logWriter();
        @SuppressWarnings("unchecked")
        Map<String, Object> attrs = (Map<String, Object>) data;
        if (writer != null) {
            writer.submit(level, message, attrs);
        } else {
            FALLBACK.log(level >= ERROR ? System.Logger.Level.ERROR : level >= WARN ? System.Logger.Level.WARNING
                    : level >= INFO ? System.Logger.Level.INFO : System.Logger.Level.DEBUG, message + " " + attrs);
        }
    }

    /** Whether an entry at {@code level} would be stored or printed now; lets callers skip building costly data. */
    public boolean enabled(int level) {
        LogWriter writer = app.logWriter();
        return writer == null || writer.enabled(level);
    }

    private static Map<String, Object> pairs(Object[] attributes) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < attributes.length; i++) {
            if (attributes[i] instanceof String key && i + 1 < attributes.length) {
                data.put(key, attributes[++i]);
            } else {
                data.put("!BADKEY", attributes[i]);
            }
        }
        return data;
    }
}
