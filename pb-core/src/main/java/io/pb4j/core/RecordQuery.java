package io.pb4j.core;

import java.util.List;

/**
 * A records search as the list endpoint runs it; {@code ids}, when not empty, restricts it to those records, and
 * {@code request} is what the rule and filter see as {@code @request.*}. {@code rule} is the collection rule to AND in ({@code ""} for
 * none), {@code filter} and {@code sort} are the client's expressions ({@code ""} for none); {@code clientFilter}
 * is true when filter and sort come from a non-superuser client, which may not touch hidden fields.
 */
public record RecordQuery(String rule, String filter, String sort, int page, int perPage, boolean skipTotal,
                          boolean clientFilter, List<String> ids, RequestInfo request) {
    /** PocketBase's default and maximum page sizes. */
    public static final int DEFAULT_PER_PAGE = 30;
    public static final int MAX_PER_PAGE = 1000;

    public RecordQuery {
        page = Math.max(page, 1);
        perPage = perPage <= 0 ? DEFAULT_PER_PAGE : Math.min(perPage, MAX_PER_PAGE);
        ids = List.copyOf(ids);
    }

    public RecordQuery(String rule, String filter, String sort, int page, int perPage, boolean skipTotal, boolean clientFilter) {
        this(rule, filter, sort, page, perPage, skipTotal, clientFilter, List.of(), RequestInfo.NONE);
    }

    /** The same search as seen by a request. */
    public RecordQuery withRequest(RequestInfo info) {
        return new RecordQuery(rule, filter, sort, page, perPage, skipTotal, clientFilter, ids, info);
    }

    /** The one record with this id, if {@code rule} lets it through. */
    public static RecordQuery byId(String rule, String id) {
        return byIds(rule, List.of(id));
    }

    /** Those of the records with these ids (at most 1000) that {@code rule} lets through. */
    public static RecordQuery byIds(String rule, List<String> ids) {
        return new RecordQuery(rule, "", "", 1, ids.size(), true, false, ids, RequestInfo.NONE);
    }
}
