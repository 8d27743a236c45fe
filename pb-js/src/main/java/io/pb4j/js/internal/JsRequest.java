package io.pb4j.js.internal;

import io.pb4j.core.router.RequestEvent;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code *http.Request} as PocketBase's scripts see it: {@code e.request.method}, {@code .url.path},
 * {@code .url.query().get(name)}, {@code .header.get(name)}, {@code .pathValue(name)}, {@code .remoteAddr}.
 */
public final class JsRequest {
    public final String method;
    public final Url url;
    public final Header header;
    public final String remoteAddr;
    public final String host;
    private final RequestEvent event;

    JsRequest(RequestEvent e) {
        this.event = e;
        this.method = e.method();
        this.url = new Url(e.path(), e.request().rawQuery(), e.query());
        this.header = new Header(e.request().headers());
        this.remoteAddr = e.request().remoteIp();
        String h = e.header("Host");
        this.host = h == null ? "" : h;
    }

    /** A path parameter of the route ({@code {id}} or, in the old style, {@code :id}). */
    public String pathValue(String name) {
        String v = event.pathParam(name);
        return v == null ? "" : v;
    }

    /**
     * Go's {@code r.FormFile(key)}: {@code [file, header]} of the first file under {@code key} (pb4j gives the
     * uploaded file for both; {@code $filesystem.fileFromMultipart(header)} takes it).
     */
    public List<Object> formFile(String key) {
        List<io.pb4j.core.field.UploadedFile> files = event.findUploadedFiles(key);
        if (files.isEmpty()) {
            throw new java.util.NoSuchElementException("http: no such file");
        }
        return List.of(files.getFirst(), files.getFirst());
    }

    /** Go's {@code r.FormValue(key)}: the first value of a form or query key, or {@code ""}. */
    public String formValue(String key) {
        Object v = new JsRequestEvent(event).body().get(key);
        if (v instanceof List<?> l) {
            v = l.isEmpty() ? null : l.getFirst();
        }
        return v == null ? event.queryParam(key) : String.valueOf(v);
    }

    /** Go's {@code url.URL}. */
    public static final class Url {
        public final String path;
        public final String rawQuery;
        private final Map<String, List<String>> query;

        Url(String path, String rawQuery, Map<String, List<String>> query) {
            this.path = path;
            this.rawQuery = rawQuery;
            this.query = query;
        }

        public Values query() {
            return new Values(query);
        }

        public String string() {
            return rawQuery.isEmpty() ? path : path + "?" + rawQuery;
        }
    }

    /** Go's {@code url.Values}: the first value of a name, or {@code ""}. */
    public static final class Values {
        private final Map<String, List<String>> values;

        Values(Map<String, List<String>> values) {
            this.values = values;
        }

        public String get(String name) {
            List<String> v = values.get(name);
            return v == null || v.isEmpty() ? "" : v.getFirst();
        }

        public boolean has(String name) {
            return values.containsKey(name);
        }
    }

    /** Go's {@code http.Header}: case-insensitive names, the first value or {@code ""}. */
    public static final class Header {
        private final Map<String, List<String>> values;

        Header(Map<String, List<String>> values) {
            this.values = values;
        }

        public String get(String name) {
            for (var entry : values.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                    return entry.getValue().getFirst();
                }
            }
            return "";
        }

        public List<String> values(String name) {
            for (var entry : values.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name)) {
                    return entry.getValue();
                }
            }
            return List.of();
        }
    }
}
