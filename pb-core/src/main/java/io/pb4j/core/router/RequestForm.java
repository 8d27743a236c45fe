package io.pb4j.core.router;

import io.pb4j.core.field.UploadedFile;
import java.util.List;
import java.util.Map;

/**
 * A {@code multipart/form-data} or {@code application/x-www-form-urlencoded} body as the transport parsed it
 * ({@link HttpRequest#parseForm}): text values and files by form key, in the body's order.
 */
public record RequestForm(Map<String, List<String>> values, Map<String, List<UploadedFile>> files) {
    public static final RequestForm EMPTY = new RequestForm(Map.of(), Map.of());

    /** Creates the value from its components. */
    public RequestForm {
        values = Map.copyOf(values);
        files = Map.copyOf(files);
    }
}
