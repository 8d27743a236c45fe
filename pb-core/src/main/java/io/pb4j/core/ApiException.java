package io.pb4j.core;

import java.util.Map;

/**
 * The one error type that becomes PocketBase's error envelope {@code {"data":{…},"message":"…","status":N}}.
 *
 * <p>The message is sentenized when the envelope is written, so callers may pass PocketBase's raw wording.
 * {@code data} maps field names (or nested keys) to {@link ValidationError}s or to nested maps of them.
 */
public final class ApiException extends RuntimeException {
    /** The HTTP status. */
    private final int status;
    /** The envelope's {@code data}: field name to error. */
    private final Map<String, Object> data;

    /** An error answering {@code status} with {@code message} ({@code ""}: the status's default) and field errors {@code data}. */
    public ApiException(int status, String message, Map<String, ?> data) {
        super(message.isEmpty() ? defaultMessage(status) : message);
        this.status = status;
        // sorted, as Go's encoding/json writes map keys (PocketBase's validation.Errors is a map)
        this.data = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(data));
    }

    /** An error answering {@code status} with {@code message} and no field errors. */
    public ApiException(int status, String message) {
        this(status, message, Map.of());
    }

    /** The HTTP status the envelope is written with. */
    public int status() {
        return status;
    }

    /** Validation details, keys sorted; empty for errors that are not about submitted values. */
    public Map<String, Object> data() {
        return data;
    }

    /** PocketBase's {@code NewBadRequestError}: 400. */
    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    /** PocketBase's {@code NewBadRequestError} with field errors: 400. */
    public static ApiException badRequest(String message, Map<String, ?> data) {
        return new ApiException(400, message, data);
    }

    /** PocketBase's {@code NewUnauthorizedError}: 401. */
    public static ApiException unauthorized(String message) {
        return new ApiException(401, message);
    }

    /** PocketBase's {@code NewForbiddenError}: 403. */
    public static ApiException forbidden(String message) {
        return new ApiException(403, message);
    }

    /** PocketBase's {@code NewNotFoundError} with its default message: 404. */
    public static ApiException notFound() {
        return new ApiException(404, "");
    }

    /** PocketBase's {@code NewNotFoundError}: 404. */
    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    /**
     * PocketBase's {@code ToApiError}, for what a route handler, middleware or hook throws: an {@code ApiException}
     * as it is; a {@link ValidationException} (e.g. from {@code app.save} in a custom route) as 400 with its field
     * errors; a {@link java.util.NoSuchElementException} (an {@code Optional} that was empty, e.g.
     * {@code app.findRecordById("posts", id).orElseThrow()}) as 404; an {@link IllegalArgumentException} (a bad
     * filter …) as 400 with PocketBase's generic message. Anything else is a bug, not a client error: 500 (where
     * PocketBase, whose handlers return errors instead of throwing, answers 400). Messages of the Java exceptions
     * never reach the client.
     */
    public static ApiException from(Throwable t) {
        ApiException api = switch (t) {
            case ApiException a -> a;
            case ValidationException v -> new ApiException(400, "", v.errors());
            case java.util.NoSuchElementException missing -> new ApiException(404, "");
            case IllegalArgumentException bad -> new ApiException(400, "");
            default -> new ApiException(500, "");
        };
        if (api != t && api.getCause() == null) {
            api.initCause(t);
        }
        return api;
    }

    /** PocketBase's default message for a status, used when none is given. */
    public static String defaultMessage(int status) {
        return switch (status) {
            case 401 -> "Missing or invalid authentication.";
            case 403 -> "You are not allowed to perform this request.";
            case 404 -> "The requested resource wasn't found.";
            case 413 -> "Request entity too large.";
            case 429 -> "Too Many Requests.";
            default -> "Something went wrong while processing your request.";
        };
    }

    /** First letter upper-cased and a period appended unless the text already ends in {@code . ? !}. */
    public static String sentenize(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return s;
        }
        s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        char last = s.charAt(s.length() - 1);
        return last == '.' || last == '?' || last == '!' ? s : s + ".";
    }
}
