package io.pb4j.core.field;

import java.util.List;

/** The builder of each field type, reached through the type's {@code builder(name)} (e.g. {@link TextField#builder}). */
public final class FieldBuilders {
    private FieldBuilders() {
    }

    /** A {@link TextField}. */
    public static final class Text extends FieldBuilder.Common<TextField, Text> {
        Text(String name) {
            super(TextField.class, TextField.TYPE, name);
        }

        /** Minimum length in characters (0: none). */
        public Text min(int min) {
            return set("min", min);
        }

        /** Maximum length in characters (0: PocketBase's default 5000). */
        public Text max(int max) {
            return set("max", max);
        }

        /** A regular expression the value must match ({@code ""}: any). */
        public Text pattern(String regex) {
            return set("pattern", regex);
        }

        /** A regular expression an empty value is generated from ({@code [a-z0-9]{15}} for ids). */
        public Text autogeneratePattern(String regex) {
            return set("autogeneratePattern", regex);
        }

        /** Marks the collection's primary key field ({@code id}). */
        public Text primaryKey(boolean primaryKey) {
            return set("primaryKey", primaryKey);
        }
    }

    /** A {@link NumberField}. */
    public static final class Number extends FieldBuilder.Common<NumberField, Number> {
        Number(String name) {
            super(NumberField.class, NumberField.TYPE, name);
        }

        /** The smallest value allowed. */
        public Number min(double min) {
            return set("min", min);
        }

        /** The largest value allowed. */
        public Number max(double max) {
            return set("max", max);
        }

        /** Only integers are allowed. */
        public Number onlyInt(boolean onlyInt) {
            return set("onlyInt", onlyInt);
        }
    }

    /** A {@link BoolField}. */
    public static final class Bool extends FieldBuilder.Common<BoolField, Bool> {
        Bool(String name) {
            super(BoolField.class, BoolField.TYPE, name);
        }
    }

    /** A {@link GeoPointField}. */
    public static final class GeoPoint extends FieldBuilder.Common<GeoPointField, GeoPoint> {
        GeoPoint(String name) {
            super(GeoPointField.class, GeoPointField.TYPE, name);
        }
    }

    /** An {@link EmailField}. */
    public static final class Email extends FieldBuilder.Common<EmailField, Email> {
        Email(String name) {
            super(EmailField.class, EmailField.TYPE, name);
        }

        /** Domains that are refused. */
        public Email exceptDomains(List<String> domains) {
            return set("exceptDomains", domains);
        }

        /** The only domains allowed. */
        public Email onlyDomains(List<String> domains) {
            return set("onlyDomains", domains);
        }
    }

    /** A {@link UrlField}. */
    public static final class Url extends FieldBuilder.Common<UrlField, Url> {
        Url(String name) {
            super(UrlField.class, UrlField.TYPE, name);
        }

        /** Domains that are refused. */
        public Url exceptDomains(List<String> domains) {
            return set("exceptDomains", domains);
        }

        /** The only domains allowed. */
        public Url onlyDomains(List<String> domains) {
            return set("onlyDomains", domains);
        }
    }

    /** An {@link EditorField}. */
    public static final class Editor extends FieldBuilder.Common<EditorField, Editor> {
        Editor(String name) {
            super(EditorField.class, EditorField.TYPE, name);
        }

        /** The largest value in bytes (0: PocketBase's default 5 MiB). */
        public Editor maxSize(long bytes) {
            return set("maxSize", bytes);
        }

        /** Whether the dashboard's editor rewrites URLs to relative ones. */
        public Editor convertURLs(boolean convert) {
            return set("convertURLs", convert);
        }
    }

    /** A {@link DateField}. */
    public static final class Date extends FieldBuilder.Common<DateField, Date> {
        Date(String name) {
            super(DateField.class, DateField.TYPE, name);
        }

        /** The earliest datetime allowed ({@code "2024-01-01 00:00:00.000Z"}). */
        public Date min(String datetime) {
            return set("min", datetime);
        }

        /** The latest datetime allowed. */
        public Date max(String datetime) {
            return set("max", datetime);
        }
    }

    /** An {@link AutodateField}. */
    public static final class Autodate extends FieldBuilder<AutodateField, Autodate> {
        Autodate(String name) {
            super(AutodateField.class, AutodateField.TYPE, name);
        }

        /** Set to the current time when the record is created. */
        public Autodate onCreate(boolean onCreate) {
            return set("onCreate", onCreate);
        }

        /** Set to the current time whenever the record is updated. */
        public Autodate onUpdate(boolean onUpdate) {
            return set("onUpdate", onUpdate);
        }
    }

    /** A {@link SelectField}. */
    public static final class Select extends FieldBuilder.Common<SelectField, Select> {
        Select(String name, List<String> values) {
            super(SelectField.class, SelectField.TYPE, name);
            set("values", values);
        }

        /** How many values may be selected (1 or less: a single value). */
        public Select maxSelect(int max) {
            return set("maxSelect", max);
        }
    }

    /** A {@link RelationField}. */
    public static final class Relation extends FieldBuilder.Common<RelationField, Relation> {
        Relation(String name, String collectionId) {
            super(RelationField.class, RelationField.TYPE, name);
            set("collectionId", collectionId);
        }

        /** Whether deleting the related record deletes this one (otherwise the reference is removed). */
        public Relation cascadeDelete(boolean cascade) {
            return set("cascadeDelete", cascade);
        }

        /** The fewest related records allowed. */
        public Relation minSelect(int min) {
            return set("minSelect", min);
        }

        /** The most related records allowed (1 or less: a single relation). */
        public Relation maxSelect(int max) {
            return set("maxSelect", max);
        }
    }

    /** A {@link JsonField}. */
    public static final class Json extends FieldBuilder.Common<JsonField, Json> {
        Json(String name) {
            super(JsonField.class, JsonField.TYPE, name);
        }

        /** The largest value in bytes (0: PocketBase's default 1 MiB). */
        public Json maxSize(long bytes) {
            return set("maxSize", bytes);
        }
    }

    /** A {@link PasswordField}. */
    public static final class Password extends FieldBuilder.Common<PasswordField, Password> {
        Password(String name) {
            super(PasswordField.class, PasswordField.TYPE, name);
        }

        /** Minimum length. */
        public Password min(int min) {
            return set("min", min);
        }

        /** Maximum length (at most 71, bcrypt's limit). */
        public Password max(int max) {
            return set("max", max);
        }

        /** A regular expression the password must match. */
        public Password pattern(String regex) {
            return set("pattern", regex);
        }

        /** The bcrypt cost (0: PocketBase's default 10). */
        public Password cost(int cost) {
            return set("cost", cost);
        }
    }
}
