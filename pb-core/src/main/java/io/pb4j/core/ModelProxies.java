package io.pb4j.core;

import io.pb4j.core.hook.Hook;
import java.util.Set;

/**
 * PocketBase's system handlers that turn model events into record and collection events
 * ({@code registerRecordHooks}, {@code registerCollectionHooks}): bound at priority -99 on each model hook, each runs
 * its record (or collection) hook with the model and continues the model chain from that hook's last link. Unbinding
 * one by its id detaches the record (or collection) hook from the model hook, as in PocketBase.
 */
final class ModelProxies {
    static final String RECORD_ID = "__pbRecordSystemHook__";
    static final String COLLECTION_ID = "__pbCollectionSystemHook__";
    private static final Set<String> IDS = Set.of(RECORD_ID, COLLECTION_ID);
    private static final int PRIORITY = -99;

    private ModelProxies() {
    }

    static void bind(PocketBase app, ModelHooks m, Hooks h, RecordHooks after) {
        record(app, m.modelValidate(), h.recordValidate());
        record(app, m.modelCreate(), h.recordCreate());
        record(app, m.modelCreateExecute(), h.recordCreateExecute());
        record(app, m.modelAfterCreateSuccess(), after.created());
        recordError(app, m.modelAfterCreateError(), h.recordAfterCreateError());
        record(app, m.modelUpdate(), h.recordUpdate());
        record(app, m.modelUpdateExecute(), h.recordUpdateExecute());
        record(app, m.modelAfterUpdateSuccess(), after.updated());
        recordError(app, m.modelAfterUpdateError(), h.recordAfterUpdateError());
        record(app, m.modelDelete(), h.recordDelete());
        record(app, m.modelDeleteExecute(), h.recordDeleteExecute());
        record(app, m.modelAfterDeleteSuccess(), after.deleted());
        recordError(app, m.modelAfterDeleteError(), h.recordAfterDeleteError());

        collection(app, m.modelValidate(), m.collectionValidate());
        collection(app, m.modelCreate(), m.collectionCreate());
        collection(app, m.modelCreateExecute(), m.collectionCreateExecute());
        collection(app, m.modelAfterCreateSuccess(), m.collectionAfterCreateSuccess());
        collectionError(app, m.modelAfterCreateError(), m.collectionAfterCreateError());
        collection(app, m.modelUpdate(), m.collectionUpdate());
        collection(app, m.modelUpdateExecute(), m.collectionUpdateExecute());
        collection(app, m.modelAfterUpdateSuccess(), m.collectionAfterUpdateSuccess());
        collectionError(app, m.modelAfterUpdateError(), m.collectionAfterUpdateError());
        collection(app, m.modelDelete(), m.collectionDelete());
        collection(app, m.modelDeleteExecute(), m.collectionDeleteExecute());
        collection(app, m.modelAfterDeleteSuccess(), m.collectionAfterDeleteSuccess());
        collectionError(app, m.modelAfterDeleteError(), m.collectionAfterDeleteError());
    }

    /** How many handlers of {@code hook} are not these system proxies. */
    static int userHandlers(Hook<?> hook) {
        int n = 0;
        for (Hook.Handler<?> handler : hook.handlers()) {
            if (!IDS.contains(handler.id())) {
                n++;
            }
        }
        return n;
    }

    private static void record(PocketBase app, Hook<ModelEvent> model, Hook<RecordEvent> target) {
        model.bind(RECORD_ID, PRIORITY, me -> {
            if (me.model() instanceof Record r) {
                target.trigger(new RecordEvent(app, r), re -> me.next());
            } else {
                me.next();
            }
        });
    }

    private static void recordError(PocketBase app, Hook<ModelErrorEvent> model, Hook<RecordErrorEvent> target) {
        model.bind(RECORD_ID, PRIORITY, me -> {
            if (me.model() instanceof Record r) {
                target.trigger(new RecordErrorEvent(app, r, me.error()), re -> me.next());
            } else {
                me.next();
            }
        });
    }

    private static void collection(PocketBase app, Hook<ModelEvent> model, Hook<CollectionEvent> target) {
        model.bind(COLLECTION_ID, PRIORITY, me -> {
            if (me.model() instanceof Collection c) {
                CollectionEvent ce = new CollectionEvent(app, c);
                target.trigger(ce, x -> {
                    // the collection handlers' replacement goes on with the model chain, and back
                    me.model(x.collection());
                    me.next();
                    x.collection((Collection) me.model());
                });
                me.model(ce.collection());
            } else {
                me.next();
            }
        });
    }

    private static void collectionError(PocketBase app, Hook<ModelErrorEvent> model, Hook<CollectionErrorEvent> target) {
        model.bind(COLLECTION_ID, PRIORITY, me -> {
            if (me.model() instanceof Collection c) {
                target.trigger(new CollectionErrorEvent(app, c, me.error()), x -> me.next());
            } else {
                me.next();
            }
        });
    }
}
