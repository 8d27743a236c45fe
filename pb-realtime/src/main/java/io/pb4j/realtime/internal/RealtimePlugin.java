package io.pb4j.realtime.internal;

import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import io.pb4j.core.spi.Plugin;

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
        // priority -99 as PocketBase: before application handlers; the fan-out itself runs on the dispatcher
        app.onRecordAfterCreateSuccess().bind("pbRealtimeCreate", -99, e -> {
            Record r = e.record();
            broker.dispatch(() -> fanOut.publish("create", r));
            e.next();
        });
        app.onRecordAfterUpdateSuccess().bind("pbRealtimeUpdate", -99, e -> {
            Record r = e.record();
            broker.dispatch(() -> {
                if (r.collection().isAuth()) {
                    bindings.updated(r);
                }
                fanOut.publish("update", r);
            });
            e.next();
        });
        app.onRecordAfterDeleteSuccess().bind("pbRealtimeDelete", -99, e -> {
            Record r = e.record();
            broker.dispatch(() -> {
                if (r.collection().isAuth()) {
                    bindings.deleted(r);
                }
                fanOut.publish("delete", r);
            });
            e.next();
        });
        app.onServe().bind("pbRealtimeApi", -100, se -> {
            new SseApi(app, broker).bind(se.router());
            se.next();
        });
    }
}
