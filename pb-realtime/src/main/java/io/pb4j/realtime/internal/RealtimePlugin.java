package io.pb4j.realtime.internal;

import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import io.pb4j.core.RecordEvent;
import io.pb4j.core.hook.Hook;
import io.pb4j.core.spi.Plugin;
import java.util.function.Consumer;

/**
 * Installs the realtime broker as {@code app.realtime()}, feeds it the after-commit record events, and binds
 * {@code /api/realtime} when the app serves.
 */
public final class RealtimePlugin implements Plugin {
    @Override
    public String name() {
        return "realtime";
    }

    @Override
    public void register(PocketBase app) {
        Broker broker = new Broker(app);
        app.realtime(broker);
        RecordFanOut fanOut = new RecordFanOut(app, broker);
        AuthBindings bindings = new AuthBindings(broker);
        onCommit(app.onRecordAfterCreateSuccess(), "pbRealtimeCreate", broker, r -> fanOut.publish("create", r));
        onCommit(app.onRecordAfterUpdateSuccess(), "pbRealtimeUpdate", broker, r -> {
            if (r.collection().isAuth()) {
                bindings.updated(r);
            }
            fanOut.publish("update", r);
        });
        onCommit(app.onRecordAfterDeleteSuccess(), "pbRealtimeDelete", broker, r -> {
            if (r.collection().isAuth()) {
                bindings.deleted(r);
            }
            fanOut.publish("delete", r);
        });
        // the record writes committed on the other nodes of a cluster reach this node's clients as local ones do
        app.cluster().onRemoteRecord((action, r) -> broker.dispatch(() -> {
            if (r.collection().isAuth() && !"create".equals(action)) {
                if ("delete".equals(action)) {
                    bindings.deleted(r);
                } else {
                    bindings.updated(r);
                }
            }
            fanOut.publish(action, r);
        }));
        broker.joinCluster();
        app.onServe().bind("pbRealtimeApi", -100, se -> {
            new SseApi(app, broker).bind(se.router());
            se.next();
        });
    }

    /**
     * Hands each committed record to {@code work} on the broker's dispatcher, in commit order; priority -99 as
     * PocketBase, so it is queued before application handlers run.
     */
    private static void onCommit(Hook<RecordEvent> hook, String id, Broker broker, Consumer<Record> work) {
        hook.bind(id, -99, e -> {
            // nobody connected: nobody to tell, and no hand-over to the dispatcher thread per write (PocketBase too
            // broadcasts to the clients connected at the commit)
            if (broker.size() > 0) {
                Record r = e.record();
                broker.dispatch(() -> work.accept(r));
            }
            e.next();
        });
    }
}
