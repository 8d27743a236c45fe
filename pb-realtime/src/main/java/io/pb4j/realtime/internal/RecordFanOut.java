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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /** One event's exported JSON per view, and its encoded messages per (view, event name). */
    private record Views(Map<ExportKey, String> data, Map<List<Object>, Outgoing> messages) {
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
        Set<String> viewTopics = Set.of(c.name() + "/" + record.id(), c.id() + "/" + record.id());
        Set<String> listTopics = new HashSet<>(List.of(c.name() + "/*", c.id() + "/*", c.name(), c.id()));
        List<Target> list = new ArrayList<>();
        List<Target> view = new ArrayList<>();
        Set<String> all = new HashSet<>(listTopics);
        all.addAll(viewTopics);
        for (Client client : broker.subscribers(all)) {
            collect(client, client.subscriptionsFor(listTopics), list);
            collect(client, client.subscriptionsFor(viewTopics), view);
        }
        if (list.isEmpty() && view.isEmpty()) {
            return;
        }
        Views views = new Views(new HashMap<>(), new HashMap<>());
        List<Client> ready = new ArrayList<>();
        deliver(action, record, list, c.listRule(), views, ready);
        deliver(action, record, view, c.viewRule(), views, ready);
        Writers.start(ready);
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

    /** Queues the event for the targets that may see it; those that need a writer are added to {@code ready}. */
    private void deliver(String action, Record record, List<Target> targets, Optional<String> rule, Views views, List<Client> ready) {
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
            ExportKey key = exportKey(record, t);
            // one encoded message per distinct (view of the record, event name), shared by every client that gets it
            Outgoing out = views.messages().computeIfAbsent(List.of(key, t.subscription().name()), k -> Outgoing.of(new RealtimeMessage(
                    t.subscription().name(), views.data().computeIfAbsent(key, x -> message(action, record, t.info(), x)))));
            if (t.client().offer(out)) {
                ready.add(t.client());
            }
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
