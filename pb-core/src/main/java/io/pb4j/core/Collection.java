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
    public static final String BASE = "base";
    public static final String AUTH = "auth";
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

    public static Builder builder() {
        return new Builder();
    }

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

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** {@link #BASE}, {@link #AUTH} or {@link #VIEW}. */
    public String type() {
        return type;
    }

    public boolean isAuth() {
        return AUTH.equals(type);
    }

    public boolean isView() {
        return VIEW.equals(type);
    }

    public boolean isSuperusers() {
        return "_superusers".equals(name);
    }

    public boolean system() {
        return system;
    }

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

    public List<String> indexes() {
        return indexes;
    }

    public Optional<String> listRule() {
        return Optional.ofNullable(listRule);
    }

    public Optional<String> viewRule() {
        return Optional.ofNullable(viewRule);
    }

    public Optional<String> createRule() {
        return Optional.ofNullable(createRule);
    }

    public Optional<String> updateRule() {
        return Optional.ofNullable(updateRule);
    }

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

    public String created() {
        return created;
    }

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

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder type(String type) {
            this.type = type;
            return this;
        }

        public Builder system(boolean system) {
            this.system = system;
            return this;
        }

        public Builder fields(List<Field> fields) {
            this.fields = fields;
            return this;
        }

        public Builder indexes(List<String> indexes) {
            this.indexes = indexes;
            return this;
        }

        /** {@code null} locks the rule (superusers only). */
        public Builder listRule(String rule) {
            this.listRule = rule;
            return this;
        }

        public Builder viewRule(String rule) {
            this.viewRule = rule;
            return this;
        }

        public Builder createRule(String rule) {
            this.createRule = rule;
            return this;
        }

        public Builder updateRule(String rule) {
            this.updateRule = rule;
            return this;
        }

        public Builder deleteRule(String rule) {
            this.deleteRule = rule;
            return this;
        }

        public Builder options(JsonObject options) {
            this.options = options;
            return this;
        }

        public Builder created(String created) {
            this.created = created;
            return this;
        }

        public Builder updated(String updated) {
            this.updated = updated;
            return this;
        }

        public Collection build() {
            return new Collection(this);
        }
    }
}
