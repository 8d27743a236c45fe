package io.pb4j.core;

import io.pb4j.core.hook.HookEvent;
import io.pb4j.core.hook.Tagged;
import java.util.List;
import java.util.Objects;

/**
 * PocketBase's {@code RecordEnrichEvent}, {@code onRecordEnrich}: fired for every record before the API writes it —
 * the records of a list, view, create or update answer, the record of an auth answer, every expanded relation and
 * every realtime message — with the request it is written for. A handler changes what is sent through the record:
 * {@code e.record().hide("field")}, {@code unhide(…)}, or {@code withCustomData(true).set("extra", value)}; the
 * record is the answer's own copy, so the change reaches only this answer. A handler that does not call
 * {@code next()} stops the enrichment of the remaining records of the call (they go out without their expansions).
 * Tagged with the collection's id and name. Not thread-safe.
 */
public final class RecordEnrichEvent extends HookEvent implements Tagged {
    private final PocketBase app;
    private final Record record;
    private final RequestInfo requestInfo;

    RecordEnrichEvent(PocketBase app, Record record, RequestInfo requestInfo) {
        this.app = app;
        this.record = Objects.requireNonNull(record, "record");
        this.requestInfo = Objects.requireNonNull(requestInfo, "requestInfo");
    }

    /** The app the event belongs to. */
    public PocketBase app() {
        return app;
    }

    /** The record about to be written; changes to its visibility and custom data show in the answer. */
    public Record record() {
        return record;
    }

    /** The request the record is written for (its auth, query, headers, {@code context()}: e.g. {@code "expand"}). */
    public RequestInfo requestInfo() {
        return requestInfo;
    }

    @Override
    public List<String> tags() {
        return List.of(record.collection().id(), record.collection().name());
    }
}
