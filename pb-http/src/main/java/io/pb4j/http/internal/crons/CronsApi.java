package io.pb4j.http.internal.crons;

import io.pb4j.core.ApiException;
import io.pb4j.core.cron.Cron;
import io.pb4j.core.cron.Job;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.router.Router;
import io.pb4j.http.internal.Guards;
import jakarta.json.JsonArrayBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** PocketBase's crons API ({@code apis/cron.go}): {@code GET /api/crons} and {@code POST /api/crons/{id}}, superusers only. */
public final class CronsApi {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private static final String SYSTEM_PREFIX = "__pb";

    private CronsApi() {
    }

    public static void bind(Router router) {
        router.get("/api/crons", CronsApi::list).bind(Guards.requireSuperuser());
        router.post("/api/crons/{id}", CronsApi::run).bind(Guards.requireSuperuser());
    }

    private static void list(RequestEvent e) {
        JsonArrayBuilder out = JSON.createArrayBuilder();
        for (Job job : sorted(e.app().cron().jobs())) {
            out.add(JSON.createObjectBuilder().add("id", job.id()).add("expression", job.expression()));
        }
        e.json(200, out.build());
    }

    /**
     * PocketBase's order: the application's jobs by id, then the system ({@code __pb…}) jobs in registration order
     * (what its stable sort with a "system jobs last" comparator yields).
     */
    static List<Job> sorted(List<Job> jobs) {
        List<Job> own = new ArrayList<>();
        List<Job> system = new ArrayList<>();
        for (Job j : jobs) {
            (j.id().startsWith(SYSTEM_PREFIX) ? system : own).add(j);
        }
        own.sort(Comparator.comparing(Job::id));
        own.addAll(system);
        return own;
    }

    private static void run(RequestEvent e) {
        Job job = e.app().cron().find(e.pathParam("id"))
                .orElseThrow(() -> ApiException.notFound("Missing or invalid cron job"));
        Cron.runInBackground(job);
        e.noContent();
    }
}
