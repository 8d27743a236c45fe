package io.pb4j.http.internal.collections;

import io.pb4j.core.ApiException;
import io.pb4j.core.Collection;
import io.pb4j.core.CollectionRequestEvent;
import io.pb4j.core.ValidationException;
import io.pb4j.core.router.Middleware;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.router.Router;
import io.pb4j.core.spi.StoreException;
import io.pb4j.http.internal.records.RequestBody;
import io.pb4j.http.internal.Guards;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** PocketBase's collections API ({@code /api/collections}), superusers only. */
public final class CollectionsApi {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private CollectionsApi() {
    }

    public static void bind(Router router) {
        Middleware superuser = Guards.requireSuperuser();
        router.get("/api/collections", CollectionsApi::list).bind(superuser);
        router.get("/api/collections/meta/scaffolds", CollectionsApi::scaffolds).bind(superuser);
        router.post("/api/collections/meta/dry-run-view", ViewDryRunApi::dryRun).bind(superuser);
        router.put("/api/collections/import", CollectionsImportApi::importCollections).bind(superuser);
        router.post("/api/collections", CollectionsApi::create).bind(superuser);
        router.get("/api/collections/{collection}", CollectionsApi::view).bind(superuser);
        router.patch("/api/collections/{collection}", CollectionsApi::update).bind(superuser);
        router.delete("/api/collections/{collection}", CollectionsApi::delete).bind(superuser);
        router.delete("/api/collections/{collection}/truncate", CollectionsApi::truncate).bind(superuser);
    }

    private static Collection find(RequestEvent e) {
        return e.app().findCollection(e.pathParam("collection")).orElseThrow(ApiException::notFound);
    }

    private static void list(RequestEvent e) {
        CollectionsList.respond(e);
    }

    private static void scaffolds(RequestEvent e) {
        JsonObjectBuilder out = JSON.createObjectBuilder();
        Collection.scaffolds().forEach((type, c) -> out.add(type, c.toJson()));
        e.json(200, out.build());
    }

    private static void view(RequestEvent e) {
        e.app().hooks().collectionViewRequest().trigger(new CollectionRequestEvent(e, find(e)),
                ev -> e.json(200, ev.collection().toJson()));
    }

    private static void create(RequestEvent e) {
        JsonObject body = jsonBody(e);
        Collection c = Collection.fromJson(body, Optional.empty());
        e.app().hooks().collectionCreateRequest().trigger(new CollectionRequestEvent(e, c),
                ev -> e.json(200, save(e, ev.collection(), "Failed to create collection.").toJson()));
    }

    private static void update(RequestEvent e) {
        Collection existing = find(e);
        Collection c = Collection.fromJson(jsonBody(e), Optional.of(existing));
        e.app().hooks().collectionUpdateRequest().trigger(new CollectionRequestEvent(e, c),
                ev -> e.json(200, save(e, ev.collection(), "Failed to update collection.").toJson()));
    }

    private static Collection save(RequestEvent e, Collection c, String message) {
        try {
            return e.app().save(c);
        } catch (ValidationException ex) {
            throw ApiException.badRequest(message, ex.errors());
        } catch (StoreException ex) {
            throw ApiException.badRequest(message.substring(0, message.length() - 1) + ". Raw error: \n" + ex.getMessage());
        }
    }

    private static void delete(RequestEvent e) {
        e.app().hooks().collectionDeleteRequest().trigger(new CollectionRequestEvent(e, find(e)), ev -> {
            e.app().delete(ev.collection());
            e.noContent();
        });
    }

    private static void truncate(RequestEvent e) {
        Collection c = find(e);
        if (c.isView()) {
            throw ApiException.badRequest("View collections cannot be truncated since they don't store their own records.");
        }
        try {
            e.app().truncate(c);
        } catch (ApiException ex) {
            throw ApiException.badRequest("Failed to truncate collection (most likely due to required cascade delete record references).");
        }
        e.noContent();
    }

    private static JsonObject jsonBody(RequestEvent e) {
        Map<String, Object> body;
        try {
            body = RequestBody.read(e);
        } catch (ApiException ex) {
            throw ApiException.badRequest("Failed to load the collection type data due to invalid formatting.");
        }
        JsonObjectBuilder b = JSON.createObjectBuilder();
        body.forEach((k, v) -> b.add(k, v instanceof JsonValue j ? j : JSON.createValue(String.valueOf(v))));
        return b.build();
    }

    static JsonArrayBuilder array(List<Collection> items) {
        JsonArrayBuilder b = JSON.createArrayBuilder();
        items.forEach(c -> b.add(c.toJson()));
        return b;
    }
}
