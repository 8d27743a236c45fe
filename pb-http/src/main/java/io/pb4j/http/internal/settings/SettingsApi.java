package io.pb4j.http.internal.settings;

import io.pb4j.core.ApiException;
import io.pb4j.core.Settings;
import io.pb4j.core.SettingsListRequestEvent;
import io.pb4j.core.SettingsUpdateRequestEvent;
import io.pb4j.core.StrictJson;
import io.pb4j.core.ValidationException;
import io.pb4j.core.router.Middleware;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.router.Router;
import io.pb4j.http.internal.Guards;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * PocketBase's settings API ({@code apis/settings.go}), superusers only: {@code GET /api/settings} and
 * {@code PATCH /api/settings} (through {@code onSettingsListRequest} / {@code onSettingsUpdateRequest}), and
 * {@code POST /api/settings/test/s3}. The mail test and the Apple client secret are pb-auth's.
 */
public final class SettingsApi {
    static final String LOADING_ERROR = "An error occurred while loading the submitted data.";

    private SettingsApi() {
    }

    public static void bind(Router router) {
        Middleware superuser = Guards.requireSuperuser();
        router.get("/api/settings", SettingsApi::list).bind(superuser);
        router.patch("/api/settings", SettingsApi::update).bind(superuser);
        router.post("/api/settings/test/s3", S3TestApi::test).bind(superuser);
    }

    private static void list(RequestEvent e) {
        e.app().onSettingsListRequest().trigger(new SettingsListRequestEvent(e, e.app().settings()),
                ev -> e.json(200, Settings.withoutSecrets(ev.settings())));
    }

    private static void update(RequestEvent e) {
        JsonObject old = e.app().settings();
        JsonObject next;
        try {
            next = Settings.merge(old, body(e));
        } catch (IllegalArgumentException ex) {
            throw ApiException.badRequest(LOADING_ERROR);
        }
        e.app().onSettingsUpdateRequest().trigger(new SettingsUpdateRequestEvent(e, old, next), ev -> {
            try {
                e.app().saveSettings(ev.newSettings());
            } catch (ValidationException ex) {
                throw ApiException.badRequest("An error occurred while saving the new settings.", ex.errors());
            } catch (IllegalArgumentException ex) {
                throw ApiException.badRequest("An error occurred while saving the new settings.");
            }
            e.json(200, Settings.withoutSecrets(e.app().settings()));
        });
    }

    /** The JSON body; an empty body binds nothing (PocketBase skips it), one that is not an object cannot be bound. */
    static JsonValue body(RequestEvent e) {
        byte[] raw = e.body();
        if (raw.length == 0) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        JsonValue v = StrictJson.parse(raw).orElseThrow(() -> ApiException.badRequest(LOADING_ERROR));
        if (!(v instanceof JsonObject)) {
            throw ApiException.badRequest(LOADING_ERROR);
        }
        return v;
    }
}
