package io.pb4j.core;

import io.pb4j.core.field.Field;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A collection's metadata: PocketBase's base, auth and view collections. Immutable; changes go through
 * {@link PocketBase#save(Collection)}, which validates, migrates the table and refreshes the cache.
 *
 * <p>Rules: an empty {@code Optional} is a locked rule ({@code null} in PocketBase: superusers only); an empty
 * string lets everyone through.
 */
public final class Collection {
    /** The type of a plain collection. */
    public static final String BASE = "base";
    /** The type of a collection whose records can sign in. */
    public static final String AUTH = "auth";
    /** The type of a read-only collection backed by an SQL view. */
    public static final String VIEW = "view";

    private final String id;
    private final String name;
    private final String type;
    private final boolean system;
    private final List<Field> fields;
    private final List<String> indexes;
    private final String listRule;
    private final String viewRule;
    private final String createRule;
    private final String updateRule;
    private final String deleteRule;
    private final JsonObject options;
    private final String created;
    private final String updated;

    private Collection(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.name = Objects.requireNonNull(b.name, "name");
        this.type = Objects.requireNonNull(b.type, "type");
        this.system = b.system;
        this.fields = List.copyOf(b.fields);
        this.indexes = List.copyOf(b.indexes);
        this.listRule = b.listRule;
        this.viewRule = b.viewRule;
        this.createRule = b.createRule;
        this.updateRule = b.updateRule;
        this.deleteRule = b.deleteRule;
        this.options = b.options;
        this.created = b.created;
        this.updated = b.updated;
    }

    /** A builder of a new collection (type {@value #BASE} unless set). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this collection's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.name = name;
        b.type = type;
        b.system = system;
        b.fields = fields;
        b.indexes = indexes;
        b.listRule = listRule;
        b.viewRule = viewRule;
        b.createRule = createRule;
        b.updateRule = updateRule;
        b.deleteRule = deleteRule;
        b.options = options;
        b.created = created;
        b.updated = updated;
        return b;
    }

    /** The collection id ({@code pbc_…}). */
    public String id() {
        return id;
    }

    /** The collection name, which is also its table's name. */
    public String name() {
        return name;
    }

    /** {@link #BASE}, {@link #AUTH} or {@link #VIEW}. */
    public String type() {
        return type;
    }

    /** Whether this is an {@value #AUTH} collection. */
    public boolean isAuth() {
        return AUTH.equals(type);
    }

    /** Whether this is a {@value #VIEW} collection. */
    public boolean isView() {
        return VIEW.equals(type);
    }

    /** Whether this is the {@code _superusers} collection. */
    public boolean isSuperusers() {
        return "_superusers".equals(name);
    }

    /** Whether this is a system collection (its name, type and system fields cannot change). */
    public boolean system() {
        return system;
    }

    /** The fields in their order. */
    public List<Field> fields() {
        return fields;
    }

    /** The field with exactly this name. */
    public Optional<Field> field(String fieldName) {
        for (Field f : fields) {
            if (f.name().equals(fieldName)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The {@code CREATE INDEX} statements of the collection's table. */
    public List<String> indexes() {
        return indexes;
    }

    /** Who may list records: empty for superusers only, {@code ""} for everybody, else a filter. */
    public Optional<String> listRule() {
        return Optional.ofNullable(listRule);
    }

    /** Who may view a record, as {@link #listRule()}. */
    public Optional<String> viewRule() {
        return Optional.ofNullable(viewRule);
    }

    /** Who may create records, as {@link #listRule()}. */
    public Optional<String> createRule() {
        return Optional.ofNullable(createRule);
    }

    /** Who may update a record, as {@link #listRule()}. */
    public Optional<String> updateRule() {
        return Optional.ofNullable(updateRule);
    }

    /** Who may delete a record, as {@link #listRule()}. */
    public Optional<String> deleteRule() {
        return Optional.ofNullable(deleteRule);
    }

    /**
     * Type-specific options as stored in {@code _collections.options}: the auth options (token secrets included) for
     * auth collections, {@code viewQuery} for views, empty for base collections.
     */
    public JsonObject options() {
        return options;
    }

    /** The auth options as typed values ({@code authOptions().mfa().enabled()}); all off for a base or view collection. */
    public AuthOptions authOptions() {
        return new AuthOptions(options);
    }

    /** When the collection was created (PocketBase's datetime text). */
    public String created() {
        return created;
    }

    /** When the collection was last changed. */
    public String updated() {
        return updated;
    }

    /** The collection as the API returns it: PocketBase's key order, token secrets omitted. */
    public JsonObject toJson() {
        return io.pb4j.core.internal.CollectionCodec.toApiJson(this);
    }

    /**
     * Reads API JSON: without {@code existing}, a blank collection of the submitted type with its defaults,
     * overlaid with the body; with it, the body merged over it ({@code fields}, when present, replaces the list).
     */
    public static Collection fromJson(JsonObject body, Optional<Collection> existing) {
        return io.pb4j.core.internal.CollectionForm.read(body, existing);
    }

    /** Blank collections of each type ({@code auth}, {@code base}, {@code view}) with their defaults. */
    public static java.util.Map<String, Collection> scaffolds() {
        return io.pb4j.core.internal.CollectionForm.scaffolds();
    }

    @Override
    public String toString() {
        return "Collection[" + name + " (" + id + ", " + type + ")]";
    }

    /** Builds a {@link Collection}; {@link #build()} names the missing property. */
    public static final class Builder {
        private String id = "";
        private String name = "";
        private String type = BASE;
        private boolean system;
        private List<Field> fields = List.of();
        private List<String> indexes = List.of();
        private String listRule;
        private String viewRule;
        private String createRule;
        private String updateRule;
        private String deleteRule;
        private JsonObject options = JsonValue.EMPTY_JSON_OBJECT;
        private String created = "";
        private String updated = "";

        private Builder() {
        }

        /** The id ({@code ""}: generated on save). */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** The name. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** The type: {@value Collection#BASE}, {@value Collection#AUTH} or {@value Collection#VIEW}. */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /** Marks a system collection. */
        public Builder system(boolean system) {
            this.system = system;
            return this;
        }

        /** The fields, e.g. made with {@link io.pb4j.core.field.TextField#builder} and the other field builders. */
        public Builder fields(List<Field> fields) {
            this.fields = fields;
            return this;
        }

        /** The {@code CREATE INDEX} statements. */
        public Builder indexes(List<String> indexes) {
            this.indexes = indexes;
            return this;
        }

        /** {@code null} locks the rule (superusers only). */
        public Builder listRule(String rule) {
            this.listRule = rule;
            return this;
        }

        /** The view rule, as {@link #listRule}. */
        public Builder viewRule(String rule) {
            this.viewRule = rule;
            return this;
        }

        /** The create rule, as {@link #listRule}. */
        public Builder createRule(String rule) {
            this.createRule = rule;
            return this;
        }

        /** The update rule, as {@link #listRule}. */
        public Builder updateRule(String rule) {
            this.updateRule = rule;
            return this;
        }

        /** The delete rule, as {@link #listRule}. */
        public Builder deleteRule(String rule) {
            this.deleteRule = rule;
            return this;
        }

        /** The type's options (auth: token settings, templates …; view: {@code viewQuery}) as PocketBase's JSON. */
        public Builder options(JsonObject options) {
            this.options = options;
            return this;
        }

        /** The creation time (set by the save). */
        public Builder created(String created) {
            this.created = created;
            return this;
        }

        /** The last change time (set by the save). */
        public Builder updated(String updated) {
            this.updated = updated;
            return this;
        }

        /** The collection; save it with {@code app.save(collection)}. */
        public Collection build() {
            return new Collection(this);
        }
    }
}
