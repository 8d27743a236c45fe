package io.pb4j.js.internal;

import io.pb4j.core.Collection;
import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.graalvm.polyglot.Value;

/**
 * PocketBase's {@code $app.recordQuery(collection)}: dbx's select builder over the collection's table whose
 * {@code all(arrayOf(new Record))} and {@code one()} give records (loaded by id, in the query's order), as
 * {@code $app.findAllRecords(collection, ...exprs)} does.
 */
public final class RecordSelect extends JsDb.Select {
    private final PocketBase app;
    private final Collection collection;

    RecordSelect(PocketBase app, Collection collection) {
        super(app.db(), List.of(Dbx.quoteColumn(collection.name()) + ".\"id\""));
        this.app = app;
        this.collection = collection;
        from(collection.name());
    }

    /** The matching records, in the query's order. */
    List<Record> records() {
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> row : build().rows()) {
            ids.add(String.valueOf(row.get("id")));
        }
        Map<String, Record> byId = new HashMap<>();
        for (Record r : app.findRecordsByIds(collection.id(), ids)) {
            byId.put(r.id(), r);
        }
        List<Record> out = new ArrayList<>();
        for (String id : ids) {
            Record r = byId.get(id);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    @Override
    public void all(Value target) {
        for (Record r : records()) {
            target.setArrayElement(target.getArraySize(), new GoView(r));
        }
    }

    /** PocketBase fills a record model; pb4j's records are bound to their collection, so this returns the record. */
    @Override
    public void one(Value target) {
        throw new UnsupportedOperationException("recordQuery(...).one(model) is not supported in pb4j: use .all(arrayOf(new Record)) with .limit(1), or oneRecord()");
    }

    /** The first matching record; throws as PocketBase's finders when there is none. */
    public Record oneRecord() {
        limit(1);
        List<Record> found = records();
        if (found.isEmpty()) {
            throw new NoSuchElementException("sql: no rows in result set");
        }
        return found.getFirst();
    }

    /** Every matching record, as an array. */
    public List<Record> allRecords() {
        return records();
    }
}
