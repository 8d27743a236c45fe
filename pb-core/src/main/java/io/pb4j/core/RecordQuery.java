package io.pb4j.core;

import java.util.List;

/**
 * A records search as the list endpoint runs it ({@link PocketBase#search}); build one with {@link #builder()}:
 *
 * <pre>{@code
 * RecordPage page = app.search(posts, RecordQuery.builder().filter("status = 'open'").sort("-created").perPage(50)
 *         .skipTotal(true).build());
 * }</pre>
 *
 * @param rule the collection rule to AND in ({@code ""} for none)
 * @param filter the filter expression ({@code ""} for none)
 * @param sort the sort expression ({@code ""} for none)
 * @param page the 1-based page (values below 1 mean 1)
 * @param perPage the page size (0 or less: {@value #DEFAULT_PER_PAGE}; capped at {@value #MAX_PER_PAGE})
 * @param skipTotal skip counting the matching records (the page's {@code totalItems} and {@code totalPages} are -1)
 * @param clientFilter filter and sort come from a non-superuser client, so they may not touch hidden fields
 * @param ids when not empty, only those records are searched
 * @param request what the rule and filter see as {@code @request.*}
 */
public record RecordQuery(String rule, String filter, String sort, int page, int perPage, boolean skipTotal,
                          boolean clientFilter, List<String> ids, RequestInfo request) {
    /** PocketBase's default page size. */
    public static final int DEFAULT_PER_PAGE = 30;
    /** PocketBase's largest page size. */
    public static final int MAX_PER_PAGE = 1000;

    /** Creates the value from its components. */
    public RecordQuery {
        page = Math.max(page, 1);
        perPage = perPage <= 0 ? DEFAULT_PER_PAGE : Math.min(perPage, MAX_PER_PAGE);
        ids = List.copyOf(ids);
    }

    /** A search of everything, page 1 of {@value #DEFAULT_PER_PAGE}, with the total counted, as a superuser's. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this search's values. */
    public Builder toBuilder() {
        return new Builder().rule(rule).filter(filter).sort(sort).page(page).perPage(perPage).skipTotal(skipTotal)
                .clientFilter(clientFilter).ids(ids).request(request);
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
        return builder().rule(rule).perPage(ids.size()).skipTotal(true).ids(ids).build();
    }

    /** Collects a {@link RecordQuery} by named options; not thread-safe. */
    public static final class Builder {
        private String rule = "";
        private String filter = "";
        private String sort = "";
        private int page = 1;
        private int perPage = DEFAULT_PER_PAGE;
        private boolean skipTotal;
        private boolean clientFilter;
        private List<String> ids = List.of();
        private RequestInfo request = RequestInfo.NONE;

        private Builder() {
        }

        /** The collection rule to AND in ({@code ""}: none). */
        public Builder rule(String rule) {
            this.rule = rule;
            return this;
        }

        /** The filter expression ({@code ""}: none). */
        public Builder filter(String filter) {
            this.filter = filter;
            return this;
        }

        /** The sort expression ({@code ""}: none). */
        public Builder sort(String sort) {
            this.sort = sort;
            return this;
        }

        /** The 1-based page. */
        public Builder page(int page) {
            this.page = page;
            return this;
        }

        /** The page size. */
        public Builder perPage(int perPage) {
            this.perPage = perPage;
            return this;
        }

        /** Skip counting the matching records. */
        public Builder skipTotal(boolean skipTotal) {
            this.skipTotal = skipTotal;
            return this;
        }

        /** Filter and sort come from a non-superuser client: hidden fields are refused in them. */
        public Builder clientFilter(boolean clientFilter) {
            this.clientFilter = clientFilter;
            return this;
        }

        /** Search only these records. */
        public Builder ids(List<String> ids) {
            this.ids = ids;
            return this;
        }

        /** What the rule and filter see as {@code @request.*}. */
        public Builder request(RequestInfo request) {
            this.request = request;
            return this;
        }

        /** The search. */
        public RecordQuery build() {
            return new RecordQuery(rule, filter, sort, page, perPage, skipTotal, clientFilter, ids, request);
        }
    }
}
