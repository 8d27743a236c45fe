package io.pb4j.core;

import io.pb4j.core.hook.HookEvent;
import io.pb4j.core.hook.Tagged;
import java.util.List;
import java.util.Objects;

/**
 * PocketBase's {@code ModelEvent}: the model hooks ({@code onModelValidate}, {@code onModelCreate},
 * {@code onModelCreateExecute}, {@code onModelAfterCreateSuccess} …), fired for every model the app saves or deletes:
 * a {@link Record} or a {@link Collection}. The record and collection hooks are proxied from these, as PocketBase
 * does: a system handler at priority -99 (id {@code __pbRecordSystemHook__} or {@code __pbCollectionSystemHook__})
 * runs the record or collection chain and continues the model chain from its last link, so a model handler bound
 * below -99 runs before the record handlers and one above after them.
 *
 * <p>Tagged as PocketBase tags models: a record with its collection's id and name, anything else with its table
 * ({@code _collections}). A handler may replace a collection model ({@link #model(Object)}); a record is changed in
 * place. The after-success event carries a copy of the record as it was written. Not thread-safe.
 */
public final class ModelEvent extends HookEvent implements Tagged {
    private final PocketBase app;
    private Object model;

    ModelEvent(PocketBase app, Object model) {
        this.app = app;
        this.model = Objects.requireNonNull(model, "model");
    }

    /** The app the event belongs to. */
    public PocketBase app() {
        return app;
    }

    /** The model: a {@link Record} or a {@link Collection}. */
    public Object model() {
        return model;
    }

    /** Replaces the model (of the same kind) that the rest of the chain and the default action work on. */
    public void model(Object model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /** The table the model is stored in: the record's collection name, or {@code _collections}. */
    public String tableName() {
        return tableName(model);
    }

    @Override
    public List<String> tags() {
        return tags(model);
    }

    static String tableName(Object model) {
        return model instanceof Record r ? r.collection().name() : "_collections";
    }

    static List<String> tags(Object model) {
        return model instanceof Record r ? List.of(r.collection().id(), r.collection().name()) : List.of(tableName(model));
    }
}
