package io.pb4j.realtime.internal;

import io.pb4j.core.AccessCheck;
import io.pb4j.core.Collection;
import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import io.pb4j.core.RequestInfo;
import io.pb4j.core.realtime.RealtimeMessage;
import io.pb4j.core.router.FieldsPicker;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sends one record event to the subscribers allowed to see it (PocketBase's {@code realtimeBroadcastRecord}):
 * {@code collection/*} (and the deprecated bare {@code collection}) subscriptions through the listRule,
 * {@code collection/id} ones through the viewRule, each with its subscriber's auth and options, then the
 * subscription's own {@code filter}.
 *
 * <p>Subscribers are grouped first by what their answer and their message can depend on: the subscription as
 * submitted (its options hold the filter, {@code expand}, {@code fields} and headers) and the subscriber's auth, the
 * auth reduced to guest / auth record / superuser unless the rule, the filter or the exported record read the auth
 * record itself. Each group is checked once (the groups' rule checks in bulk, {@link PocketBase#canAccessRecord}) and
 * gets one encoded message, so ten thousand guests on {@code posts/*} cost one check and one encoding, and the
 * per-subscriber work is a map lookup and a queue offer.
 */
final class RecordFanOut {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    /** The auth classes of subscribers whose answer and message do not depend on the auth record itself. */
    private enum Who { GUEST, AUTH, SUPERUSER }

    /** An auth record, when the answer or the message depends on it. */
    private record AuthId(String collectionId, String id) {
    }

    private record GroupKey(String subscription, Object who) {
    }

    /** Subscribers that share one answer and one message. */
    private static final class Group {
        final Subscription subscription;
        final Optional<Record> auth;
        final List<Client> clients = new ArrayList<>();

        Group(Subscription subscription, Optional<Record> auth) {
            this.subscription = subscription;
            this.auth = auth;
        }
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
        Set<String> listTopics = new LinkedHashSet<>(List.of(c.name() + "/*", c.id() + "/*", c.name(), c.id()));
        Set<String> viewTopics = new LinkedHashSet<>(List.of(c.name() + "/" + record.id(), c.id() + "/" + record.id()));
        Map<GroupKey, Group> list = group(record, listTopics, c.listRule());
        Map<GroupKey, Group> view = group(record, viewTopics, c.viewRule());
        if (list.isEmpty() && view.isEmpty()) {
            return;
        }
        Map<ExportKey, String> exported = new HashMap<>();
        List<Client> ready = new ArrayList<>();
        deliver(action, record, list, c.listRule(), exported, ready);
        deliver(action, record, view, c.viewRule(), exported, ready);
        Writers.start(ready);
    }

    /** The subscribers of {@code topics}, grouped by what their answer and message depend on. */
    private Map<GroupKey, Group> group(Record record, Set<String> topics, Optional<String> rule) {
        Map<GroupKey, Group> groups = new LinkedHashMap<>();
        boolean ruleReadsAuth = rule.map(r -> r.contains("@request.auth")).orElse(false);
        boolean authCollection = record.collection().isAuth();
        Group last = null;
        String lastName = null;
        Object lastWho = null;
        for (String topic : topics) {
            for (Client client : broker.subscribersOn(topic)) {
                if (client.isDiscarded()) {
                    continue;
                }
                // each subscription has one topic, so a client on several of these topics is met once per subscription
                for (Subscription s : client.subscriptionsOn(topic)) {
                    Record auth = client.boundAuth();
                    Object who = who(auth, s, ruleReadsAuth, authCollection);
                    // subscribers alike mostly follow one another: the previous group, without a key to build and hash
                    if (last == null || !who.equals(lastWho) || !s.name().equals(lastName)) {
                        GroupKey key = new GroupKey(s.name(), who);
                        last = groups.get(key);
                        if (last == null) {
                            last = new Group(s, Optional.ofNullable(auth));
                            groups.put(key, last);
                        }
                        lastName = s.name();
                        lastWho = who;
                    }
                    last.clients.add(client);
                }
            }
        }
        return groups;
    }

    /**
     * The subscriber's auth as far as the answer and the message can tell it apart: the record itself when the rule
     * or the filter reads {@code @request.auth}, or the export is personal (an auth record's email and visibility
     * depend on who asks, expanded relations on their viewRules); else only guest, auth record or superuser.
     */
    private static Object who(Record auth, Subscription s, boolean ruleReadsAuth, boolean authCollection) {
        if (auth == null) {
            return Who.GUEST;
        }
        Map<String, String> q = s.query();
        boolean personal = ruleReadsAuth || authCollection || !q.getOrDefault("expand", "").isBlank()
                || q.getOrDefault("filter", "").contains("@request.auth");
        if (personal) {
            return new AuthId(auth.collection().id(), auth.id());
        }
        return auth.collection().isSuperusers() ? Who.SUPERUSER : Who.AUTH;
    }

    /** Queues the event for the groups that may see it; clients that need a writer are added to {@code ready}. */
    private void deliver(String action, Record record, Map<GroupKey, Group> groups, Optional<String> rule,
                         Map<ExportKey, String> exported, List<Client> ready) {
        if (groups.isEmpty()) {
            return;
        }
        List<Group> all = new ArrayList<>(groups.values());
        List<RequestInfo> infos = new ArrayList<>(all.size());
        List<AccessCheck> checks = new ArrayList<>(all.size());
        for (Group g : all) {
            Subscription s = g.subscription;
            RequestInfo info = new RequestInfo(g.auth, "GET", s.query(), s.headers(), Map.of(), "realtime");
            infos.add(info);
            checks.add(new AccessCheck(info, s.query().getOrDefault("filter", "")));
        }
        boolean[] allowed = app.canAccessRecord(record, rule, checks);
        for (int i = 0; i < all.size(); i++) {
            if (!allowed[i]) {
                continue;
            }
            Group g = all.get(i);
            RequestInfo info = infos.get(i);
            ExportKey key = exportKey(record, g.subscription, info);
            String data = exported.computeIfAbsent(key, k -> message(action, record, info, k));
            // one encoded message per group, the same instance queued for every client of it
            Outgoing out = Outgoing.of(new RealtimeMessage(g.subscription.name(), data));
            for (Client client : g.clients) {
                if (client.offer(out)) {
                    ready.add(client);
                }
            }
        }
    }

    /** What the exported record can depend on for this subscriber. */
    private static ExportKey exportKey(Record record, Subscription s, RequestInfo info) {
        Map<String, String> query = s.query();
        String expand = query.getOrDefault("expand", "");
        boolean superuser = info.auth().map(a -> a.collection().isSuperusers()).orElse(false);
        // an auth record's email (owner, manageRule) and expanded relations (their viewRules) depend on who asks
        boolean personal = record.collection().isAuth() || !expand.isBlank();
        String auth = personal ? info.auth().map(a -> a.collection().id() + "/" + a.id()).orElse("") : "";
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
        JsonObject data = JSON.createObjectBuilder().add("record", exported).add("action", action).build();
        return GoJson.write(data);
    }
}
