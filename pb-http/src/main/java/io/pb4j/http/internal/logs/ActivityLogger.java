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
        Map<String, Object> data = new EntryData();
        data.put("type", "request");
        data.put("execTime", (System.nanoTime() - start) / 1_000_000.0);
        Object meta = e.store().get(RequestLog.META);
        if (meta != null) {
            data.put("meta", meta);
        }
        int status = e.written() ? e.responseStatus() : 204;
        // the status the error writer answered (PocketBase's ToApiError), also for a ValidationException …
        ApiException mapped = error == null ? null : ApiException.from(error);
        if (mapped != null && (mapped == error || mapped.status() != 500)) {
            ApiException api = mapped;
            status = api.status();
            data.put("error", ApiException.sentenize(api.getMessage()));
            data.put("details", details(api));
        } else if (error != null) {
            status = 500;
            data.put("error", error.toString());
        }
        String method = cut(e.method().toUpperCase(Locale.ROOT), 50);
        String rawQuery = e.request().rawQuery();
        String uri = cut(e.request().rawPath() + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery), 3000);
        data.put("url", uri);
        data.put("method", method);
        data.put("status", status);
        data.put("referer", cut(e.header("Referer"), 2000));
        data.put("userAgent", cut(e.header("User-Agent"), 2000));
        JsonObject logs = app.settings().getJsonObject("logs");
        Optional<Record> auth = e.auth();
        data.put("auth", auth.map(r -> r.collection().name()).orElse(""));
        if (auth.isPresent() && logs != null && logs.getBoolean("logAuthId", false)) {
            data.put("authId", auth.get().id());
        }
        if (logs == null || logs.getBoolean("logIP", true)) {
            data.put("userIP", RateLimits.realIp(e));
            data.put("remoteIP", e.request().remoteIp());
        }
        app.logger().log(level, method + " " + pathUnescape(uri), data);
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
