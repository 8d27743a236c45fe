package io.pb4j.core;

import io.pb4j.core.hook.Hook;
import io.pb4j.core.hook.TaggedHook;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PocketBase's model and collection hooks ({@code onModel*}, {@code onCollection*}), the part of the catalogue that
 * {@link Hooks} does not hold: the model chain fires for every record and collection write ({@link ModelEvent}), and
 * {@link ModelProxies} binds the system handlers that run the record and collection chains from it. Thread-safe.
 */
public final class ModelHooks {
    private final Hook<ModelEvent> modelValidate = new Hook<>();
    private final Hook<ModelEvent> modelCreate = new Hook<>();
    private final Hook<ModelEvent> modelCreateExecute = new Hook<>();
    private final Hook<ModelEvent> modelAfterCreateSuccess = new Hook<>();
    private final Hook<ModelErrorEvent> modelAfterCreateError = new Hook<>();
    private final Hook<ModelEvent> modelUpdate = new Hook<>();
    private final Hook<ModelEvent> modelUpdateExecute = new Hook<>();
    private final Hook<ModelEvent> modelAfterUpdateSuccess = new Hook<>();
    private final Hook<ModelErrorEvent> modelAfterUpdateError = new Hook<>();
    private final Hook<ModelEvent> modelDelete = new Hook<>();
    private final Hook<ModelEvent> modelDeleteExecute = new Hook<>();
    private final Hook<ModelEvent> modelAfterDeleteSuccess = new Hook<>();
    private final Hook<ModelErrorEvent> modelAfterDeleteError = new Hook<>();
    private final Hook<CollectionEvent> collectionValidate = new Hook<>();
    private final Hook<CollectionEvent> collectionCreate = new Hook<>();
    private final Hook<CollectionEvent> collectionCreateExecute = new Hook<>();
    private final Hook<CollectionEvent> collectionAfterCreateSuccess = new Hook<>();
    private final Hook<CollectionErrorEvent> collectionAfterCreateError = new Hook<>();
    private final Hook<CollectionEvent> collectionUpdate = new Hook<>();
    private final Hook<CollectionEvent> collectionUpdateExecute = new Hook<>();
    private final Hook<CollectionEvent> collectionAfterUpdateSuccess = new Hook<>();
    private final Hook<CollectionErrorEvent> collectionAfterUpdateError = new Hook<>();
    private final Hook<CollectionEvent> collectionDelete = new Hook<>();
    private final Hook<CollectionEvent> collectionDeleteExecute = new Hook<>();
    private final Hook<CollectionEvent> collectionAfterDeleteSuccess = new Hook<>();
    private final Hook<CollectionErrorEvent> collectionAfterDeleteError = new Hook<>();

    ModelHooks() {
    }

    /** PocketBase's {@code OnModelValidate}: fired by every validated save inside its transaction (not by saveNoValidate); the default action validates (model (record or collection)). */
    public Hook<ModelEvent> modelValidate() {
        return modelValidate;
    }

    /** {@link #modelValidate()} for the events with one of these tags only (none: all). */
    public TaggedHook<ModelEvent> modelValidate(String... tags) {
        return new TaggedHook<>(modelValidate, List.of(tags));
    }

    /** PocketBase's {@code OnModelCreate}: fired inside the transaction of every insert; the default action validates (unless saveNoValidate) and runs the Execute hook (model (record or collection)). */
    public Hook<ModelEvent> modelCreate() {
        return modelCreate;
    }

    /** {@link #modelCreate()} for the events with one of these tags only (none: all). */
    public TaggedHook<ModelEvent> modelCreate(String... tags) {
        return new TaggedHook<>(modelCreate, List.of(tags));
    }

    /** PocketBase's {@code OnModelCreateExecute}: fired inside the insert's transaction once the model is valid; the default action writes it (model (record or collection)). */
    public Hook<ModelEvent> modelCreateExecute() {
        return modelCreateExecute;
    }

    /** {@link #modelCreateExecute()} for the events with one of these tags only (none: all). */
    public TaggedHook<ModelEvent> modelCreateExecute(String... tags) {
        return new TaggedHook<>(modelCreateExecute, List.of(tags));
    }

    /** PocketBase's {@code OnModelAfterCreateSuccess}: fired after the insert's transaction committed (model (record or collection)). */
    public Hook<ModelEvent> modelAfterCreateSuccess() {
        return modelAfterCreateSuccess;
    }

