package io.pb4j.core.field;

import io.pb4j.core.ValidationError;
import io.pb4j.core.internal.Cast;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * PocketBase's {@code url} field. {@code exceptDomains} and {@code onlyDomains} are mutually exclusive; an unset
 * list (empty {@code Optional}) is written as {@code null}.
 */
public record UrlField(String id, String name, boolean system, boolean hidden, boolean presentable, String help,
        Optional<List<String>> exceptDomains, Optional<List<String>> onlyDomains, boolean required) implements StringValuedField {
    /** The type name in PocketBase's JSON. */
    public static final String TYPE = "url";

    /** A builder of a {@code url} field named {@code name}; see {@link FieldBuilder}. */
    public static FieldBuilders.Url builder(String name) {
        return new FieldBuilders.Url(name);
    }

    /** Creates the value from its components. */
    public UrlField {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(help, "help");
        exceptDomains = exceptDomains.map(List::copyOf);
        onlyDomains = onlyDomains.map(List::copyOf);
    }

    /** Reads a definition; missing options take their zero values. */
    public static UrlField fromJson(JsonObject json) {
        return new UrlField(Definitions.str(json, "id"), Definitions.str(json, "name"),
                Definitions.bool(json, "system"), Definitions.bool(json, "hidden"),
                Definitions.bool(json, "presentable"), Definitions.str(json, "help"),
                Definitions.strings(json, "exceptDomains"), Definitions.strings(json, "onlyDomains"),
                Definitions.bool(json, "required"));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject toJson() {
        return Definitions.write(this, help, Map.of("exceptDomains", Definitions.nullable(exceptDomains),
                "onlyDomains", Definitions.nullable(onlyDomains), "required", required));
    }

    @Override
    public Optional<ValidationError> validate(Object value) {
        String v = coerce(value);
        if (v.isEmpty()) {
            return required ? Optional.of(Errors.required()) : Optional.empty();
        }
        if (Domains.url(v).isEmpty()) {
            return Optional.of(Errors.of("validation_invalid_url", "Must be a valid url"));
        }
        // exact host string compare, port included, as PocketBase does
        String domain = Domains.host(v);
        List<String> only = onlyDomains.orElse(List.of());
        List<String> except = exceptDomains.orElse(List.of());
        if ((!only.isEmpty() && !only.contains(domain)) || except.contains(domain)) {
            return Optional.of(Errors.of("validation_url_domain_not_allowed", "Url domain is not allowed"));
        }
        return Optional.empty();
    }

    @Override
    public Map<String, ValidationError> validateDefinition() {
        Map<String, ValidationError> errors = Definitions.common(this, help);
        Domains.checkOptions(errors, exceptDomains, onlyDomains);
        return errors;
    }
}
