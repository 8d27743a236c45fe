package io.pb4j.core;

import io.pb4j.core.hook.Hook;
import io.pb4j.core.internal.RecordSaver;
import io.pb4j.core.internal.TransactionEffects;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * PocketBase's model write chain ({@code core/db.go}), run inside the caller's transaction for every record and
 * collection write: {@code onModelCreate} (or Update), whose default action runs {@code onModelValidate} (skipped by
 * saveNoValidate) and then {@code onModelCreateExecute}, whose default action writes; {@code onModelDelete} and
 * {@code onModelDeleteExecute} likewise. The record and collection hooks run inside these ({@link ModelProxies}).
 *
 * <p>After the write's outermost transaction: {@code onModelAfterCreateSuccess} once it committed, or
 * {@code onModelAfterCreateError} with the failure when it rolled back; a write that failed itself fires the error hook
 * once its transaction ended, however it ended, and the failure still reaches the caller. A failing after-handler is
 * logged. Nobody listening after the write (no handler but the proxies): no copy, no effect.
 */
final class ModelChain {
    private final PocketBase app;
    private final ModelHooks m;
    /** Each after-hook's proxied record hook and collection hook. */
    private final Map<Hook<?>, List<Hook<?>>> proxied = new IdentityHashMap<>();

    ModelChain(PocketBase app, ModelHooks m, Hooks h, RecordHooks after) {
        this.app = app;
        this.m = m;
        proxied.put(m.modelAfterCreateSuccess(), List.of(after.created(), m.collectionAfterCreateSuccess()));
        proxied.put(m.modelAfterUpdateSuccess(), List.of(after.updated(), m.collectionAfterUpdateSuccess()));
        proxied.put(m.modelAfterDeleteSuccess(), List.of(after.deleted(), m.collectionAfterDeleteSuccess()));
        proxied.put(m.modelAfterCreateError(), List.of(h.recordAfterCreateError(), m.collectionAfterCreateError()));
        proxied.put(m.modelAfterUpdateError(), List.of(h.recordAfterUpdateError(), m.collectionAfterUpdateError()));
        proxied.put(m.modelAfterDeleteError(), List.of(h.recordAfterDeleteError(), m.collectionAfterDeleteError()));
    }

    /**
     * Creates ({@code isNew}) or updates {@code model}: {@code validation} runs as onModelValidate's default action
     * (with {@code validate}) or just before the Execute hook (without), {@code execution} as the Execute hook's.
     * Both read the model from the event, which collection handlers may replace. Returns the model as written.
     */
    Object save(Object model, boolean isNew, boolean validate, Consumer<ModelEvent> validation, Consumer<ModelEvent> execution) {
        ModelEvent event = new ModelEvent(app, model);
        Hook<ModelEvent> execute = isNew ? m.modelCreateExecute() : m.modelUpdateExecute();
        Hook<ModelErrorEvent> error = isNew ? m.modelAfterCreateError() : m.modelAfterUpdateError();
        try {
            (isNew ? m.modelCreate() : m.modelUpdate()).trigger(event, e -> {
                if (validate) {
                    ModelEvent v = new ModelEvent(app, e.model());
                    m.modelValidate().trigger(v, validation::accept);
                    e.model(v.model());
                } else {
                    validation.accept(e);
                }
                execute.trigger(e, execution::accept);
            });
        } catch (RuntimeException failure) {
            failed(error, event.model(), failure);
            throw failure;
        }
        written(event.model(), isNew ? m.modelAfterCreateSuccess() : m.modelAfterUpdateSuccess(), error);
        return event.model();
    }

    /** Deletes {@code model}: {@code execution} runs as onModelDeleteExecute's default action. */
    void delete(Object model, Consumer<ModelEvent> execution) {
        ModelEvent event = new ModelEvent(app, model);
        try {
            m.modelDelete().trigger(event, e -> m.modelDeleteExecute().trigger(e, execution::accept));
        } catch (RuntimeException failure) {
            failed(m.modelAfterDeleteError(), event.model(), failure);
            throw failure;
        }
        written(event.model(), m.modelAfterDeleteSuccess(), m.modelAfterDeleteError());
    }

    /** PocketBase's {@code app.Validate(model)}: onModelValidate with {@code validation} as its default action. */
    Object validate(Object model, Consumer<ModelEvent> validation) {
        ModelEvent v = new ModelEvent(app, model);
        m.modelValidate().trigger(v, validation::accept);
        return v.model();
    }

    private void written(Object model, Hook<ModelEvent> success, Hook<ModelErrorEvent> error) {
        if (model instanceof Record r) {
            // inside the transaction: the other nodes hear of the write only if it commits
            app.cluster().written(success == m.modelAfterCreateSuccess() ? "create"
                    : success == m.modelAfterDeleteSuccess() ? "delete" : "update", r);
        }
        boolean onSuccess = listened(success, model);
        boolean onError = listened(error, model);
        if (onSuccess) {
            // a copy as written: later changes of the caller's record do not show through
            Object copy = model instanceof Record r ? Record.fromRow(r.collection(), RecordSaver.columnValues(r)) : model;
            TransactionEffects.afterCommit(() -> success.trigger(new ModelEvent(app, copy)));
        }
        if (onError) {
            TransactionEffects.afterRollback(failure -> error.trigger(new ModelErrorEvent(app, model, failure)));
        }
    }

    private void failed(Hook<ModelErrorEvent> error, Object model, RuntimeException failure) {
        if (listened(error, model)) {
            TransactionEffects.afterEnd(() -> error.trigger(new ModelErrorEvent(app, model, failure)));
        }
    }

    /** Whether anyone but the proxies listens on {@code hook}, or on the record or collection hook it proxies. */
    private boolean listened(Hook<?> hook, Object model) {
        return ModelProxies.userHandlers(hook) > 0 || proxied.get(hook).get(model instanceof Record ? 0 : 1).length() > 0;
    }
}
