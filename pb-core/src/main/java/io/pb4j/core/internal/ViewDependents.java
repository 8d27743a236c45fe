package io.pb4j.core.internal;

import io.pb4j.core.Collection;
import io.pb4j.core.ValidationException;
import io.pb4j.core.field.Field;
import io.pb4j.core.spi.SqlSession;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PocketBase's {@code resaveViewsWithChangedFields}: after a collection changes, every other view collection whose
 * inferred fields differ from its stored ones is saved again. In the caller's transaction.
 */
final class ViewDependents {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private static final System.Logger LOG = System.getLogger(ViewDependents.class.getName());

    private ViewDependents() {
    }

    /** Re-saves the views whose fields changed; returns one {@code [name] error} per view that no longer works. */
    static List<String> resave(SqlSession s, String excludeId) {
        List<String> failures = new ArrayList<>();
        for (Collection view : CollectionSaver.loadAll(s)) {
            if (!view.isView() || view.id().equals(excludeId)) {
                continue;
            }
            ViewSchema.Inference inference = ViewSchema.infer(s, view.options().getString("viewQuery", ""));
            if (!inference.error().isEmpty()) {
                failures.add("[" + view.name() + "] " + inference.error());
                continue;
            }
            if (withoutIds(inference.fields()).toString().toLowerCase(Locale.ROOT)
                    .equals(withoutIds(view.fields()).toString().toLowerCase(Locale.ROOT))) {
                continue;
            }
            try {
                CollectionSaver.save(s, view);
            } catch (ValidationException e) {
                failures.add("[" + view.name() + "] " + e.errors());
            }
        }
        return failures;
    }

    /** The same after a save, where PocketBase only logs what failed so that the views can be fixed later. */
    static void resaveAfterSave(SqlSession s, Collection saved) {
        List<String> failures = resave(s, saved.id());
        if (!failures.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "Dependent view collection(s) may need to be updated after " + saved.name()
                    + " collection change: " + String.join("; ", failures));
        }
    }

    private static JsonArray withoutIds(List<Field> fields) {
        JsonArrayBuilder b = JSON.createArrayBuilder();
        for (Field f : fields) {
            b.add(JSON.createObjectBuilder(f.toJson()).remove("id"));
        }
        return b.build();
    }
}
