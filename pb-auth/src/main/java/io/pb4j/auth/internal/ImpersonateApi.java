package io.pb4j.auth.internal;

import io.pb4j.core.ApiException;
import io.pb4j.core.Collection;
import io.pb4j.core.Record;
import io.pb4j.core.StrictJson;
import io.pb4j.core.ValidationError;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.router.Router;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Map;

/**
 * {@code POST /api/collections/{collection}/impersonate/{id}}: a superuser gets a non-refreshable auth token of
 * any auth record, for {@code duration} seconds (0 or absent: the collection's auth token duration). No MFA.
 */
final class ImpersonateApi {
    private ImpersonateApi() {
    }

    static void bind(Router router) {
        router.post("/api/collections/{collection}/impersonate/{id}", ImpersonateApi::impersonate);
    }

    private static void impersonate(RequestEvent e) {
        if (e.auth().isEmpty()) {
            throw ApiException.unauthorized("The request requires valid record authorization token.");
        }
        if (!e.isSuperuser()) {
            throw ApiException.forbidden("The authorized record is not allowed to perform this action.");
        }
        Collection c = AuthApi.authCollection(e);
        Record record = e.app().findRecordById(c, e.pathParam("id")).orElseThrow(ApiException::notFound);
        long seconds = duration(e);
        if (seconds < 0) {
            throw ApiException.badRequest("An error occurred while validating the submitted data.", Map.of("duration",
                    new ValidationError("validation_min_greater_equal_than_required", "Must be no less than 0.",
                            Map.of("threshold", 0))));
        }
        AuthApi.respond(e, record, AuthTokens.newStaticAuthToken(record, Duration.ofSeconds(seconds)));
    }

    /** The body's {@code duration}: absent or null is 0; anything but an integer cannot be loaded. */
    private static long duration(RequestEvent e) {
        byte[] body = e.body();
        if (body.length == 0) {
            return 0;
        }
        JsonValue v = StrictJson.parse(body)
                .orElseThrow(() -> ApiException.badRequest("An error occurred while loading the submitted data."));
        JsonValue duration = v instanceof JsonObject o ? o.get("duration") : null;
        if (duration == null || duration == JsonValue.NULL) {
            return 0;
        }
        if (!(duration instanceof JsonNumber n) || !n.isIntegral()) {
            throw ApiException.badRequest("An error occurred while loading the submitted data.");
        }
        return n.longValueExact();
    }
}
