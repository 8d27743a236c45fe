package io.pb4j.auth.internal;

import io.pb4j.auth.spi.AuthUser;
import io.pb4j.core.ApiException;
import io.pb4j.core.Collection;
import io.pb4j.core.Record;
import io.pb4j.core.StrictJson;
import io.pb4j.core.router.RequestEvent;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The record side of an OAuth2 sign-in (PocketBase's {@code oauth2Submit}), all in one transaction: find the record
 * (an existing {@code _externalAuths} link, else the signed-in record of the same collection, else the record with
 * the provider's verified email), or create one through the records API (so {@code createRule}, validation and the
 * create flow apply); guard unverified records against pre-hijacking; link the provider account.
 */
final class OAuth2Submit {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    static final String EXTERNAL_AUTHS = "_externalAuths";

    /** The signed-in record and whether the sign-in created it. */
    record Result(Record record, boolean isNew) {
    }

    private OAuth2Submit() {
    }

    /** The {@code _externalAuths} link of the provider's user, if any, and the record the sign-in belongs to, if any. */
    record Found(Optional<Record> link, Optional<Record> record) {
    }

    /** The link and the record: the linked record, else the signed-in one, else the one with the provider's email. */
    static Found find(RequestEvent e, Collection c, String provider, AuthUser user, Optional<Record> loggedIn) {
        Collection links = e.app().findCollection(EXTERNAL_AUTHS).orElseThrow();
        Optional<Record> link = findLink(e, links, c, provider, user.id());
        Optional<Record> found;
        if (link.isPresent()) {
            found = Optional.of(e.app().findRecordById(c, link.get().getString("recordRef")).orElseThrow(ApiException::notFound));
        } else if (loggedIn.isPresent()) {
            found = loggedIn;
        } else if (!user.email().isEmpty()) {
            found = e.app().findRecordByUniqueField(c, "email", user.email());
        } else {
            found = Optional.empty();
        }
        return new Found(link, found);
    }

    /**
     * Creates the record from {@code createData} when {@code found} is empty, else updates the found one; links it to
     * the provider's user unless {@code link} already does.
     */
    static Result submit(RequestEvent e, Collection c, String provider, JsonObject createData, AuthUser user,
                         Optional<Record> loggedIn, Optional<Record> link, Optional<Record> found) {
        Collection links = e.app().findCollection(EXTERNAL_AUTHS).orElseThrow();
        return e.app().store().write(s -> {
            Record record;
            Optional<Record> existingLink = link.filter(l -> found.filter(r -> r.id().equals(l.getString("recordRef"))).isPresent());
            if (found.isEmpty()) {
                record = create(e, c, createData, user);
            } else {
                record = found.get();
                if (!record.getBool("verified")) {
                    // an unverified record keeps at most the link being made now (pre-hijacking through another provider)
                    s.execute("DELETE FROM " + s.dialect().quote(EXTERNAL_AUTHS) + " WHERE collectionRef = ? AND recordRef = ?",
                            List.of(c.id(), record.id()));
                    existingLink = Optional.empty();
                }
                updateExisting(e, record, user, loggedIn);
            }
            if (existingLink.isEmpty()) {
                Record newLink = Record.create(links);
                newLink.set("collectionRef", c.id());
                newLink.set("recordRef", record.id());
                newLink.set("provider", provider);
                newLink.set("providerId", user.id());
                e.app().save(newLink);
            }
            return new Result(record, found.isEmpty());
        });
    }

    private static Optional<Record> findLink(RequestEvent e, Collection links, Collection c, String provider, String providerId) {
        List<Map<String, Object>> rows = e.app().store().read(s -> s.query("SELECT * FROM " + s.dialect().quote(EXTERNAL_AUTHS)
                + " WHERE collectionRef = ? AND provider = ? AND providerId = ? LIMIT 1", List.of(c.id(), provider, providerId)));
        return rows.isEmpty() ? Optional.empty() : Optional.of(Record.fromRow(links, rows.get(0)));
    }

    /**
     * A new record from {@code createData} plus the provider's email and the collection's mapped fields (unless
     * given), with a random password unless one is given; the email is verified when it is the provider's.
     */
    private static Record create(RequestEvent e, Collection c, JsonObject createData, AuthUser user) {
        if (c.isSuperusers()) {
            throw ApiException.badRequest("Failed to authenticate.");
        }
        JsonObjectBuilder payload = JSON.createObjectBuilder(createData);
        if (!(createData.get("email") instanceof JsonString s) || s.getString().isEmpty()) {
            payload.add("email", user.email());
        }
        JsonObject mapped = c.authOptions().oauth2().mappedFields();
        String idField = mapped.getString("id", "");
        String nameField = mapped.getString("name", "");
        String usernameField = mapped.getString("username", "");
        String avatarField = mapped.getString("avatarURL", "");
        if (!idField.isEmpty() && !createData.containsKey(idField)) {
            payload.add(idField, user.id());
        }
        if (!nameField.isEmpty() && !createData.containsKey(nameField)) {
            payload.add(nameField, user.name());
        }
        if (!usernameField.isEmpty() && !createData.containsKey(usernameField) && canAssignUsername(e, c, usernameField, user.username())) {
            payload.add(usernameField, user.username());
        }
        Optional<io.pb4j.core.field.UploadedFile> avatarFile = Optional.empty();
        if (!avatarField.isEmpty() && !createData.containsKey(avatarField) && !user.avatarUrl().isEmpty()) {
            Optional<String> type = c.field(avatarField).map(f -> f.type());
            if (type.filter("file"::equals).isPresent()) {
                // as PocketBase: the avatar is downloaded (public addresses only) into the file field, or left out
                avatarFile = AvatarDownload.fetch(user.avatarUrl());
            } else if (type.isPresent()) {
                payload.add(avatarField, user.avatarUrl());
            }
        }
        if (!createData.containsKey("password")) {
            String password = io.pb4j.core.security.RandomStrings.alphanumeric(30);
            payload.add("password", password).add("passwordConfirm", password);
        }
        var sub = e.app().router().dispatchRoute(e.app(), OAuth2CreateRequest.of(e, c.name(), payload.build(), avatarField, avatarFile), ev -> {
            e.auth().ifPresent(ev::auth);
            ev.infoContext("oauth2");
        });
        JsonObject answer = StrictJson.parse(sub.responseBody())
                .filter(v -> v instanceof JsonObject).map(JsonValue::asJsonObject).orElse(JsonValue.EMPTY_JSON_OBJECT);
        if (sub.responseStatus() >= 400) {
            throw new ApiException(sub.responseStatus(), answer.getString("message", "Failed to authenticate."),
                    answer.get("data") instanceof JsonObject data ? data : Map.of());
        }
        Record created = e.app().findRecordById(c, answer.getString("id", ""))
                .orElseThrow(() -> ApiException.badRequest("Failed to authenticate."));
        if (created.email().equals(user.email()) && !created.getBool("verified")) {
            created.set("verified", true);
            e.app().save(created);
        }
        return created;
    }

    /**
     * An existing record: an unverified one that is not the signed-in record gets a random password (someone may
     * have registered the address first), an empty email takes the provider's, and the record counts as verified
     * when it has no email or the provider's.
     */
    private static void updateExisting(RequestEvent e, Record record, AuthUser user, Optional<Record> loggedIn) {
        boolean isLoggedIn = loggedIn.filter(r -> r.id().equals(record.id())).isPresent();
        boolean changed = false;
        if (!isLoggedIn && !record.getBool("verified")) {
            record.setPassword(io.pb4j.core.security.RandomStrings.alphanumeric(30));
            changed = true;
        }
        if (record.email().isEmpty() && !user.email().isEmpty()) {
            record.set("email", user.email());
            changed = true;
        }
        if (!record.getBool("verified") && (record.email().isEmpty() || record.email().equals(user.email()))) {
            record.set("verified", true);
            changed = true;
        }
        if (changed) {
            e.app().save(record);
        }
    }

    /** PocketBase's {@code oldCanAssignUsername}: the value fits the text field's limits and pattern and is unused. */
    private static boolean canAssignUsername(RequestEvent e, Collection c, String field, String username) {
        var f = c.field(field);
        if (f.isEmpty()) {
            return false;
        }
        if ("text".equals(f.get().type())) {
            JsonObject def = f.get().toJson();
            int length = username.codePointCount(0, username.length());
            if (username.isEmpty()) {
                if (def.getBoolean("required", false)) {
                    return false;
                }
            } else {
                int min = def.getInt("min", 0);
                int max = def.getInt("max", 0);
                String pattern = def.getString("pattern", "");
                if ((min > 0 && length < min) || (max > 0 && length > max)
                        || (!pattern.isEmpty() && !Pattern.compile(pattern).matcher(username).find())) {
                    return false;
                }
            }
        }
        return e.app().findFirstRecordByData(c, field, username).isEmpty();
    }
}
