package io.pb4j.files.internal;

import io.pb4j.core.ValidationError;
import io.pb4j.core.field.ContentTypes;
import io.pb4j.core.field.FieldSupport;
import io.pb4j.core.field.FilesField;
import io.pb4j.core.field.ModifiableField;
import io.pb4j.core.field.UploadedFile;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PocketBase's {@code file} field. A value holds stored file names and {@link UploadedFile}s not stored yet, unique by
 * name: one (the last given, {@code ""} when none) unless {@code maxSelect} is above 1, then a list. Uploads are
 * checked against {@code maxSize} (5 MiB when 0), {@code mimeTypes} on their sniffed content and, for images, their
 * header ({@link UploadedImages}); {@code name+},
 * {@code +name} and {@code name-} add and remove files.
 *
 * @param mimeTypes the option as stored ({@code null} or an array)
 * @param thumbs    the option as stored ({@code null} or an array)
 */
public record FileField(String id, String name, boolean system, boolean hidden, boolean presentable, String help,
        long maxSize, int maxSelect, JsonValue mimeTypes, JsonValue thumbs, boolean protectedFiles, boolean required)
        implements FilesField, ModifiableField {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    public static final String TYPE = "file";
    /** PocketBase's {@code DefaultFileFieldMaxSize}. */
    public static final long DEFAULT_MAX_SIZE = 5L << 20;
    /** PocketBase's {@code filesystem.ThumbSizeRegex}. */
    public static final Pattern THUMB_SIZE = Pattern.compile("^(\\d+)x(\\d+)(t|b|f)?$");
    private static final long MAX_SAFE_JSON_INT = (1L << 53) - 1;

    public FileField {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(mimeTypes, "mimeTypes");
        Objects.requireNonNull(thumbs, "thumbs");
    }

    /** Reads a definition; missing options take their zero values. */
    public static FileField fromJson(JsonObject json) {
        return new FileField(json.getString("id", ""), json.getString("name", ""), json.getBoolean("system", false),
                json.getBoolean("hidden", false), json.getBoolean("presentable", false), json.getString("help", ""),
                json.get("maxSize") instanceof jakarta.json.JsonNumber n ? n.longValue() : 0,
                json.get("maxSelect") instanceof jakarta.json.JsonNumber n ? n.intValue() : 0,
                json.get("mimeTypes") instanceof JsonArray a ? a : JsonValue.NULL,
                json.get("thumbs") instanceof JsonArray a ? a : JsonValue.NULL,
                json.getBoolean("protected", false), json.getBoolean("required", false));
    }

    public boolean isMultiple() {
        return maxSelect > 1;
    }

    /** The effective size limit of one file. */
    public long effectiveMaxSize() {
        return maxSize <= 0 ? DEFAULT_MAX_SIZE : maxSize;
    }

    public List<String> mimeTypeList() {
        return strings(mimeTypes);
    }

    public List<String> thumbList() {
        return strings(thumbs);
    }

    private static List<String> strings(JsonValue v) {
        return v instanceof JsonArray a ? a.stream().map(x -> x instanceof JsonString s ? s.getString() : "").toList() : List.of();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject toJson() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("maxSize", maxSize);
        options.put("maxSelect", maxSelect);
        options.put("mimeTypes", mimeTypes);
        options.put("thumbs", thumbs);
        options.put("protected", protectedFiles);
        options.put("required", required);
        return FieldSupport.write(this, help, options);
    }

    @Override
    public String columnType() {
        return isMultiple() ? "JSON DEFAULT '[]' NOT NULL" : "TEXT DEFAULT '' NOT NULL";
    }

    @Override
    public Object defaultValue() {
        return isMultiple() ? List.of() : "";
    }

    @Override
    public Object coerce(Object raw) {
        List<Object> items = items(raw);
        if (isMultiple()) {
            return List.copyOf(items);
        }
        return items.isEmpty() ? "" : items.getLast();
    }

    /** Stored names and uploads in a raw value, unique by name, in order. */
    static List<Object> items(Object raw) {
        List<Object> out = new ArrayList<>();
        collect(raw, out, true);
        Map<String, Object> unique = new LinkedHashMap<>();
        for (Object o : out) {
            unique.putIfAbsent(nameOf(o), o);
        }
        unique.remove("");
        return new ArrayList<>(unique.values());
    }

    private static void collect(Object raw, List<Object> out, boolean top) {
        switch (raw) {
            case null -> { }
            case UploadedFile u -> out.add(u);
            case JsonString s -> collect(s.getString(), out, top);
            case String s when s.isEmpty() -> { }
            case String s when top && s.startsWith("[") -> {
                try (var reader = JSON.createReader(new StringReader(s))) {
                    if (reader.readValue() instanceof JsonArray a) {
                        a.forEach(v -> collect(v, out, false));
                        return;
                    }
                } catch (RuntimeException notJson) {
                    // a plain name that starts with "["
                }
                out.add(s);
            }
            case String s -> out.add(s);
            case List<?> list -> {
                if (top) {
                    list.forEach(v -> collect(v, out, false));
                }
            }
            case JsonValue v when v == JsonValue.NULL -> { }
            default -> {
                if (top) {
                    out.add(String.valueOf(raw));
                }
            }
        }
    }

    static String nameOf(Object item) {
        return item instanceof UploadedFile u ? u.name() : item instanceof String s ? s : "";
    }

    @Override
    public Object fromColumn(Object column) {
        return coerce(column);
    }

    @Override
    public Object toColumn(Object value) {
        List<String> names = items(value).stream().map(FileField::nameOf).toList();
        if (isMultiple()) {
            return JSON.createArrayBuilder(names).build().toString();
        }
        return names.isEmpty() ? "" : names.getLast();
    }

    @Override
    public JsonValue toJsonValue(Object value) {
        List<String> names = items(value).stream().map(FileField::nameOf).toList();
        if (isMultiple()) {
            JsonArrayBuilder b = JSON.createArrayBuilder();
            names.forEach(b::add);
            return b.build();
        }
        return JSON.createValue(names.isEmpty() ? "" : names.getLast());
    }

    @Override
    public List<String> storedNames(Object value) {
        return items(value).stream().filter(o -> o instanceof String).map(o -> (String) o).toList();
    }

    @Override
    public List<UploadedFile> uploads(Object value) {
        return items(value).stream().filter(o -> o instanceof UploadedFile).map(o -> (UploadedFile) o).toList();
    }

    @Override
    public Object settled(Object value) {
        return coerce(items(value).stream().map(FileField::nameOf).toList());
    }

    @Override
    public Optional<ValidationError> validate(Object value) {
        List<Object> files = items(value);
        if (files.isEmpty()) {
            return required ? Optional.of(FieldSupport.required()) : Optional.empty();
        }
        int limit = Math.max(maxSelect, 1);
        if (files.size() > limit) {
            return Optional.of(FieldSupport.error("validation_too_many_files", "The maximum allowed files is {{.maxSelect}}",
                    Map.of("maxSelect", limit)));
        }
        for (UploadedFile upload : uploads(value)) {
            if (upload.name().isEmpty() || upload.name().length() > 150) {
                return Optional.of(FieldSupport.error("validation_length_out_of_range", "the length must be between {{.min}} and {{.max}}",
                        Map.of("min", 1, "max", 150)));
            }
            if (climbsOut(upload.originalName())) {
                return Optional.of(FieldSupport.error("validation_invalid_file_name",
                        "Failed to upload {{.file}} - a file name must not contain \"..\" path segments.",
                        Map.of("file", cut(upload.originalName(), 300))));
            }
            if (upload.size() > effectiveMaxSize()) {
                return Optional.of(FieldSupport.error("validation_file_size_limit",
                        "Failed to upload {{.file}} - the maximum allowed file size is {{.maxSize}} bytes.",
                        Map.of("file", cut(upload.originalName(), 300), "maxSize", effectiveMaxSize())));
            }
            List<String> allowed = mimeTypeList();
            if (!allowed.isEmpty()) {
                String detected = ContentTypes.detect(upload.head());
                if (allowed.stream().noneMatch(t -> ContentTypes.is(detected, t))) {
                    return Optional.of(new ValidationError("validation_invalid_mime_type",
                            "\"" + upload.name() + "\" mime type must be one of: " + String.join(", ", allowed) + "."));
                }
            }
            Optional<ValidationError> image = UploadedImages.check(upload);
            if (image.isPresent()) {
                return image;
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<ValidationError> validateChange(Object value, Object original) {
        List<String> before = storedNames(original);
        List<String> added = storedNames(value).stream().filter(n -> !before.contains(n)).map(n -> cut(n, 250)).toList();
        if (added.isEmpty()) {
            return Optional.empty();
        }
        // Go renders the list as [a b]
        return Optional.of(new ValidationError("validation_invalid_file", "Invalid new files: [" + String.join(" ", added) + "].",
                Map.of("invalidFiles", added)));
    }

    /**
     * Whether a client's file name tries a path traversal ({@code ../../etc/passwd}, {@code ..\boot.ini}).
     * PocketBase only drops the path from such a name; pb4j refuses the upload, so a probe gets a clear 400
     * instead of a stored file.
     */
    private static boolean climbsOut(String originalName) {
        for (String segment : originalName.split("[/\\\\]", -1)) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    @Override
    public Map<String, ValidationError> validateDefinition() {
        Map<String, ValidationError> errors = new LinkedHashMap<>(FieldSupport.commonErrors(this, help));
        range(errors, "maxSelect", maxSelect);
        range(errors, "maxSize", maxSize);
        List<String> sizes = thumbList();
        for (int i = 0; i < sizes.size(); i++) {
            String size = sizes.get(i);
            if (size.matches("0x0[tbf]?")) {
                errors.put("thumbs", FieldSupport.error("validation_not_in_invalid", "must not be in list", Map.of()));
                break;
            }
            if (!THUMB_SIZE.matcher(size).matches()) {
                errors.put("thumbs", FieldSupport.error("validation_match_invalid", "must be in a valid format", Map.of()));
                break;
            }
        }
        return errors;
    }

    private static void range(Map<String, ValidationError> errors, String key, long value) {
        if (value < 0) {
            errors.put(key, FieldSupport.error("validation_min_greater_equal_than_required", "must be no less than {{.threshold}}",
                    Map.of("threshold", 0)));
        } else if (value > MAX_SAFE_JSON_INT) {
            errors.put(key, FieldSupport.error("validation_max_less_equal_than_required", "must be no greater than {{.threshold}}",
                    Map.of("threshold", MAX_SAFE_JSON_INT)));
        }
    }

    @Override
    public boolean supports(Modifier modifier) {
        return modifier != Modifier.AUTOGENERATE;
    }

    @Override
    public Object modify(Modifier modifier, Object current, Object raw) {
        List<Object> existing = items(current);
        List<Object> submitted = items(raw);
        List<Object> result = new ArrayList<>();
        switch (modifier) {
            case APPEND -> {
                result.addAll(existing);
                result.addAll(submitted);
            }
            case PREPEND -> {
                result.addAll(submitted);
                result.addAll(existing);
            }
            case REMOVE -> {
                List<String> drop = submitted.stream().map(FileField::nameOf).toList();
                existing.stream().filter(o -> !drop.contains(nameOf(o))).forEach(result::add);
            }
            default -> throw new IllegalArgumentException("file fields do not support " + modifier);
        }
        return coerce(result);
    }
}
