package io.pb4j.core;

/**
 * A records search as the list endpoint runs it; {@code id}, when not empty, restricts it to one record, and
 * {@code request} is what the rule and filter see as {@code @request.*}. {@code rule} is the collection rule to AND in ({@code ""} for
 * none), {@code filter} and {@code sort} are the client's expressions ({@code ""} for none); {@code clientFilter}
 * is true when filter and sort come from a non-superuser client, which may not touch hidden fields.
 */
public record RecordQuery(String rule, String filter, String sort, int page, int perPage, boolean skipTotal,
                          boolean clientFilter, String id, RequestInfo request) {
    /** PocketBase's default and maximum page sizes. */
    public static final int DEFAULT_PER_PAGE = 30;
    public static final int MAX_PER_PAGE = 1000;

    public RecordQuery {
        page = Math.max(page, 1);
        perPage = perPage <= 0 ? DEFAULT_PER_PAGE : Math.min(perPage, MAX_PER_PAGE);
    }

    public RecordQuery(String rule, String filter, String sort, int page, int perPage, boolean skipTotal, boolean clientFilter) {
        this(rule, filter, sort, page, perPage, skipTotal, clientFilter, "", RequestInfo.NONE);
    }

    /** The same search as seen by a request. */
    public RecordQuery withRequest(RequestInfo info) {
        return new RecordQuery(rule, filter, sort, page, perPage, skipTotal, clientFilter, id, info);
    }

    /** The one record with this id, if {@code rule} lets it through. */
    public static RecordQuery byId(String rule, String id) {
        return new RecordQuery(rule, "", "", 1, 1, true, false, id, RequestInfo.NONE);
    }
}
