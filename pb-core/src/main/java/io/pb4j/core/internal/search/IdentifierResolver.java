package io.pb4j.core.internal.search;

import java.util.List;

/**
 * Turns identifiers of a filter or sort ({@code title}, {@code author.name}, {@code @request.auth.id}) into SQL.
 * One resolver serves one query: it remembers the joins its identifiers need, which the query builder adds via
 * {@link #joins()}. Not thread-safe.
 *
 * <p>Macros ({@code @now}…) and the {@code null}/{@code true}/{@code false} keywords are handled by the compiler;
 * the keywords are used only when the resolver fails for them.
 */
public interface IdentifierResolver {
    /**
     * Resolves one identifier (modifiers included, e.g. {@code tags:each}).
     *
     * @throws FilterException when the identifier is unknown or not allowed, with the reason as message
     */
    ResolvedOperand resolve(String identifier);

    /** The alias of the queried table; {@code @rowid} sorting is qualified with it. */
    String tableAlias();

    /** The joins registered so far, in registration order, one per alias. */
    List<SqlJoin> joins();
}