    /** {@link #modelAfterCreateSuccess()} for the events with one of these tags only (none: all). */
    public TaggedHook<ModelEvent> modelAfterCreateSuccess(String... tags) {
        return new TaggedHook<>(modelAfterCreateSuccess, List.of(tags));
    }

    /** PocketBase's {@code OnModelAfterCreateError}: fired after an insert failed, or its transaction rolled back, with the failure (model (record or collection)). */
    public Hook<ModelErrorEvent> modelAfterCreateError() {
        return modelAfterCreateError;
    }

    /** {@link #modelAfterCreateError()} for the events with one of these tags only (none: all). */
    public TaggedHook<ModelErrorEvent> modelAfterCreateError(String... tags) {
        return new TaggedHook<>(modelAfterCreateError, List.of(tags));
    }

    /** PocketBase's {@code OnModelUpdate}: fired inside the transaction of every update; the default action validates (unless saveNoValidate) and runs the Execute hook (model (record or collection)). */
    public Hook<ModelEvent> modelUpdate() {
        return modelUpdate;
    }

    /** {@link #modelUpdate()} for the events with one of these tags only (none: all). */
    public TaggedHook<ModelEvent> modelUpdate(String... tags) {
        return new TaggedHook<>(modelUpdate, List.of(tags));
    }

    /** PocketBase's {@code OnModelUpdateExecute}: fired inside the update's transaction once the model is valid; the default action writes it (model (record or collection)). */
    public Hook<ModelEvent> modelUpdateExecute() {
        return modelUpdateExecute;
    }

    /** {@link #modelUpdateExecute()} for the events with one of these tags only (none: all). */
    public TaggedHook<ModelEvent> modelUpdateExecute(String... tags) {
        return new TaggedHook<>(modelUpdateExecute, List.of(tags));
    }

    /** PocketBase's {@code OnModelAfterUpdateSuccess}: fired after the update's transaction committed (model (record or collection)). */
    public Hook<ModelEvent> modelAfterUpdateSuccess() {
        return modelAfterUpdateSuccess;
    }

    /** {@link #modelAfterUpdateSuccess()} for the events with one of these tags only (none: all). */
    public TaggedHook<ModelEvent> modelAfterUpdateSuccess(String... tags) {
        return new TaggedHook<>(modelAfterUpdateSuccess, List.of(tags));
    }

    /** PocketBase's {@code OnModelAfterUpdateError}: fired after an update failed, or its transaction rolled back, with the failure (model (record or collection)). */
    public Hook<ModelErrorEvent> modelAfterUpdateError() {
        return modelAfterUpdateError;
    }

    /** {@link #modelAfterUpdateError()} for the events with one of these tags only (none: all). */
    public TaggedHook<ModelErrorEvent> modelAfterUpdateError(String... tags) {
        return new TaggedHook<>(modelAfterUpdateError, List.of(tags));
    }

    /** PocketBase's {@code OnModelDelete}: fired inside the transaction of every delete; the default action runs the Execute hook (model (record or collection)). */
    public Hook<ModelEvent> modelDelete() {
        return modelDelete;
    }

    /** {@link #modelDelete()} for the events with one of these tags only (none: all). */
    public TaggedHook<ModelEvent> modelDelete(String... tags) {
        return new TaggedHook<>(modelDelete, List.of(tags));
    }

    /** PocketBase's {@code OnModelDeleteExecute}: fired inside the delete's transaction; the default action deletes (model (record or collection)). */
    public Hook<ModelEvent> modelDeleteExecute() {
        return modelDeleteExecute;
    }

    /** {@link #modelDeleteExecute()} for the events with one of these tags only (none: all). */
    public TaggedHook<ModelEvent> modelDeleteExecute(String... tags) {
        return new TaggedHook<>(modelDeleteExecute, List.of(tags));
    }

    /** PocketBase's {@code OnModelAfterDeleteSuccess}: fired after the delete's transaction committed (model (record or collection)). */
    public Hook<ModelEvent> modelAfterDeleteSuccess() {
        return modelAfterDeleteSuccess;
    }

    /** {@link #modelAfterDeleteSuccess()} for the events with one of these tags only (none: all). */
    public TaggedHook<ModelEvent> modelAfterDeleteSuccess(String... tags) {
        return new TaggedHook<>(modelAfterDeleteSuccess, List.of(tags));
    }

    /** PocketBase's {@code OnModelAfterDeleteError}: fired after a delete failed, or its transaction rolled back, with the failure (model (record or collection)). */
    public Hook<ModelErrorEvent> modelAfterDeleteError() {
        return modelAfterDeleteError;
    }

