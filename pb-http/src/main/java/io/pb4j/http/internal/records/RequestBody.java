package io.pb4j.http.internal.records;

import io.pb4j.core.ApiException;
import io.pb4j.core.StrictJson;
import io.pb4j.core.Collection;
import io.pb4j.core.ValidationError;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.http.internal.forms.MultipartForm;
import io.pb4j.http.internal.forms.UploadedFile;
import io.pb4j.http.internal.forms.UrlEncodedForm;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a request body into a key → value map the way PocketBase does: JSON objects as they are (JSON-P values),
 * multipart and urlencoded forms with repeated keys as lists, PocketBase's scalar inference and {@code @jsonPayload}
 * parts merged as they are.
 */
public final class RequestBody {
    /** The multipart/urlencoded key whose value is a JSON object merged into the body without inference. */
    public static final String JSON_PAYLOAD = "@jsonPayload";

    private RequestBody() {
    }

    /**
     * PocketBase's body limit of the record create and update routes: the default 32 MiB plus what each field may hold
     * ({@code MaxBodySizeCalculator}): a file field's {@code maxSize} (5 MiB when 0) times {@code maxSelect} (at least
     * 1), a json field's {@code maxSize} (1 MiB when 0), an editor field's (5 MiB when 0). Views get the default.
     */
    public static long limit(Collection c) {
        long limit = RequestEvent.DEFAULT_BODY_LIMIT;
        if (c.isView()) {
            return limit;
        }
        for (var f : c.fields()) {
            if (!f.type().equals("file") && !f.type().equals("json") && !f.type().equals("editor")) {
                // the other fields add nothing; rendering their definitions was a quarter of a create's handler CPU
                continue;
            }
            JsonObject def = f.toJson();
            long maxSize = def.get("maxSize") instanceof jakarta.json.JsonNumber n ? n.longValue() : 0;
            switch (f.type()) {
                case "file" -> limit += (maxSize > 0 ? maxSize : 5L << 20)
                        * (def.get("maxSelect") instanceof jakarta.json.JsonNumber n ? Math.max(1, n.intValue()) : 1);
                case "json" -> limit += maxSize > 0 ? maxSize : 1L << 20;
                case "editor" -> limit += maxSize > 0 ? maxSize : 5L << 20;
                default -> { }
            }
        }
        return limit;
    }

    public static Map<String, Object> read(RequestEvent e) {
        Map<String, Object> out = new LinkedHashMap<>();
        String type = e.header("Content-Type").toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/form-data")) {
            // spooled to the data dir's temp area (removed when the request ends), so file parts never sit in the heap
            java.nio.file.Path spooled = e.spoolBody(e.app().config().dataDir().resolve(io.pb4j.core.Backups.TEMP_DIR));
            try {
                if (java.nio.file.Files.size(spooled) == 0) {
                    return out;
                }
            } catch (java.io.IOException failed) {
                throw new java.io.UncheckedIOException(failed);
            }
            MultipartForm form = MultipartForm.parse(e.header("Content-Type"), spooled, "Failed to read the submitted data.");
            rejectFiles(e, form.files());
            return withFiles(fromForm(form.values()), form.files());
        }
        byte[] body = e.body();
        if (body.length == 0) {
            return out;
        }
        if (type.startsWith("application/json")) {
            JsonValue value = StrictJson.parse(body)
                    .orElseThrow(() -> ApiException.badRequest("Failed to read the submitted data."));
            if (value instanceof JsonObject o) {
                out.putAll(o);
            } else if (value != JsonValue.NULL) {
                throw ApiException.badRequest("Failed to read the submitted data.");
            }
            return out;
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return fromForm(UrlEncodedForm.parse(body, "Failed to read the submitted data."));
        }
        throw ApiException.badRequest("Unsupported Content-Type.");
    }

    /**
     * Form values as a body: each key's value inferred (a list when repeated), then every {@code @jsonPayload} value,
     * which must be a JSON object, merged in as it is (later keys win).
     */
    static Map<String, Object> fromForm(Map<String, List<String>> form) {
        Map<String, Object> out = new LinkedHashMap<>();
        form.forEach((k, values) -> {
            if (!JSON_PAYLOAD.equals(k)) {
                out.put(k, values.size() == 1 ? infer(values.get(0)) : values.stream().map(RequestBody::infer).toList());
            }
        });
        for (String payload : form.getOrDefault(JSON_PAYLOAD, List.of())) {
            if (!(StrictJson.parse(payload).orElse(null) instanceof JsonObject object)) {
                throw ApiException.badRequest("Failed to read the submitted data.");
            }
            out.putAll(object);
        }
        return out;
    }

    /**
     * File parts join the body as {@link io.pb4j.core.field.UploadedFile}s under their key, after the key's text values
     * (PocketBase's request info does the same), named by PocketBase's stored-name rule.
     */
    static Map<String, Object> withFiles(Map<String, Object> body, Map<String, List<UploadedFile>> files) {
        files.forEach((key, parts) -> {
            List<Object> values = new ArrayList<>();
            Object existing = body.get(key);
            if (existing instanceof List<?> list) {
                values.addAll(list);
            } else if (existing != null) {
                values.add(existing);
            }
            parts.forEach(p -> values.add(io.pb4j.core.field.UploadedFile.of(p.filename(), p.size(), p.source())));
            body.put(key, values.size() == 1 ? values.getFirst() : values);
        });
        return body;
    }

    /**
     * Without pb-files a {@code file} field loads as a passthrough field: a file part for it (modifiers such as
     * {@code +docs}/{@code docs+} included) is a 400 validation error on that field naming the missing module, rather
     * than silently dropped.
     */
    private static void rejectFiles(RequestEvent e, Map<String, List<UploadedFile>> files) {
        if (files.isEmpty() || e.app().hasFiles()) {
            return;
        }
        Collection c = e.app().findCollection(e.pathParam("collection")).orElse(null);
        if (c == null) {
            return; // the handler answers 404
        }
        Map<String, Object> errors = new LinkedHashMap<>();
        for (String key : files.keySet()) {
            String name = key.replaceFirst("^\\+", "").replaceFirst("[+-]$", "");
            c.fields().stream().filter(f -> f.name().equals(name) && "file".equals(f.type())).findFirst()
                    .ifPresent(f -> errors.put(name, new ValidationError("validation_file_upload_unsupported",
                            "File uploads need the io.pb4j.files module (pb-files), which is not installed.")));
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("POST".equals(e.method()) ? "Failed to create record." : "Failed to update record.", errors);
        }
    }

    /** PocketBase's form value inference: booleans, and numbers that print back to the same text. */
    static Object infer(String v) {
        if ("true".equals(v)) {
            return Boolean.TRUE;
        }
        if ("false".equals(v)) {
            return Boolean.FALSE;
        }
        if (!v.isEmpty() && (Character.isDigit(v.charAt(0)) || v.charAt(0) == '-')) {
            try {
                double d = Double.parseDouble(v);
                String back = d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
                if (back.equals(v)) {
                    return d;
                }
            } catch (NumberFormatException ignored) {
                // not a number: stays text
            }
        }
        return v;
    }
}
