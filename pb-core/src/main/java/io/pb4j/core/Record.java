package io.pb4j.core;

import io.pb4j.core.field.Field;
import io.pb4j.core.field.PasswordValue;
import io.pb4j.core.internal.security.Bcrypt;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A record of a collection: field values keyed by field name, with PocketBase's typed getters. Mutable and not
 * thread-safe: a record belongs to the request or task that loaded it. Values are always coerced by their field,
 * so a getter never sees a foreign type.
 */
public final class Record {
    /** Not {@code jakarta.json.Json}, whose static methods look the provider up on every call (~2 µs each). */
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.internal.Json.PROVIDER;

    private final Collection collection;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, Object> original;
    private boolean isNew;
    /** Export visibility set by hide/unhide, by field or custom key (PocketBase's customVisibility). */
    private Map<String, Boolean> visibility = Map.of();
    /** Values of keys that are not fields, exported with {@link #withCustomData}. */
    private Map<String, Object> custom = Map.of();
    private boolean exportCustomData;

    private Record(Collection collection, Map<String, Object> original, boolean isNew) {
        this.collection = collection;
        this.original = original;
        this.isNew = isNew;
    }

    /**
     * A new record of {@code collection} with every field at its default (PocketBase's {@code core.NewRecord}); the
     * id is generated when it is saved, unless set before.
     *
     * <pre>{@code
     * Record post = new Record(app.findCollection("posts").orElseThrow());
     * post.set("title", "Hello");
     * app.save(post);
     * }</pre>
     */
    public Record(Collection collection) {
        this(collection, Map.of(), true);
        for (Field f : collection.fields()) {
            values.put(f.name(), f.defaultValue());
        }
    }

    /** A new record with every field at its default; the same as {@link #Record(Collection)}. */
    public static Record create(Collection collection) {
        return new Record(collection);
    }

    /**
     * A stored record from a database row (column name to raw column value). A column value its field cannot read
     * (written by hand or by an older pb4j) is logged and loaded as the field's default, so one bad row never turns
     * a list into an error.
     */
    public static Record fromRow(Collection collection, Map<String, Object> row) {
        Map<String, Object> loaded = new LinkedHashMap<>();
        for (Field f : collection.fields()) {
            Object column = row.get(f.name());
            Object value;
            try {
                value = f.fromColumn(column);
            } catch (RuntimeException e) {
                System.getLogger(Record.class.getName()).log(System.Logger.Level.WARNING, "unreadable value of "
                        + collection.name() + "." + f.name() + " in record " + row.get("id") + " (" + e + "): "
                        + "shown as the field's default");
                value = f.defaultValue();
            }
            loaded.put(f.name(), value);
        }
        Record r = new Record(collection, Collections.unmodifiableMap(new LinkedHashMap<>(loaded)), false);
        r.values.putAll(loaded);
        return r;
    }

    /** The record's collection. */
    public Collection collection() {
        return collection;
    }

    /** Whether the record has not been stored yet. */
    public boolean isNew() {
        return isNew;
    }

    /** Marks the record as stored; called by the app after insert. */
    void markSaved() {
        isNew = false;
    }

    /** The record id ({@code ""} until generated). */
    public String id() {
        return getString("id");
    }

    /** The raw Java value of a field, or empty for an unknown field. */
    public Optional<Object> get(String field) {
        return Optional.ofNullable(values.get(field));
    }

    /**
     * Sets a field, coercing the value with the field's rules. A name that is no field sets a custom value, which the
     * API shows only once {@link #withCustomData(boolean)} is on (e.g. in an {@code onRecordEnrich} handler).
     */
    public Record set(String field, Object value) {
        Optional<io.pb4j.core.field.Field> f = collection.field(field);
        if (f.isPresent()) {
            values.put(f.get().name(), f.get().coerce(value));
        } else {
            if (custom.isEmpty()) {
                custom = new LinkedHashMap<>();
            }
            custom.put(field, value);
        }
        return this;
    }

    /** A custom value set with {@link #set} under a name that is no field. */
    public Optional<Object> getCustom(String key) {
        return Optional.ofNullable(custom.get(key));
    }

    /** Leaves these fields (or custom keys) out of the record's API JSON (PocketBase's {@code Hide}). */
    public Record hide(String... names) {
        return visible(false, names);
    }

    /** Shows these fields in the record's API JSON, hidden ones too (PocketBase's {@code Unhide}). */
    public Record unhide(String... names) {
        return visible(true, names);
    }

    /** Whether the API JSON shows the custom values set with {@link #set} (PocketBase's {@code WithCustomData}). */
    public Record withCustomData(boolean on) {
        exportCustomData = on;
        return this;
    }

    private Record visible(boolean shown, String... names) {
        if (visibility.isEmpty()) {
            visibility = new LinkedHashMap<>();
        }
        for (String name : names) {
            visibility.put(name, shown);
        }
        return this;
    }

    /** A copy with the same values, original, export visibility and custom data. */
    public Record copy() {
        Record r = new Record(collection, original, isNew);
        r.values.putAll(values);
        r.visibility = visibility.isEmpty() ? Map.of() : new LinkedHashMap<>(visibility);
        r.custom = custom.isEmpty() ? Map.of() : new LinkedHashMap<>(custom);
        r.exportCustomData = exportCustomData;
        return r;
    }

    /** Sets a value as it is, without coercion (PocketBase's {@code SetRaw}); the value must be the field's Java type. */
    public void setRaw(String field, Object value) {
        values.put(field, value);
    }

