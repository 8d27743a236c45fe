package io.pb4j.http.internal.settings;

import io.pb4j.core.ApiException;
import io.pb4j.core.ValidationError;
import io.pb4j.core.router.RequestEvent;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * {@code POST /api/settings/test/s3} {@code {"filesystem":"storage"|"backups"}}: validates as PocketBase's
 * {@code forms.TestS3Filesystem}, then writes and deletes a probe object with the chosen S3 settings through pb-files'
 * S3 backend ({@code app.files().testS3}). Without pb-files the answer is a 400 saying so.
 */
final class S3TestApi {
    private static final String FAILED = "Failed to test the S3 filesystem.";

    private S3TestApi() {
    }

    static void test(RequestEvent e) {
        JsonObject body = (JsonObject) SettingsApi.body(e);
        JsonValue fs = body.getOrDefault("filesystem", JsonValue.NULL);
        if (fs != JsonValue.NULL && !(fs instanceof JsonString)) {
            throw ApiException.badRequest(SettingsApi.LOADING_ERROR);
        }
        String filesystem = fs instanceof JsonString s ? s.getString() : "";
        if (filesystem.isEmpty()) {
            throw ApiException.badRequest(FAILED, Map.of("filesystem", ValidationError.required()));
        }
        if (!filesystem.equals("storage") && !filesystem.equals("backups")) {
            throw ApiException.badRequest(FAILED,
                    Map.of("filesystem", new ValidationError("validation_in_invalid", "Must be a valid value.")));
        }
        JsonObject settings = e.app().settings();
        JsonObject config = filesystem.equals("backups") ? settings.getJsonObject("backups").getJsonObject("s3")
                : settings.getJsonObject("s3");
        if (!config.getBoolean("enabled", false)) {
            throw raw("S3 storage filesystem is not enabled");
        }
        if (!e.app().hasFiles()) {
            throw raw("S3 is not available: add the io.pb4j.files module (pb-files), which brings the S3 backend");
        }
        try {
            e.app().files().testS3(config);
        } catch (RuntimeException ex) {
            throw raw(String.valueOf(ex.getMessage()));
        }
        e.noContent();
    }

    private static ApiException raw(String error) {
        return ApiException.badRequest(FAILED + " Raw error: \n" + error);
    }
}
