package io.pb4j.js.internal;

import io.pb4j.core.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;

/**
 * What a script threw, as the app's errors: a host exception (e.g. a validation error of {@code $app.save}) as it
 * is; an {@code ApiError} with its status, message and data; anything else as PocketBase's generic 400, whose
 * detail (with the file and line) only reaches the log.
 */
final class ScriptError extends RuntimeException {
    ScriptError(String message) {
        super(message, null, false, false);
    }

    /** The message with the script's file and line, e.g. {@code main.pb.js:3:5: ReferenceError: x is not defined}. */
    static String describe(PolyglotException pe) {
        SourceSection at = pe.getSourceLocation();
        if (at == null) {
            for (PolyglotException.StackFrame f : pe.getPolyglotStackTrace()) {
                if (f.isGuestFrame() && f.getSourceLocation() != null) {
                    at = f.getSourceLocation();
                    break;
                }
            }
        }
        String where = at == null ? "" : at.getSource().getName() + ":" + at.getStartLine() + ":" + at.getStartColumn() + ": ";
        String msg = pe.getMessage() == null ? "error" : pe.getMessage();
        return msg.contains(where.isEmpty() ? "\u0000" : at.getSource().getName() + ":" + at.getStartLine()) ? msg : where + msg;
    }

    static RuntimeException translate(PolyglotException pe) {
        if (pe.isHostException()) {
            Throwable t = pe.asHostException();
            if (t instanceof Error err) {
                throw err;
            }
            if (t instanceof io.pb4j.core.ApiException || t instanceof java.util.NoSuchElementException
                    || t instanceof io.pb4j.core.ValidationException || t instanceof IllegalArgumentException) {
                return (RuntimeException) t;
            }
            // PocketBase's toApiError: any other error of a Go call a script did not catch is a generic 400
            ApiException api = new ApiException(400, "");
            api.initCause(new ScriptError(describe(pe) + " (" + t + ")"));
            return api;
        }
        Value guest = pe.isGuestException() ? pe.getGuestObject() : null;
        RuntimeException api = apiError(guest);
        if (api != null) {
            return api;
        }
        ApiException generic = new ApiException(400, "");
        generic.initCause(new ScriptError(describe(pe)));
        return generic;
    }

    /** What an async handler's rejected promise answers: its ApiError, else PocketBase's generic 400. */
    static RuntimeException fromGuest(Value reason) {
        RuntimeException api = apiError(reason);
        if (api != null) {
            return api;
        }
        if (reason != null && reason.isHostObject() && reason.asHostObject() instanceof RuntimeException re) {
            return re;
        }
        ApiException generic = new ApiException(400, "");
        generic.initCause(new ScriptError("async handler rejected: " + reason));
        return generic;
    }

    private static RuntimeException apiError(Value guest) {
        if (guest != null && guest.hasMembers() && guest.hasMember("__pbApiError")) {
            int status = guest.getMember("status").asInt();
            String message = guest.getMember("message").isString() ? guest.getMember("message").asString() : "";
            Map<String, Object> data = new LinkedHashMap<>();
            Value d = guest.getMember("data");
            if (d != null && d.hasMembers()) {
                for (String k : d.getMemberKeys()) {
                    data.put(k, Convert.toJava(d.getMember(k)));
                }
            }
            return new ApiException(status == 0 ? 400 : status, message, data);
        }
        return null;
    }
}
