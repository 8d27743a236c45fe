package io.pb4j.core.field;

/**
 * A field that accepts body-key modifiers: {@code name+} (add / append), {@code +name} (prepend),
 * {@code name-} (subtract / remove) and {@code name:autogenerate}.
 */
public interface ModifiableField extends Field {
    /** Body-key modifiers, as PocketBase spells them. */
    enum Modifier {
        /** {@code field+}: appends to the value (adds, for a number). */
        APPEND,
        /** {@code +field}: prepends to the value. */
        PREPEND,
        /** {@code field-}: removes from the value (subtracts, for a number). */
        REMOVE,
        /** {@code field:autogenerate}: generates the value. */
        AUTOGENERATE
    }

    /** Whether this field supports the modifier. */
    boolean supports(Modifier modifier);

    /** Applies the modifier with the submitted {@code raw} value to the {@code current} Java value. */
    Object modify(Modifier modifier, Object current, Object raw);
}
