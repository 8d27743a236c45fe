package io.pb4j.core;

/**
 * One requester's access question about a record, for {@link PocketBase#canAccessRecord}: {@code request} is what
 * the collection rule sees as {@code @request.*}, {@code filter} an extra client filter ({@code ""} for none) that
 * the record must match too, with the client's rights (a non-superuser filter may not touch hidden fields,
 * {@code @collection.*} or {@code @request.*}).
 */
public record AccessCheck(RequestInfo request, String filter) {
}
