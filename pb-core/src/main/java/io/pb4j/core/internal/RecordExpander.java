package io.pb4j.core.internal;

import io.pb4j.core.Collection;
import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import io.pb4j.core.RecordQuery;
import io.pb4j.core.RequestInfo;
import io.pb4j.core.field.Field;
import io.pb4j.core.field.RelationField;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PocketBase's {@code expand} query parameter: each comma-separated path (nested with dots, at most 6 levels) of
 * relation fields or back-relations ({@code <collection>_via_<field>}) is fetched through the related collection's
 * viewRule and placed under the record's {@code expand} key. A path that fails (unknown field, locked viewRule) is
 * skipped; when every path fails the key is absent. Records are exported as the requester in {@link RequestInfo} may
 * see them: hidden fields for superusers only; an auth record's email for superusers, its owner, the records the
 * requester manages (the collection's manageRule) and where {@code emailVisibility} is on. One expander per request;
 * not thread-safe.
 */
public final class RecordExpander {
    /** Not {@code jakarta.json.Json}, whose static methods look the provider up on every call (~2 µs each). */
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.internal.Json.PROVIDER;

    private static final int MAX_DEPTH = 6;
    private static final int MAX_IDS_PER_QUERY = 1000;
    /** PocketBase expands at most this many back-related records per record. */
    private static final int MAX_BACK_RELATED = 1000;
    private static final Pattern VIA = Pattern.compile("^(\\w+)_via_(\\w+)$");
    private static final Pattern LEGACY_VIA = Pattern.compile("^(\\w+)\\((\\w+)\\)$");

    private final PocketBase app;
    private final RequestInfo info;
    private final boolean superuser;
    /** Ids of the auth records the requester manages, filled per batch of exported records. */
    private final Set<String> managed = new HashSet<>();
    private final Enrich enrich;

    /**
     * The app's {@code onRecordEnrich} as the expander calls it: {@link #active()} when handlers listen (the records
     * are then exported from copies the handlers may change), and {@link #run} fires the hook for each record,
     * answering whether every chain went through to its end.
     */
    public interface Enrich {
        Enrich NONE = new Enrich() {
            @Override
            public boolean active() {
                return false;
            }

            @Override
            public boolean run(List<Record> records, RequestInfo info) {
                return true;
            }
        };

        boolean active();

        boolean run(List<Record> records, RequestInfo info);
    }

    public RecordExpander(PocketBase app, RequestInfo info) {
        this(app, info, Enrich.NONE);
    }

    public RecordExpander(PocketBase app, RequestInfo info, Enrich enrich) {
        this.app = app;
        this.info = info;
        this.superuser = info.auth().map(a -> a.collection().isSuperusers()).orElse(false);
        this.enrich = enrich;
    }

    /** The records (of one collection) exported, with the relations that {@code expand} names. */
    public List<JsonObject> export(List<Record> given, String expand) {
        List<Record> records = given;
        List<String> paths = normalize(expand);
        if (enrich.active()) {
            // the handlers change the answer's own copies: a record shared by several answers (realtime) stays as it is
            records = given.stream().map(Record::copy).toList();
            if (!enrich.run(records, info)) {
                paths = List.of();
            }
        }
        Map<Record, Map<String, JsonValue>> expansions = new IdentityHashMap<>();
        boolean any = false;
        if (!records.isEmpty()) {
            Collection c = records.getFirst().collection();
            for (String path : paths) {
                List<String> segments = List.of(path.split("\\."));
                Optional<Map<Record, JsonValue>> done = expandPath(c, records, segments.subList(0, Math.min(MAX_DEPTH, segments.size())));
                if (done.isEmpty()) {
                    continue;
                }
                any = true;
                String key = segments.getFirst();
                done.get().forEach((r, v) -> expansions.computeIfAbsent(r, x -> new TreeMap<>()).merge(key, v, RecordExpander::merge));
            }
        }
        List<JsonObject> out = new ArrayList<>();
        resolveManaged(records);
        for (Record r : records) {
            JsonObject json = exportOne(r);
            if (any) {
                json = withExpand(json, expansions.getOrDefault(r, Map.of()));
            }
            out.add(json);
        }
        return out;
    }

    private static final Pattern SPACES = Pattern.compile("\\s");
    private static final Pattern OUTER_DOTS = Pattern.compile("^\\.+|\\.+$");

    /** PocketBase's normalizeExpands: no spaces, no outer dots, no duplicates, prefixes of longer paths dropped. */
    static List<String> normalize(String param) {
        if (param.isBlank()) {
            return List.of(); // most requests: no regex work at all
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String raw : param.split(",")) {
            String p = OUTER_DOTS.matcher(SPACES.matcher(raw).replaceAll("")).replaceAll("");
            if (!p.isEmpty()) {
                unique.add(p);
            }
        }
        List<String> out = new ArrayList<>();
        for (String p : unique) {
            boolean prefix = unique.stream().anyMatch(o -> !o.equals(p) && o.startsWith(p + "."));
            if (!prefix) {
                out.add(p);
            }
        }
        return out;
    }

    /** The expanded value of {@code segments.get(0)} per record (absent when nothing matched), or empty on failure. */
    private Optional<Map<Record, JsonValue>> expandPath(Collection c, List<Record> records, List<String> segments) {
        String segment = segments.getFirst();
        Matcher legacy = LEGACY_VIA.matcher(segment);
        String name = legacy.matches() ? legacy.group(1) + "_via_" + legacy.group(2) : segment;
        Optional<Relation> relation = resolve(c, name);
        if (relation.isEmpty()) {
            return Optional.empty();
        }
        Relation rel = relation.get();
        Optional<String> rule = superuser ? Optional.of("") : rel.target().viewRule();
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        List<Record> related;
        try {
            related = rel.back() ? fetchBack(rel, records, rule.get()) : fetchForward(rel, records, rule.get());
        } catch (RuntimeException ex) {
            return Optional.empty();
        }
        enrich.run(related, expandInfo());
        Map<Record, JsonObject> relatedJson = new IdentityHashMap<>();
        Map<Record, JsonValue> nested = Map.of();
        if (segments.size() > 1 && !related.isEmpty()) {
            Optional<Map<Record, JsonValue>> deeper = expandPath(rel.target(), related, segments.subList(1, segments.size()));
            if (deeper.isEmpty()) {
                return Optional.empty();
            }
            nested = deeper.get();
        }
        resolveManaged(related);
        for (Record r : related) {
            JsonObject json = exportOne(r);
            if (segments.size() > 1) {
                Map<String, JsonValue> inner = new TreeMap<>();
                Optional.ofNullable(nested.get(r)).ifPresent(v -> inner.put(segments.get(1), v));
                json = withExpand(json, inner);
            }
            relatedJson.put(r, json);
        }
        Map<Record, JsonValue> out = new IdentityHashMap<>();
        for (Record parent : records) {
            if (rel.back()) {
                JsonArrayBuilder items = JSON.createArrayBuilder();
                int n = 0;
                for (Record r : related) {
                    if (n < MAX_BACK_RELATED && rel.field().ids(r.values().get(rel.field().name())).contains(parent.id())) {
                        items.add(relatedJson.get(r));
                        n++;
                    }
                }
                if (n > 0) {
                    JsonArray array = items.build();
                    out.put(parent, rel.single() ? array.getFirst() : array);
                }
                continue;
            }
            Map<String, JsonObject> byId = new LinkedHashMap<>();
            for (Record r : related) {
                byId.put(r.id(), relatedJson.get(r));
            }
            List<JsonObject> found = rel.field().ids(parent.values().get(rel.field().name())).stream()
                    .map(byId::get).filter(j -> j != null).toList();
            if (found.isEmpty()) {
                continue;
            }
            out.put(parent, rel.field().isMultiple() ? JSON.createArrayBuilder(found).build() : found.getLast());
        }
        return Optional.of(out);
    }

    /** A relation field of {@code c}, or a back-relation {@code <collection>_via_<field>} pointing to {@code c}. */
    private Optional<Relation> resolve(Collection c, String name) {
        Optional<Field> field = c.field(name);
        if (field.isPresent()) {
            if (!(field.get() instanceof RelationField relation)) {
                return Optional.empty();
            }
            return app.findCollection(relation.collectionId()).map(t -> new Relation(t, relation, false, false));
        }
        Matcher via = VIA.matcher(name);
        if (!via.matches()) {
            return Optional.empty();
        }
        Optional<Collection> back = app.findCollection(via.group(1));
        if (back.isEmpty() || !(back.get().field(via.group(2)).orElse(null) instanceof RelationField relation)
                || !relation.collectionId().equals(c.id())) {
            return Optional.empty();
        }
        boolean single = !relation.isMultiple() && hasSingleColumnUniqueIndex(back.get(), relation.name());
        return Optional.of(new Relation(back.get(), relation, true, single));
    }

    private List<Record> fetchForward(Relation rel, List<Record> records, String rule) {
        Set<String> ids = new LinkedHashSet<>();
        for (Record r : records) {
            ids.addAll(rel.field().ids(r.values().get(rel.field().name())));
        }
        List<String> all = List.copyOf(ids);
        List<Record> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += MAX_IDS_PER_QUERY) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + MAX_IDS_PER_QUERY));
            out.addAll(app.search(rel.target(), RecordQuery.byIds(rule, chunk).withRequest(expandInfo())).items());
        }
        return out;
    }

    /** Records of the back collection whose field holds one of the parents' ids (ids are matched as bound values). */
    private List<Record> fetchBack(Relation rel, List<Record> records, String rule) {
        List<Record> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<String> parents = records.stream().map(Record::id).filter(id -> !id.contains("'") && !id.contains("\\")).toList();
        for (int i = 0; i < parents.size(); i += 50) {
            List<String> chunk = parents.subList(i, Math.min(parents.size(), i + 50));
            String operand = rel.field().isMultiple() ? rel.field().name() + ":each ?= '" : rel.field().name() + " = '";
            String filter = String.join(" || ", chunk.stream().map(id -> operand + id + "'").toList());
            List<Record> page;
            int pageNo = 0;
            do { // every page: 50 parents may have more than one page of back-related records between them
                RecordQuery q = RecordQuery.builder().rule(rule).filter(filter).page(++pageNo).perPage(RecordQuery.MAX_PER_PAGE)
                        .skipTotal(true).request(expandInfo()).build();
                page = app.search(rel.target(), q).items();
                for (Record r : page) {
                    if (seen.add(r.id())) {
                        out.add(r);
                    }
                }
            } while (page.size() == RecordQuery.MAX_PER_PAGE);
        }
        return out;
    }

    /** The viewRules of expanded collections see {@code @request.context} as {@code "expand"}. */
    private RequestInfo expandInfo() {
        return new RequestInfo(info.auth(), info.method(), info.query(), info.headers(), info.body(), "expand");
    }

    private JsonObject exportOne(Record r) {
        boolean own = info.auth().map(a -> a.collection().id().equals(r.collection().id()) && a.id().equals(r.id())).orElse(false);
        return r.publicExport(superuser, superuser || own || managed.contains(r.collection().id() + "/" + r.id()));
    }

    /** Adds the records among {@code records} (of one collection) that the requester manages, in one query. */
    private void resolveManaged(List<Record> records) {
        if (records.isEmpty() || superuser || info.auth().isEmpty()) {
            return;
        }
        Collection c = records.getFirst().collection();
        if (!c.isAuth() || !(c.options().get("manageRule") instanceof JsonString rule) || rule.getString().isBlank()) {
            return;
        }
        List<String> ids = records.stream().map(Record::id).distinct().toList();
        for (int i = 0; i < ids.size(); i += MAX_IDS_PER_QUERY) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + MAX_IDS_PER_QUERY));
            for (Record r : app.search(c, RecordQuery.byIds(rule.getString(), chunk).withRequest(info)).items()) {
                managed.add(c.id() + "/" + r.id());
            }
        }
    }

    private static boolean hasSingleColumnUniqueIndex(Collection c, String column) {
        return IndexSql.findSingleColumnUnique(c.indexes(), column).isPresent();
    }

    /** The record JSON with an {@code expand} key, keys kept sorted as PocketBase (Go maps) writes them. */
    private static JsonObject withExpand(JsonObject json, Map<String, JsonValue> expand) {
        Map<String, JsonValue> sorted = new TreeMap<>(json);
        JsonValue existing = sorted.get("expand");
        JsonObject add = JSON.createObjectBuilder(new TreeMap<String, Object>(expand)).build();
        sorted.put("expand", existing instanceof JsonObject old ? merge(old, add) : add);
        return JSON.createObjectBuilder(new LinkedHashMap<String, Object>(sorted)).build();
    }

    /** Two expansions of the same relation ({@code a.b} and {@code a.c}): the same records, their expands merged. */
    private static JsonValue merge(JsonValue a, JsonValue b) {
        if (a instanceof JsonObject x && b instanceof JsonObject y) {
            Map<String, JsonValue> out = new TreeMap<>(x);
            y.forEach((k, v) -> out.merge(k, v, (p, q) -> "expand".equals(k) ? merge(p, q) : q));
            return JSON.createObjectBuilder(new LinkedHashMap<String, Object>(out)).build();
        }
        if (a instanceof JsonArray x && b instanceof JsonArray y && x.size() == y.size()) {
            JsonArrayBuilder out = JSON.createArrayBuilder();
            for (int i = 0; i < x.size(); i++) {
                out.add(merge(x.get(i), y.get(i)));
            }
            return out.build();
        }
        return b;
    }

    private record Relation(Collection target, RelationField field, boolean back, boolean single) {
    }
}
