package io.pb4j.http.internal.settings;

import io.pb4j.core.ApiException;
import io.pb4j.core.ValidationError;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.spi.S3Check;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * {@code POST /api/settings/test/s3} {@code {"filesystem":"storage"|"backups"}}: validates as PocketBase's
 * {@code forms.TestS3Filesystem}, then runs the {@link S3Check} a file-backend module provides against the chosen S3
 * settings. Without such a module the answer is a 400 saying so: nothing here pretends a connection worked.
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
        Optional<S3Check> check = ServiceLoader.load(S3Check.class, S3TestApi.class.getClassLoader()).findFirst();
        if (check.isEmpty()) {
            throw raw("S3 is not available: this pb4j has no S3 file backend (no module provides io.pb4j.core.spi.S3Check)");
        }
        try {
            check.get().check(config);
        } catch (RuntimeException ex) {
            throw raw(String.valueOf(ex.getMessage()));
        }
        e.noContent();
    }

    private static ApiException raw(String error) {
        return ApiException.badRequest(FAILED + " Raw error: \n" + error);
    }
}