    /** {@link #modelAfterDeleteError()} for the events with one of these tags only (none: all). */
    public TaggedHook<ModelErrorEvent> modelAfterDeleteError(String... tags) {
        return new TaggedHook<>(modelAfterDeleteError, List.of(tags));
    }

    /** PocketBase's {@code OnCollectionValidate}: fired by every validated save inside its transaction (not by saveNoValidate); the default action validates (collection). */
    public Hook<CollectionEvent> collectionValidate() {
        return collectionValidate;
    }

    /** {@link #collectionValidate()} for the events with one of these tags only (none: all). */
    public TaggedHook<CollectionEvent> collectionValidate(String... tags) {
        return new TaggedHook<>(collectionValidate, List.of(tags));
    }

    /** PocketBase's {@code OnCollectionCreate}: fired inside the transaction of every insert; the default action validates (unless saveNoValidate) and runs the Execute hook (collection). */
    public Hook<CollectionEvent> collectionCreate() {
        return collectionCreate;
    }

    /** {@link #collectionCreate()} for the events with one of these tags only (none: all). */
    public TaggedHook<CollectionEvent> collectionCreate(String... tags) {
        return new TaggedHook<>(collectionCreate, List.of(tags));
    }

    /** PocketBase's {@code OnCollectionCreateExecute}: fired inside the insert's transaction once the collection is valid; the default action writes it (collection). */
    public Hook<CollectionEvent> collectionCreateExecute() {
        return collectionCreateExecute;
    }

    /** {@link #collectionCreateExecute()} for the events with one of these tags only (none: all). */
    public TaggedHook<CollectionEvent> collectionCreateExecute(String... tags) {
        return new TaggedHook<>(collectionCreateExecute, List.of(tags));
    }

    /** PocketBase's {@code OnCollectionAfterCreateSuccess}: fired after the insert's transaction committed (collection). */
    public Hook<CollectionEvent> collectionAfterCreateSuccess() {
        return collectionAfterCreateSuccess;
    }

    /** {@link #collectionAfterCreateSuccess()} for the events with one of these tags only (none: all). */
    public TaggedHook<CollectionEvent> collectionAfterCreateSuccess(String... tags) {
        return new TaggedHook<>(collectionAfterCreateSuccess, List.of(tags));
    }

    /** PocketBase's {@code OnCollectionAfterCreateError}: fired after an insert failed, or its transaction rolled back, with the failure (collection). */
    public Hook<CollectionErrorEvent> collectionAfterCreateError() {
        return collectionAfterCreateError;
    }

    /** {@link #collectionAfterCreateError()} for the events with one of these tags only (none: all). */
    public TaggedHook<CollectionErrorEvent> collectionAfterCreateError(String... tags) {
        return new TaggedHook<>(collectionAfterCreateError, List.of(tags));
    }

    /** PocketBase's {@code OnCollectionUpdate}: fired inside the transaction of every update; the default action validates (unless saveNoValidate) and runs the Execute hook (collection). */
    public Hook<CollectionEvent> collectionUpdate() {
        return collectionUpdate;
    }

    /** {@link #collectionUpdate()} for the events with one of these tags only (none: all). */
    public TaggedHook<CollectionEvent> collectionUpdate(String... tags) {
        return new TaggedHook<>(collectionUpdate, List.of(tags));
    }

    /** PocketBase's {@code OnCollectionUpdateExecute}: fired inside the update's transaction once the collection is valid; the default action writes it (collection). */
    public Hook<CollectionEvent> collectionUpdateExecute() {
        return collectionUpdateExecute;
    }

    /** {@link #collectionUpdateExecute()} for the events with one of these tags only (none: all). */
    public TaggedHook<CollectionEvent> collectionUpdateExecute(String... tags) {
        return new TaggedHook<>(collectionUpdateExecute, List.of(tags));
    }

    /** PocketBase's {@code OnCollectionAfterUpdateSuccess}: fired after the update's transaction committed (collection). */
    public Hook<CollectionEvent> collectionAfterUpdateSuccess() {
        return collectionAfterUpdateSuccess;
    }

    /** {@link #collectionAfterUpdateSuccess()} for the events with one of these tags only (none: all). */
    public TaggedHook<CollectionEvent> collectionAfterUpdateSuccess(String... tags) {
        return new TaggedHook<>(collectionAfterUpdateSuccess, List.of(tags));
    }

    /** PocketBase's {@code OnCollectionAfterUpdateError}: fired after an update failed, or its transaction rolled back, with the failure (collection). */
    public Hook<CollectionErrorEvent> collectionAfterUpdateError() {
        return collectionAfterUpdateError;
    }

