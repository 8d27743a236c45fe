package io.pb4j.http.internal;

import io.pb4j.core.PocketBase;
import io.pb4j.core.spi.Plugin;
import io.pb4j.http.internal.backups.BackupsApi;
import io.pb4j.http.internal.batch.BatchApi;
import io.pb4j.http.internal.collections.CollectionsApi;
import io.pb4j.http.internal.crons.CronsApi;
import io.pb4j.http.internal.health.HealthApi;
import io.pb4j.http.internal.logs.ActivityLogger;
import io.pb4j.http.internal.logs.LogsApi;
import io.pb4j.http.internal.ratelimit.RateLimits;
import io.pb4j.http.internal.records.RecordsApi;
import io.pb4j.http.internal.settings.SettingsApi;
import io.pb4j.http.internal.sql.SqlApi;

/** Binds PocketBase's data APIs (health, collections, records, batch, settings, logs) and the request logger when the app serves. */
public final class DataApiPlugin implements Plugin {
    @Override
    public String name() {
        return "http-data-api";
    }

    @Override
    public void register(PocketBase app) {
        app.onServe().bind("pbDataApi", -100, se -> {
            HealthApi.bind(se.router());
            CollectionsApi.bind(se.router());
            RecordsApi.bind(se.router());
            BatchApi.bind(se.router());
            SettingsApi.bind(se.router());
            LogsApi.bind(se.router());
            se.router().bind(ActivityLogger.middleware());
            BackupsApi.bind(se.router());
            CronsApi.bind(se.router());
            SqlApi.bind(se.router());
            se.next();
        });
        RateLimits.register(app);
    }
}
