package io.pb4j.http.internal.batch;

import io.pb4j.http.internal.forms.UploadedFile;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * One sub-request of a batch (PocketBase's {@code core.InternalRequest}): method, URL with optional query string,
 * headers that override the outer request's, the JSON body and the files uploaded for it.
 */
record BatchRequest(String method, String url, Map<String, String> headers, JsonObject body,
                    Map<String, List<UploadedFile>> files) {
    BatchRequest {
        headers = Map.copyOf(headers);
        files = Map.copyOf(files);
    }

    BatchRequest withFiles(Map<String, List<UploadedFile>> newFiles) {
        return new BatchRequest(method, url, headers, body, newFiles);
    }

    BatchRequest withTarget(String newMethod, String newUrl) {
        return new BatchRequest(newMethod, newUrl, headers, body, files);
    }
}