    /** {@link #collectionAfterUpdateError()} for the events with one of these tags only (none: all). */
    public TaggedHook<CollectionErrorEvent> collectionAfterUpdateError(String... tags) {
        return new TaggedHook<>(collectionAfterUpdateError, List.of(tags));
    }

    /** PocketBase's {@code OnCollectionDelete}: fired inside the transaction of every delete; the default action runs the Execute hook (collection). */
    public Hook<CollectionEvent> collectionDelete() {
        return collectionDelete;
    }

    /** {@link #collectionDelete()} for the events with one of these tags only (none: all). */
    public TaggedHook<CollectionEvent> collectionDelete(String... tags) {
        return new TaggedHook<>(collectionDelete, List.of(tags));
    }

    /** PocketBase's {@code OnCollectionDeleteExecute}: fired inside the delete's transaction; the default action deletes (collection). */
    public Hook<CollectionEvent> collectionDeleteExecute() {
        return collectionDeleteExecute;
    }

    /** {@link #collectionDeleteExecute()} for the events with one of these tags only (none: all). */
    public TaggedHook<CollectionEvent> collectionDeleteExecute(String... tags) {
        return new TaggedHook<>(collectionDeleteExecute, List.of(tags));
    }

    /** PocketBase's {@code OnCollectionAfterDeleteSuccess}: fired after the delete's transaction committed (collection). */
    public Hook<CollectionEvent> collectionAfterDeleteSuccess() {
        return collectionAfterDeleteSuccess;
    }

    /** {@link #collectionAfterDeleteSuccess()} for the events with one of these tags only (none: all). */
    public TaggedHook<CollectionEvent> collectionAfterDeleteSuccess(String... tags) {
        return new TaggedHook<>(collectionAfterDeleteSuccess, List.of(tags));
    }

    /** PocketBase's {@code OnCollectionAfterDeleteError}: fired after a delete failed, or its transaction rolled back, with the failure (collection). */
    public Hook<CollectionErrorEvent> collectionAfterDeleteError() {
        return collectionAfterDeleteError;
    }

    /** {@link #collectionAfterDeleteError()} for the events with one of these tags only (none: all). */
    public TaggedHook<CollectionErrorEvent> collectionAfterDeleteError(String... tags) {
        return new TaggedHook<>(collectionAfterDeleteError, List.of(tags));
    }

    /** Every hook here under PocketBase's name ({@code "OnModelCreate"} …). */
    public Map<String, Hook<?>> byName() {
        Map<String, Hook<?>> all = new LinkedHashMap<>();
        all.put("OnModelValidate", modelValidate);
        all.put("OnModelCreate", modelCreate);
        all.put("OnModelCreateExecute", modelCreateExecute);
        all.put("OnModelAfterCreateSuccess", modelAfterCreateSuccess);
        all.put("OnModelAfterCreateError", modelAfterCreateError);
        all.put("OnModelUpdate", modelUpdate);
        all.put("OnModelUpdateExecute", modelUpdateExecute);
        all.put("OnModelAfterUpdateSuccess", modelAfterUpdateSuccess);
        all.put("OnModelAfterUpdateError", modelAfterUpdateError);
        all.put("OnModelDelete", modelDelete);
        all.put("OnModelDeleteExecute", modelDeleteExecute);
        all.put("OnModelAfterDeleteSuccess", modelAfterDeleteSuccess);
        all.put("OnModelAfterDeleteError", modelAfterDeleteError);
        all.put("OnCollectionValidate", collectionValidate);
        all.put("OnCollectionCreate", collectionCreate);
        all.put("OnCollectionCreateExecute", collectionCreateExecute);
        all.put("OnCollectionAfterCreateSuccess", collectionAfterCreateSuccess);
        all.put("OnCollectionAfterCreateError", collectionAfterCreateError);
        all.put("OnCollectionUpdate", collectionUpdate);
        all.put("OnCollectionUpdateExecute", collectionUpdateExecute);
        all.put("OnCollectionAfterUpdateSuccess", collectionAfterUpdateSuccess);
        all.put("OnCollectionAfterUpdateError", collectionAfterUpdateError);
        all.put("OnCollectionDelete", collectionDelete);
        all.put("OnCollectionDeleteExecute", collectionDeleteExecute);
        all.put("OnCollectionAfterDeleteSuccess", collectionAfterDeleteSuccess);
        all.put("OnCollectionAfterDeleteError", collectionAfterDeleteError);
        return all;
    }
}
