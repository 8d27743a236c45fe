package io.pb4j.core;

import io.pb4j.core.hook.HookEvent;
import io.pb4j.core.router.RequestEvent;
import jakarta.json.JsonObject;
import java.util.Objects;

/**
 * PocketBase's {@code OnSettingsListRequest} ({@code GET /api/settings}). A handler may replace the
 * {@link #settings() settings} before {@code next()}; the default action answers them as JSON, secrets hidden.
 * Not thread-safe: one event per request.
 */
public final class SettingsListRequestEvent extends HookEvent {
    private final RequestEvent request;
    private JsonObject settings;

    /** Creates the event; the endpoint that fires the hook does this, apps receive it. */
    public SettingsListRequestEvent(RequestEvent request, JsonObject settings) {
        this.request = Objects.requireNonNull(request, "request");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The HTTP request this event is part of. */
    public RequestEvent request() {
        return request;
    }

    /** The settings to answer, with their secrets (the default action hides them). */
    public JsonObject settings() {
        return settings;
    }

    /** Replaces the settings the default action will answer with. */
    public void settings(JsonObject replacement) {
        this.settings = Objects.requireNonNull(replacement, "settings");
    }
}