    /** The values as loaded from the database; empty for a new record. */
    public Map<String, Object> original() {
        return original;
    }

    /** Current values keyed by field name, in field order. */
    public Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    /** A field's value as text ({@code ""} when empty or unknown). */
    public String getString(String field) {
        Object v = values.get(field);
        return v instanceof String s ? s : v == null ? "" : String.valueOf(v);
    }

    /** A bool field's value ({@code false} when unknown). */
    public boolean getBool(String field) {
        return values.get(field) instanceof Boolean b && b;
    }

    /** A number field's value ({@code 0} when unknown). */
    public double getFloat(String field) {
        return values.get(field) instanceof Number n ? n.doubleValue() : 0;
    }

    /** A number field's value without its fraction ({@code 0} when unknown). */
    public long getInt(String field) {
        return values.get(field) instanceof Number n ? n.longValue() : 0;
    }

    /** A multi-value field's values (select, relation, file); a single value as a one-item list. */
    @SuppressWarnings("unchecked")
    public List<String> getStringSlice(String field) {
        Object v = values.get(field);
        if (v instanceof List<?> l) {
            return (List<String>) l;
        }
        return v instanceof String s && !s.isEmpty() ? List.of(s) : List.of();
    }

    /** The canonical datetime string of a date or autodate field, {@code ""} when empty. */
    public String getDateTime(String field) {
        return getString(field);
    }

    /** An auth record's email. */
    public String email() {
        return getString("email");
    }

    /** An auth record's token key, part of every token's signing secret. */
    public String tokenKey() {
        return getString("tokenKey");
    }

    /** Sets the plain password of an auth record; it is hashed when the record is saved. */
    public Record setPassword(String plain) {
        return set("password", plain);
    }

    /** Whether {@code plain} matches the stored bcrypt hash. */
    public boolean validatePassword(String plain) {
        return values.get("password") instanceof PasswordValue pv && !pv.hash().isEmpty() && Bcrypt.verify(plain, pv.hash());
    }

    /**
     * The record's JSON as the API returns it: fields in alphabetical order plus {@code collectionId} and
     * {@code collectionName}. Hidden fields appear only with {@code showHidden}; in auth collections
     * {@code password} and {@code tokenKey} never appear, and {@code email} only with {@code showEmail} or when
     * {@code emailVisibility} is on.
     */
    public jakarta.json.JsonObject publicExport(boolean showHidden, boolean showEmail) {
        java.util.TreeMap<String, jakarta.json.JsonValue> sorted = new java.util.TreeMap<>();
        boolean auth = collection.isAuth();
        for (Field f : collection.fields()) {
            String name = f.name();
            if (auth && ("password".equals(name) || "tokenKey".equals(name))) {
                continue;
            }
            Boolean shown = visibility.get(name);
            if (shown != null ? !shown : f.hidden() && !showHidden) {
                continue;
            }
            if (auth && "email".equals(name) && !showEmail && !getBool("emailVisibility")) {
                continue;
            }
            sorted.put(name, f.toJsonValue(values.get(name)));
        }
        if (exportCustomData) {
            custom.forEach((key, value) -> {
                if (!Boolean.FALSE.equals(visibility.get(key))) {
                    sorted.put(key, io.pb4j.core.internal.Json.toJson(value));
                }
            });
        }
        sorted.put("collectionId", JSON.createValue(collection.id()));
        sorted.put("collectionName", JSON.createValue(collection.name()));
        jakarta.json.JsonObjectBuilder b = JSON.createObjectBuilder();
        sorted.forEach(b::add);
        return b.build();
    }

    // ----- tokens (PocketBase's core/record_tokens.go); each throws IllegalStateException for a non-auth record

    /**
     * A refreshable auth token for this auth record, valid for the collection's {@code authToken.duration}: what
     * {@code auth-with-password} answers, so a custom login route can issue one.
     */
    public String newAuthToken() {
        return RecordTokens.auth(this, java.time.Duration.ZERO, true);
    }

    /**
     * A non-refreshable auth token valid for {@code duration} (zero or less: the collection's
     * {@code authToken.duration}), as {@code impersonate} issues.
     */
    public String newStaticAuthToken(java.time.Duration duration) {
        return RecordTokens.auth(this, duration, false);
    }

    /** The token a verification mail carries ({@code confirm-verification}). */
    public String newVerificationToken() {
        return RecordTokens.withEmail(this, "verification", "verificationToken");
    }

    /** The token a password reset mail carries ({@code confirm-password-reset}). */
    public String newPasswordResetToken() {
        return RecordTokens.withEmail(this, "passwordReset", "passwordResetToken");
    }

    /** The token an email change mail carries ({@code confirm-email-change}) for the change to {@code newEmail}. */
    public String newEmailChangeToken(String newEmail) {
        return RecordTokens.emailChange(this, newEmail);
    }

    /** A short-lived token for protected files ({@code ?token=}), as {@code POST /api/files/token} issues. */
    public String newFileToken() {
        return RecordTokens.file(this);
    }

    /** The value of a date or autodate field as an instant; empty when the field is empty. */
    public Optional<java.time.Instant> getInstant(String field) {
        String text = getDateTime(field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(java.time.LocalDateTime.parse(text.replace(' ', 'T').replace("Z", ""))
                .toInstant(java.time.ZoneOffset.UTC));
    }

    @Override
    public String toString() {
        return "Record[" + collection.name() + "/" + id() + "]";
    }
}
