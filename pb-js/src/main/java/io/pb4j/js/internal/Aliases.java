package io.pb4j.js.internal;

import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import java.util.Map;
import java.util.NoSuchElementException;
import org.graalvm.polyglot.Value;

/** PocketBase's JSVM names that pb4j's Java API spells differently, e.g. {@code $app.findCollectionByNameOrId}. */
final class Aliases {
    private Aliases() {
    }

    /** One aliased method: what it does with the target and the script's arguments. */
    @FunctionalInterface
    interface Alias {
        Object call(Object target, Value[] args);
    }

    /**
     * The names PocketBase's scripts call with arguments pb4j's methods of the same name do not take (dbx
     * expressions), handled before those methods.
     */
    static Alias first(Object target, String name) {
        if (target instanceof PocketBase) {
            return switch (name) {
                case "recordQuery" -> (t, a) -> new GoView(new RecordSelect((PocketBase) t, collection((PocketBase) t, a[0])));
                case "findAllRecords" -> (t, a) -> {
                    RecordSelect q = new RecordSelect((PocketBase) t, collection((PocketBase) t, a[0]));
                    for (int i = 1; i < a.length; i++) {
                        if (Convert.toJava(a[i]) instanceof Dbx.Expression e) {
                            q.andWhere(e);
                        }
                    }
                    return Convert.toJs(q.records());
                };
                case "save" -> (t, a) -> {
                    // a script's collection shows what was saved (its id, dates, defaults), as Go's pointer does
                    if (a.length == 1 && a[0].isProxyObject() && a[0].asProxyObject() instanceof JsCollection c) {
                        c.reset(((PocketBase) t).save((io.pb4j.core.Collection) c.host()));
                        return null;
                    }
                    return GoView.call(t, "save", GoView.members(t.getClass()).methods().get("save"), a);
                };
                default -> null;
            };
        }
        return null;
    }

    private static io.pb4j.core.Collection collection(PocketBase app, Value v) {
        return Convert.toJava(v) instanceof io.pb4j.core.Collection c ? c : app.collection(v.asString());
    }

    static Alias find(Object target, String name) {
        if (target instanceof PocketBase) {
            return switch (name) {
                case "findCollectionByNameOrId" -> (t, a) -> Convert.toJs(((PocketBase) t).findCollection(a[0].asString())
                        .orElseThrow(() -> new NoSuchElementException("sql: no rows in result set")));
                case "dataDir" -> (t, a) -> ((PocketBase) t).config().dataDir().toString();
                case "isDev" -> (t, a) -> ((PocketBase) t).config().dev();
                case "countRecords" -> null;
                default -> null;
            };
        }
        if (target instanceof Record) {
            return switch (name) {
                case "setEmail" -> (t, a) -> set(t, "email", a);
                case "setVerified" -> (t, a) -> set(t, "verified", a);
                case "setEmailVisibility" -> (t, a) -> set(t, "emailVisibility", a);
                case "verified" -> (t, a) -> ((Record) t).getBool("verified");
                case "tableName" -> (t, a) -> ((Record) t).collection().name();
                case "load" -> (t, a) -> {
                    if (Convert.toJava(a[0]) instanceof Map<?, ?> m) {
                        m.forEach((k, v) -> ((Record) t).set(String.valueOf(k), v));
                    }
                    return null;
                };
                default -> null;
            };
        }
        return null;
    }

    private static Object set(Object record, String field, Value[] args) {
        ((Record) record).set(field, Convert.toJava(args[0]));
        return null;
    }
}
