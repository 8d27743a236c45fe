package io.pb4j.http.internal.logs;

import io.pb4j.core.ApiException;
import io.pb4j.core.Logger;
import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import io.pb4j.core.ValidationError;
import io.pb4j.core.router.Middleware;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.router.RequestLog;
import io.pb4j.http.internal.ratelimit.RateLimits;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * PocketBase's activity logger ({@code pbActivityLogger}): after each request, one {@code _logs} entry through the
 * app logger (INFO, or ERROR when the request failed) with the request's data; nothing when {@code logs.maxDays} is
 * 0, and nothing for a successful request of a route marked {@link RequestLog#skipSuccess()}. An error's detail
 * (hidden from the client's 500 envelope) is kept here. The entry is queued, never written on the request's thread.
 */
public final class ActivityLogger {
    public static final String ID = "pbActivityLogger";

    private ActivityLogger() {
    }

    public static Middleware middleware() {
        return new Middleware(ID, Middleware.PRIORITY_ACTIVITY_LOGGER, ActivityLogger::handle);
    }

    private static void handle(RequestEvent e) {
        long start = System.nanoTime();
        try {
            e.next();
        } catch (RuntimeException | Error t) {
            logQuietly(e, t, start);
            throw t;
        }
        logQuietly(e, null, start);
    }

    private static void logQuietly(RequestEvent e, Throwable error, long start) {
        try {
            log(e, error, start);
        } catch (RuntimeException ex) {
            System.getLogger(ActivityLogger.class.getName()).log(System.Logger.Level.WARNING, "cannot log a request", ex);
        }
    }

    private static void log(RequestEvent e, Throwable error, long start) {
        PocketBase app = e.app();
        int level = error == null ? Logger.INFO : Logger.ERROR;
        if (!app.logger().enabled(level) || (error == null && e.store().get(RequestLog.SKIP_SUCCESS) != null)) {
            return;
        }
        double execTime = (System.nanoTime() - start) / 1_000_000.0;
        int status = e.written() ? e.responseStatus() : 204;
        String errorText = null;
        Object details = null;
        boolean hasDetails = false;
        // the status the error writer answered (PocketBase's ToApiError), also for a ValidationException …
        ApiException mapped = error == null ? null : ApiException.from(error);
        if (mapped != null && (mapped == error || mapped.status() != 500)) {
            ApiException api = mapped;
            status = api.status();
            errorText = ApiException.sentenize(api.getMessage());
            details = details(api);
            hasDetails = true;
        } else if (error != null) {
            status = 500;
            errorText = error.toString();
        }
        String method = cut(e.method().toUpperCase(Locale.ROOT), 50);
        String rawQuery = e.request().rawQuery();
        String uri = cut(e.request().rawPath() + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery), 3000);
        LogFlags flags = LogFlags.of(app.settings());
        Optional<Record> auth = e.auth();
        Object meta = e.store().get(RequestLog.META);
        // appended in the order of the stored JSON's sorted keys, so that writing it moves no key
        EntryData data = new EntryData();
        data.append("auth", auth.map(r -> r.collection().name()).orElse(""));
        if (auth.isPresent() && flags.logAuthId()) {
            data.append("authId", auth.get().id());
        }
        if (hasDetails) {
            data.append("details", details);
        }
        if (errorText != null) {
            data.append("error", errorText);
        }
        data.append("execTime", execTime);
        if (meta != null) {
            data.append("meta", meta);
        }
        data.append("method", method);
        data.append("referer", cut(e.header("Referer"), 2000));
        if (flags.logIp()) {
            data.append("remoteIP", e.request().remoteIp());
        }
        data.append("status", status);
        data.append("type", "request");
        data.append("url", uri);
        data.append("userAgent", cut(e.header("User-Agent"), 2000));
        if (flags.logIp()) {
            data.append("userIP", RateLimits.realIp(e));
        }
        app.logger().log(level, method + " " + pathUnescape(uri), data);
    }

    /**
     * The two {@code logs} settings a request entry needs, read once per settings object (settings change rarely,
     * requests are many; three JSON lookups per request were a tenth of the logger's own time in JFR).
     */
    private record LogFlags(JsonObject source, boolean logIp, boolean logAuthId) {
        private static volatile LogFlags last = new LogFlags(null, true, false);

        static LogFlags of(JsonObject settings) {
            LogFlags f = last;
            if (f.source == settings) {
                return f;
            }
            JsonObject logs = settings.get("logs") instanceof JsonObject o ? o : null;
            f = new LogFlags(settings, logs == null || logs.getBoolean("logIP", true),
                    logs != null && logs.getBoolean("logAuthId", false));
            last = f;
            return f;
        }
    }

    /** PocketBase logs an API error's raw data: its validation errors as messages, else its cause's message. */
    private static Object details(ApiException api) {
        if (!api.data().isEmpty()) {
            return messages(api.data());
        }
        Throwable cause = api.getCause();
        return cause == null ? null : cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    private static Map<String, Object> messages(Map<String, ?> data) {
        Map<String, Object> out = new LinkedHashMap<>();
        data.forEach((k, v) -> out.put(k, switch (v) {
            case ValidationError err -> err.message();
            case Map<?, ?> nested -> {
                @SuppressWarnings("unchecked")
                Map<String, ?> m = (Map<String, ?>) nested;
                yield messages(m);
            }
            default -> v;
        }));
        return out;
    }

    /** Go's {@code cutStr}: longer text is cut and gets {@code ...}. */
    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) + "..." : s;
    }

    /** Go's {@code url.PathUnescape} ({@code +} stays); the text as it is when an escape is malformed. */
    static String pathUnescape(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%') {
                if (i + 2 >= bytes.length) {
                    return s;
                }
                int hi = Character.digit(bytes[i + 1], 16);
                int lo = Character.digit(bytes[i + 2], 16);
                if (hi < 0 || lo < 0) {
                    return s;
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
