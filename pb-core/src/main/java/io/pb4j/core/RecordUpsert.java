package io.pb4j.core;

import io.pb4j.core.field.Field;
import io.pb4j.core.field.ModifiableField;
import io.pb4j.core.field.ModifiableField.Modifier;
import io.pb4j.core.internal.RecordSaver;
import io.pb4j.core.internal.RecordSearch;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PocketBase's record upsert form: loads a submitted body into a record and saves it with the request's rights.
 * Plain keys set values, then {@code +name}, {@code name+}, {@code name-} and {@code name:autogenerate} apply; hidden
 * fields are ignored for non-superusers (except the auth {@code password}). On auth collections it checks
 * {@code password}/{@code passwordConfirm}/{@code oldPassword}, and lets only superusers and "managers" (requests
 * matching the {@code manageRule}) change {@code email} and {@code verified} or skip {@code oldPassword}.
 * Not thread-safe: one per request.
 */
public final class RecordUpsert {
    private final PocketBase app;
    private final Record record;
    private final RequestInfo request;
    private final boolean superuser;
    private final Map<String, Object> resolvedBody = new LinkedHashMap<>();
    private String password = "";
    private String passwordConfirm = "";
    private String oldPassword = "";

    /** A form over {@code record} for {@code request}; see {@link PocketBase#upsert}. */
    public RecordUpsert(PocketBase app, Record record, RequestInfo request) {
        this.app = app;
        this.record = record;
        this.request = request;
        this.superuser = request.auth().map(a -> a.collection().isSuperusers()).orElse(false);
    }

    /** Loads a body (values as JSON-P or plain Java values). */
    public RecordUpsert load(Map<String, Object> body) {
        boolean auth = record.collection().isAuth();
        resolvedBody.putAll(body);
        if (auth) {
            password = text(body.get("password"));
            passwordConfirm = text(body.get("passwordConfirm"));
            oldPassword = text(body.get("oldPassword"));
        }
        for (Field f : record.collection().fields()) {
            String name = f.name();
            boolean authPassword = auth && "password".equals(name);
            if ((f.hidden() && !superuser && !authPassword) || "autodate".equals(f.type())) {
                continue;
            }
            if (body.containsKey(name) && !(authPassword && password.isEmpty())) {
                record.set(name, body.get(name));
            }
            if (f instanceof ModifiableField m && applyModifiers(m, body)) {
                resolvedBody.put(name, m.toJsonValue(record.values().get(name)));
                resolvedBody.keySet().removeIf(k -> k.equals("+" + name) || k.equals(name + "+") || k.equals(name + "-")
                        || k.equals(name + ":autogenerate"));
            }
        }
        return this;
    }

    private boolean applyModifiers(ModifiableField f, Map<String, Object> body) {
        boolean any = false;
        any |= apply(f, Modifier.PREPEND, body.get("+" + f.name()));
        any |= apply(f, Modifier.APPEND, body.get(f.name() + "+"));
        any |= apply(f, Modifier.REMOVE, body.get(f.name() + "-"));
        any |= apply(f, Modifier.AUTOGENERATE, body.get(f.name() + ":autogenerate"));
        return any;
    }

    private boolean apply(ModifiableField f, Modifier modifier, Object raw) {
        if (raw == null || !f.supports(modifier)) {
            return false;
        }
        record.setRaw(f.name(), f.modify(modifier, record.get(f.name()).orElse(f.defaultValue()), raw));
        return true;
    }

    /** The request as rules see it: {@code @request.body} holds the body with modifiers resolved. */
    public RequestInfo requestInfo() {
        return new RequestInfo(request.auth(), request.method(), request.query(), request.headers(), resolvedBody, request.context());
    }

    /**
     * Inserts the record if {@code createRule} ({@code ""} for none) matches it as it would be stored, all in one
     * transaction; a rule that does not match is a 400 "Failed to create record.".
     */
    public Record create(String createRule) {
        Collection c = record.collection();
        String manageRule = manageRule();
        boolean needsProbe = !superuser && (!createRule.isBlank() || !manageRule.isBlank());
        app.store().write(s -> {
            boolean manager = superuser;
            if (needsProbe) {
                RequestInfo info = requestInfo();
                if (!createRule.isBlank() && !RecordSearch.ruleMatchesUnsaved(s, record, createRule, info)) {
                    throw ApiException.badRequest("Failed to create record.");
                }
                manager = !manageRule.isBlank() && RecordSearch.ruleMatchesUnsaved(s, record, manageRule, info);
            }
            checkAuthForm(manager);
            RecordSaver.save(s, record, app.recordCommits());
            return null;
        });
        record.markSaved();
        return record;
    }

    /** Saves the changes of a stored record (its update rule was checked when it was fetched). */
    public Record update() {
        String manageRule = manageRule();
        boolean manager = superuser || (!manageRule.isBlank()
                && !app.search(record.collection(), RecordQuery.byId(manageRule, record.id()).withRequest(requestInfo())).items().isEmpty());
        checkAuthForm(manager);
        return app.save(record);
    }

    /** The manage rule when it can apply: an authenticated non-superuser on an auth collection. */
    private String manageRule() {
        if (!record.collection().isAuth() || superuser || request.auth().isEmpty()) {
            return "";
        }
        JsonValue rule = record.collection().options().get("manageRule");
        return rule instanceof JsonString s ? s.getString() : "";
    }

    private void checkAuthForm(boolean manager) {
        if (!record.collection().isAuth()) {
            return;
        }
        boolean isNew = record.isNew();
        Map<String, Object> original = record.original();
        Map<String, Object> errors = new LinkedHashMap<>();
        if (!isNew && !manager && !record.email().equals(String.valueOf(original.getOrDefault("email", "")))) {
            errors.put("email", mismatch());
        }
        boolean originalVerified = Boolean.TRUE.equals(original.get("verified"));
        if (!manager && record.getBool("verified") != originalVerified) {
            errors.put("verified", mismatch());
        }
        if (password.isEmpty() && (isNew || !passwordConfirm.isEmpty() || !oldPassword.isEmpty())) {
            errors.put("password", ValidationError.required());
        }
        if (passwordConfirm.isEmpty() && (isNew || !password.isEmpty() || !oldPassword.isEmpty())) {
            errors.put("passwordConfirm", ValidationError.required());
        } else if (!passwordConfirm.equals(password)) {
            errors.put("passwordConfirm", mismatch());
        }
        if (!isNew && !manager && (!password.isEmpty() || !passwordConfirm.isEmpty())) {
            if (oldPassword.isEmpty()) {
                errors.put("oldPassword", ValidationError.required());
            } else if (!(original.get("password") instanceof io.pb4j.core.field.PasswordValue pv)
                    || !io.pb4j.core.security.Passwords.verify(oldPassword, pv.hash())) {
                errors.put("oldPassword", new ValidationError("validation_invalid_old_password", "Missing or invalid old password."));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static ValidationError mismatch() {
        return new ValidationError("validation_values_mismatch", "Values don't match.");
    }

    private static String text(Object v) {
        if (v == null || v == JsonValue.NULL) {
            return "";
        }
        return v instanceof JsonString s ? s.getString() : String.valueOf(v);
    }
}
