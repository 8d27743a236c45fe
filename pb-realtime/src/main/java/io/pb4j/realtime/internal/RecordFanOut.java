package io.pb4j.realtime.internal;

import io.pb4j.core.AccessCheck;
import io.pb4j.core.Collection;
import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import io.pb4j.core.RequestInfo;
import io.pb4j.core.realtime.RealtimeMessage;
import io.pb4j.core.router.FieldsPicker;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends one record event to the subscribers allowed to see it (PocketBase's {@code realtimeBroadcastRecord}):
 * {@code collection/*} (and the deprecated bare {@code collection}) subscriptions through the listRule,
 * {@code collection/id} ones through the viewRule, each with its subscriber's auth and options, then the
 * subscription's own {@code filter}. The rules are asked in bulk ({@link PocketBase#canAccessRecord}); the record is
 * exported once per distinct (rights, {@code expand}, {@code fields}), not once per subscriber.
 */
final class RecordFanOut {
    private record Target(Client client, Subscription subscription, RequestInfo info) {
    }

    private record ExportKey(boolean superuser, String auth, String expand, String fields) {
    }

    private final PocketBase app;
    private final Broker broker;

    RecordFanOut(PocketBase app, Broker broker) {
        this.app = app;
        this.broker = broker;
    }

    /** Runs on the dispatcher thread. {@code record} is the after-commit copy: read only. */
    void publish(String action, Record record) {
        Collection c = record.collection();
        List<String> viewPrefixes = List.of(c.name() + "/" + record.id() + "?", c.id() + "/" + record.id() + "?");
        List<String> listPrefixes = List.of(c.name() + "/*?", c.id() + "/*?", c.name() + "?", c.id() + "?");
        List<Target> list = new ArrayList<>();
        List<Target> view = new ArrayList<>();
        for (Client client : broker.registered()) {
            if (client.isDiscarded()) {
                continue;
            }
            collect(client, client.subscriptionsFor(listPrefixes), list);
            collect(client, client.subscriptionsFor(viewPrefixes), view);
        }
        if (list.isEmpty() && view.isEmpty()) {
            return;
        }
        Map<ExportKey, String> messages = new HashMap<>();
        deliver(action, record, list, c.listRule(), messages);
        deliver(action, record, view, c.viewRule(), messages);
    }

    private static void collect(Client client, List<Subscription> subs, List<Target> into) {
        if (subs.isEmpty()) {
            return;
        }
        Optional<Record> auth = client.auth();
        for (Subscription s : subs) {
            into.add(new Target(client, s, new RequestInfo(auth, "GET", s.query(), s.headers(), Map.of(), "realtime")));
        }
    }

    private void deliver(String action, Record record, List<Target> targets, Optional<String> rule, Map<ExportKey, String> messages) {
        if (targets.isEmpty()) {
            return;
        }
        List<AccessCheck> checks = new ArrayList<>(targets.size());
        for (Target t : targets) {
            checks.add(new AccessCheck(t.info(), t.subscription().query().getOrDefault("filter", "")));
        }
        boolean[] allowed = app.canAccessRecord(record, rule, checks);
        for (int i = 0; i < targets.size(); i++) {
            if (!allowed[i]) {
                continue;
            }
            Target t = targets.get(i);
            String data = messages.computeIfAbsent(exportKey(record, t), k -> message(action, record, t.info(), k));
            t.client().send(new RealtimeMessage(t.subscription().name(), data));
        }
    }

    /** What the exported record can depend on for this subscriber. */
    private static ExportKey exportKey(Record record, Target t) {
        Map<String, String> query = t.subscription().query();
        String expand = query.getOrDefault("expand", "");
        boolean superuser = t.info().auth().map(a -> a.collection().isSuperusers()).orElse(false);
        // an auth record's email (owner, manageRule) and expanded relations (their viewRules) depend on who asks
        boolean personal = record.collection().isAuth() || !expand.isBlank();
        String auth = personal ? t.info().auth().map(a -> a.collection().id() + "/" + a.id()).orElse("") : "";
        return new ExportKey(superuser, auth, expand, query.getOrDefault("fields", ""));
    }

    private String message(String action, Record record, RequestInfo info, ExportKey key) {
        JsonValue exported = app.expand(List.of(record), key.expand(), info).getFirst();
        if (!key.fields().isBlank()) {
            try {
                exported = FieldsPicker.pick(exported, key.fields());
            } catch (RuntimeException e) {
                // PocketBase sends the whole record when the fields option cannot be applied
            }
        }
        JsonObject data = Json.createObjectBuilder().add("record", exported).add("action", action).build();
        return GoJson.write(data);
    }
}
