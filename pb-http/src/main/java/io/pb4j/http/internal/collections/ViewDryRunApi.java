package io.pb4j.http.internal.collections;

import io.pb4j.core.ViewDryRun;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.http.internal.forms.QueryForm;
import jakarta.json.JsonArrayBuilder;

/**
 * {@code POST /api/collections/meta/dry-run-view} (superusers only): the fields and a sample of up to 10 records of
 * the view a query would make. Body {@code {"query": "..."}}, required, at most 5000 characters.
 */
final class ViewDryRunApi {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private static final int MAX_QUERY_LENGTH = 5000;
    private static final int SAMPLE_SIZE = 10;

    private ViewDryRunApi() {
    }

    static void dryRun(RequestEvent e) {
        String query = QueryForm.read(e, MAX_QUERY_LENGTH);
        ViewDryRun run = e.app().dryRunView(query, SAMPLE_SIZE);
        JsonArrayBuilder fields = JSON.createArrayBuilder();
        run.fields().forEach(f -> fields.add(f.toJson()));
        JsonArrayBuilder sample = JSON.createArrayBuilder();
        run.sample().forEach(r -> sample.add(r.publicExport(false, false)));
        e.json(200, JSON.createObjectBuilder().add("fields", fields).add("sample", sample).build());
    }
}
