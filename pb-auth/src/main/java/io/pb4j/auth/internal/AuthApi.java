package io.pb4j.auth.internal;

import io.pb4j.core.ApiException;
import io.pb4j.core.StrictJson;
import io.pb4j.core.Collection;
import io.pb4j.core.Record;
import io.pb4j.core.RecordAuthRequestEvent;
import io.pb4j.core.RecordRequestEvent;
import io.pb4j.core.ValidationError;
import io.pb4j.core.security.Passwords;
import io.pb4j.core.RecordQuery;
import io.pb4j.core.RequestInfo;
import io.pb4j.core.router.Middlewares;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.router.Router;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Password sign-in and token refresh: {@code /api/collections/{collection}/auth-with-password|auth-refresh}. */
final class AuthApi {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    /** A valid bcrypt hash to compare against when the identity is unknown, so timing does not reveal accounts. */
    private static final String DUMMY_HASH = "$2a$10$8Jb6Hjk5yE3Z7WYwW0nQbOZ7yq3Nf4dD5jv3VbWm7b5X9pQW0h1lS";

    private AuthApi() {
    }

    static void bind(Router router) {
        router.post("/api/collections/{collection}/auth-with-password", AuthApi::authWithPassword);
        router.post("/api/collections/{collection}/auth-refresh", AuthApi::authRefresh)
                .bind(Middlewares.requireSameCollectionContextAuth(""));
    }

    static Collection authCollection(RequestEvent e) {
        Collection c = e.app().findCollection(e.pathParam("collection"))
                .orElseThrow(() -> ApiException.notFound("Missing or invalid collection context."));
        if (!c.isAuth()) {
            throw ApiException.notFound("Missing or invalid auth collection context.");
        }
        return c;
    }

    private static void authWithPassword(RequestEvent e) {
        Collection c = authCollection(e);
        if (!c.authOptions().passwordAuth().enabled()) {
            throw ApiException.forbidden("The collection is not configured to allow password authentication.");
        }
        JsonObject body = readJson(e);
        String identity = string(body, "identity");
        String password = string(body, "password");
        String identityField = string(body, "identityField");
        List<String> identityFields = c.authOptions().passwordAuth().identityFields();
        Map<String, Object> errors = new LinkedHashMap<>();
        checkLength(errors, "identity", identity);
        checkLength(errors, "password", password);
        if (!identityField.isEmpty() && !identityFields.contains(identityField)) {
            errors.put("identityField", new ValidationError("validation_in_invalid", "Must be a valid value."));
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("An error occurred while validating the submitted data.", errors);
        }
        Optional<Record> found = findByIdentity(e, c, identity, identityField.isEmpty() ? identityFields : List.of(identityField));
        // as PocketBase, the hook sees the identity's record (or none) before the password is checked
        e.app().hooks().recordAuthWithPasswordRequest().trigger(new RecordRequestEvent(e, c, found), ev -> {
            if (ev.record().isEmpty()) {
                Passwords.verify(password, DUMMY_HASH);
                throw ApiException.badRequest("Failed to authenticate.");
            }
            Record record = ev.record().get();
            if (!record.validatePassword(password)) {
                throw ApiException.badRequest("Failed to authenticate.");
            }
            respond(e, record, AuthTokens.newAuthToken(record, true), "password", Optional.empty());
        });
    }

    private static Optional<Record> findByIdentity(RequestEvent e, Collection c, String identity, List<String> fields) {
        List<String> ordered = new ArrayList<>(fields);
        if (ordered.remove("email")) {
            ordered.add(0, "email");
        }
        for (String field : ordered) {
            if ("email".equals(field) && !identity.contains("@")) {
                continue;
            }
            if (c.field(field).isEmpty()) {
                continue;
            }
            Optional<Record> r = e.app().findRecordByUniqueField(c, field, identity);
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    private static void authRefresh(RequestEvent e) {
        // the route's same-collection guard ran before the auth-type check, so a non-auth collection answered 403
        Collection c = e.app().findCollection(e.pathParam("collection"))
                .orElseThrow(() -> ApiException.notFound("Missing or invalid collection context."));
        Record auth = e.auth().orElseThrow(() -> ApiException.unauthorized("The request requires valid record authorization token."));
        String presented = e.header("Authorization");
        if (presented.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = presented.substring(7);
        }
        Record fresh = e.app().findRecordById(c, auth.id()).orElseThrow(ApiException::notFound);
        String old = presented.strip();
        e.app().hooks().recordAuthRefreshRequest().trigger(new RecordRequestEvent(e, c, Optional.of(fresh)), ev -> {
            String token = AuthTokens.refreshable(old) ? AuthTokens.newAuthToken(fresh, true) : old;
            respond(e, fresh, token);
        });
    }

    /** The auth response without an auth method (refresh, impersonation): no MFA step, no login alert. */
    static void respond(RequestEvent e, Record record, String token) {
        respond(e, record, token, "", Optional.empty());
    }

    /**
     * PocketBase's shared auth response ({@code recordAuthResponse}): the collection's authRule, then for a sign-in
     * with an auth {@code method} ({@code password}, {@code otp}, {@code oauth2}; empty skips both) the MFA step and
     * the login alert, then 200
     * {@code {"meta"?, "record", "token"}}.
     */
    static void respond(RequestEvent e, Record record, String token, String method, Optional<JsonObject> meta) {
        String authRule = record.collection().authOptions().authRule().orElse(null);
        if (authRule == null || (!authRule.isBlank() && !e.isSuperuser()
                && e.app().search(record.collection(), RecordQuery.byId(authRule, record.id())
                        .withRequest(e.requestInfo(Map.of()))).items().isEmpty())) {
            throw ApiException.forbidden("The request doesn't satisfy the collection requirements to authenticate.");
        }
        e.app().hooks().recordAuthRequest().trigger(new RecordAuthRequestEvent(e, record, token, method, meta), auth -> {
            if (e.written()) {
                return;
            }
            if (Mfa.pending(e, record, method)) {
                return;
            }
            AuthAlerts.afterAuth(e, record, method);
            // as PocketBase, the response sees the signed-in record as @request.auth: its email and (for superusers) its
            // hidden fields show, and ?expand= fetches relations through viewRules as that record
            RequestInfo info = e.requestInfo(Map.of());
            RequestInfo asRecord = new RequestInfo(Optional.of(record), info.method(), info.query(), info.headers(),
                    info.body(), info.context());
            JsonObjectBuilder response = JSON.createObjectBuilder();
            auth.meta().ifPresent(m -> response.add("meta", m));
            e.json(200, response
                    .add("record", e.app().expand(List.of(record), e.queryParam("expand"), asRecord).getFirst())
                    .add("token", auth.token())
                    .build());
        });
    }

    private static void checkLength(Map<String, Object> errors, String key, String value) {
        if (value.isEmpty()) {
            errors.put(key, ValidationError.required());
        } else if (value.length() > 255) {
            errors.put(key, new ValidationError("validation_length_out_of_range", "The length must be between 1 and 255.",
                    Map.of("min", 1, "max", 255)));
        }
    }

    private static JsonObject readJson(RequestEvent e) {
        byte[] body = e.body();
        if (body.length == 0) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        JsonValue v = StrictJson.parse(body)
                .orElseThrow(() -> ApiException.badRequest("An error occurred while loading the submitted data."));
        return v instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static String string(JsonObject body, String key) {
        JsonValue v = body.get(key);
        return v instanceof JsonString s ? s.getString() : v == null || v == JsonValue.NULL ? "" : v.toString();
    }
}
