package io.pb4j.http.internal.collections;

import io.pb4j.http.internal.QueryParams;
import io.pb4j.core.ApiException;
import io.pb4j.core.Collection;
import io.pb4j.core.CollectionsRequestEvent;
import jakarta.json.JsonObject;
import io.pb4j.core.router.RequestEvent;
import java.util.List;

/** {@code GET /api/collections}: PocketBase's list envelope over the collections. */
final class CollectionsList {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private CollectionsList() {
    }

    static void respond(RequestEvent e) {
        int page = Math.max(1, QueryParams.intParam(e, "page"));
        int perPage = QueryParams.intParam(e, "perPage");
        perPage = perPage <= 0 ? 30 : Math.min(perPage, 1000);
        List<Collection> all = e.app().collections(e.queryParam("filter"), e.queryParam("sort"));
        int from = (int) Math.min(all.size(), (page - 1L) * perPage);
        int to = Math.min(all.size(), from + perPage);
        boolean skipTotal = List.of("1", "t", "T", "TRUE", "true", "True").contains(e.queryParam("skipTotal"));
        JsonObject result = JSON.createObjectBuilder()
                .add("items", CollectionsApi.array(all.subList(from, to)))
                .add("page", page)
                .add("perPage", perPage)
                .add("totalItems", skipTotal ? -1 : all.size())
                .add("totalPages", skipTotal ? -1 : (all.size() + perPage - 1) / perPage)
                .build();
        e.app().onCollectionsListRequest().trigger(new CollectionsRequestEvent(e, result), ev -> e.json(200, ev.data()));
    }
}
