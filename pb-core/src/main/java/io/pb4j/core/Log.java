package io.pb4j.core;

import jakarta.json.JsonObject;
import java.util.Objects;

/**
 * One row of {@code auxiliary.db}'s {@code _logs}: PocketBase's {@code core.Log}. {@code level} is slog's (-4 debug,
 * 0 info, 4 warn, 8 error); {@code created} is PocketBase's date text; {@code data} holds the entry's attributes.
 */
public record Log(String id, String created, JsonObject data, String message, int level) {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    /** Creates the value from its components. */
    public Log {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(message, "message");
    }

    /** The entry as PocketBase's logs API writes it: {@code id, created, data, message, level}. */
    public JsonObject toJson() {
        return JSON.createObjectBuilder().add("id", id).add("created", created).add("data", data)
                .add("message", message).add("level", level).build();
    }
}
