package io.pb4j.core.field;

/**
 * A password field's value: the stored bcrypt {@code hash} and, within the request that set it, the {@code plain}
 * text (empty otherwise). The plain text is never stored and never serialized.
 */
public record PasswordValue(String hash, String plain) {
    /** No password. */
    public static final PasswordValue EMPTY = new PasswordValue("", "");

    @Override
    public String toString() {
        return "PasswordValue[hash=" + (hash.isEmpty() ? "" : "***") + "]";
    }
}
