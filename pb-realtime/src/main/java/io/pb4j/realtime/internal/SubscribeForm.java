package io.pb4j.realtime.internal;

import io.pb4j.core.ApiException;
import io.pb4j.core.StrictJson;
import io.pb4j.core.ValidationError;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/realtime} ({@code {clientId, subscriptions}}, JSON or urlencoded), validated with
 * PocketBase's limits: a client id of 1–255 characters, at most 1000 subscriptions of at most 2500 characters.
 */
record SubscribeForm(String clientId, List<String> subscriptions) {
    static final int MAX_SUBSCRIPTIONS = 1000;
    static final int MAX_SUBSCRIPTION_LENGTH = 2500;
    private static final String LOAD_ERROR = "An error occurred while loading the submitted data.";

    SubscribeForm {
        subscriptions = List.copyOf(subscriptions);
    }

    static SubscribeForm parse(String contentType, byte[] body) {
        if (contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return urlencoded(new String(body, StandardCharsets.UTF_8));
        }
        if (body.length == 0) {
            return new SubscribeForm("", List.of());
        }
        if (!(StrictJson.parse(body).orElse(JsonValue.NULL) instanceof JsonObject o)) {
            throw ApiException.badRequest(LOAD_ERROR);
        }
        String clientId = switch (o.get("clientId")) {
            case null -> "";
            case JsonString s -> s.getString();
            case JsonValue v when v == JsonValue.NULL -> "";
            default -> throw ApiException.badRequest(LOAD_ERROR);
        };
        List<String> subscriptions = new ArrayList<>();
        switch (o.get("subscriptions")) {
            case null -> {
            }
            case JsonArray array -> {
                for (JsonValue v : array) {
                    if (!(v instanceof JsonString s)) {
                        throw ApiException.badRequest(LOAD_ERROR);
                    }
                    subscriptions.add(s.getString());
                }
            }
            case JsonValue v when v == JsonValue.NULL -> {
            }
            default -> throw ApiException.badRequest(LOAD_ERROR);
        }
        return new SubscribeForm(clientId, subscriptions);
    }

    private static SubscribeForm urlencoded(String body) {
        String clientId = "";
        List<String> subscriptions = new ArrayList<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (pair.isEmpty()) {
                continue;
            }
            try {
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if ("clientId".equals(key) && clientId.isEmpty()) {
                    clientId = value;
                } else if ("subscriptions".equals(key)) {
                    subscriptions.add(value);
                }
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(LOAD_ERROR);
            }
        }
        return new SubscribeForm(clientId, subscriptions);
    }

    /** Throws PocketBase's 400 (default message, field errors as data) when a limit is broken. */
    void validate() {
        Map<String, Object> errors = new LinkedHashMap<>();
        int idLength = clientId.codePointCount(0, clientId.length());
        if (clientId.isEmpty()) {
            errors.put("clientId", ValidationError.required());
        } else if (idLength > 255) {
            errors.put("clientId", new ValidationError("validation_length_out_of_range", "The length must be between 1 and 255.",
                    Map.of("min", 1, "max", 255)));
        }
        if (subscriptions.size() > MAX_SUBSCRIPTIONS) {
            errors.put("subscriptions", tooLong(MAX_SUBSCRIPTIONS));
        } else {
            Map<String, Object> items = new LinkedHashMap<>();
            for (int i = 0; i < subscriptions.size(); i++) {
                String s = subscriptions.get(i);
                if (s.codePointCount(0, s.length()) > MAX_SUBSCRIPTION_LENGTH) {
                    items.put(String.valueOf(i), tooLong(MAX_SUBSCRIPTION_LENGTH));
                }
            }
            if (!items.isEmpty()) {
                errors.put("subscriptions", items);
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("", errors);
        }
    }

    private static ValidationError tooLong(int max) {
        return new ValidationError("validation_length_too_long", "The length must be no more than " + max + ".",
                Map.of("min", 0, "max", max));
    }
}
