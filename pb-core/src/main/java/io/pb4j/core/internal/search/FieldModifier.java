package io.pb4j.core.internal.search;

import io.pb4j.core.field.Field;
import java.util.Set;

/** Field-name modifiers ({@code name:each}) and the multi-value capabilities they depend on. */
final class FieldModifier {
    static final Set<String> KNOWN = Set.of("isset", "each", "length", "lower", "changed");

    private FieldModifier() {
    }

    record Split(String name, String modifier) {
    }

    /** {@code tags:each} → (tags, each); without exactly one {@code ':'} the whole text is the name. */
    static Split split(String prop) {
        String[] parts = prop.split(":", -1);
        if (parts.length != 2) {
            return new Split(prop, "");
        }
        if (!KNOWN.contains(parts[1])) {
            throw FilterException.format("unknown modifier in \"%s\"", prop);
        }
        return new Split(parts[0], parts[1]);
    }

    /** select, relation and file fields hold one or many values (PocketBase's MultiValuer). */
    static boolean isMultiValuer(Field field) {
        return switch (field.type()) {
            case "select", "relation", "file" -> true;
            default -> false;
        };
    }

    static boolean isMultiple(Field field) {
        return isMultiValuer(field) && field.toJson().getInt("maxSelect", 0) > 1;
    }
}
