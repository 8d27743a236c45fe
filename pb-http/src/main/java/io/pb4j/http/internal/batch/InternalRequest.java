package io.pb4j.http.internal.batch;

import io.pb4j.core.ApiException;
import io.pb4j.core.router.HttpRequest;
import io.pb4j.http.internal.forms.UrlEncodedForm;
import java.util.List;
import java.util.Map;

/** A batch sub-request as pb4j's {@link HttpRequest}: its own method, URL, headers and body; the outer peer. */
record InternalRequest(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] content,
                       String remoteIp) implements HttpRequest {

    /** Splits {@code url} into its decoded path and raw query. */
    static InternalRequest of(String method, String url, Map<String, List<String>> headers, byte[] content, String remoteIp) {
        int q = url.indexOf('?');
        String rawPath = q < 0 ? url : url.substring(0, q);
        // a malformed escape stays as it is: no route matches it, and the sub-request answers 404
        String path = UrlEncodedForm.decode(rawPath.replace("+", "%2B")).orElse(rawPath);
        return new InternalRequest(method, path, q < 0 ? "" : url.substring(q + 1), headers, content, remoteIp);
    }

    @Override
    public byte[] body(long limit) {
        if (content.length > limit) {
            throw new ApiException(413, "");
        }
        return content;
    }
}
