package io.pb4j.core.internal.search;

/** How {@code =}/{@code !=} treat NULL versus {@code ''} for an operand (PocketBase's NullFallbackPreference). */
public enum NullFallback {
    /** NULL and {@code ''} are equal; empty literals and bound values are recognised. */
    AUTO,
    /** Compare with {@code IS}/{@code IS NOT} and no fallback (JSON values, {@code geoDistance}). */
    DISABLED,
    /** Always fall back, even against a non-empty literal ({@code strftime} results may be NULL). */
    ENFORCED
}
