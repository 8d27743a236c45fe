package io.pb4j.core;

import io.pb4j.core.hook.HookEvent;
import io.pb4j.core.router.RequestEvent;
import jakarta.json.JsonObject;
import java.util.Objects;

/**
 * PocketBase's {@code OnSettingsUpdateRequest} ({@code PATCH /api/settings}): the settings before the request and
 * the new ones (the body decoded onto the old ones). A handler may replace {@link #newSettings(JsonObject)} before
 * {@code next()}; the default action validates and saves them ({@link PocketBase#saveSettings}) and answers them.
 * Not thread-safe: one event per request.
 */
public final class SettingsUpdateRequestEvent extends HookEvent {
    private final RequestEvent request;
    private final JsonObject oldSettings;
    private JsonObject newSettings;

    /** Creates the event; the endpoint that fires the hook does this, apps receive it. */
    public SettingsUpdateRequestEvent(RequestEvent request, JsonObject oldSettings, JsonObject newSettings) {
        this.request = Objects.requireNonNull(request, "request");
        this.oldSettings = Objects.requireNonNull(oldSettings, "oldSettings");
        this.newSettings = Objects.requireNonNull(newSettings, "newSettings");
    }

    /** The HTTP request this event is part of. */
    public RequestEvent request() {
        return request;
    }

    /** The settings before the update. */
    public JsonObject oldSettings() {
        return oldSettings;
    }

    /** The settings to store. */
    public JsonObject newSettings() {
        return newSettings;
    }

    /** Replaces the settings to store. */
    public void newSettings(JsonObject replacement) {
        this.newSettings = Objects.requireNonNull(replacement, "newSettings");
    }
}
