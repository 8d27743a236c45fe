package io.pb4j.http.internal.sql;

import io.pb4j.core.ApiException;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.router.Router;
import io.pb4j.core.spi.ReadOnlyException;
import io.pb4j.core.spi.SqlRows;
import io.pb4j.core.spi.Store;
import io.pb4j.core.spi.StoreException;
import io.pb4j.http.internal.Guards;
import io.pb4j.http.internal.forms.QueryForm;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /api/sql} (superusers only), PocketBase's SQL console: {@code {"query"}} of at most 5000 characters,
 * one or more statements. A script that starts as a write (PocketBase's prefixes) runs on the writer lane in one
 * transaction; anything else is read on a reader connection that refuses writes, and a script that turns out to
 * write after all is run again on the writer lane. The answer is the last statement's columns and at most 1000 of
 * its rows, every value as text.
 */
public final class SqlApi {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private static final int MAX_QUERY_LENGTH = 5000;
    private static final int MAX_ROWS = 1000;
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final List<String> WRITE_PREFIXES =
            List.of("INSERT", "CREATE", "UPDATE", "DELETE", "DROP", "DETACH", "ALTER", "REPLACE");

    private SqlApi() {
    }

    public static void bind(Router router) {
        router.post("/api/sql", SqlApi::run).bind(Guards.requireSuperuser());
    }

    private static void run(RequestEvent e) {
        String query = QueryForm.read(e, MAX_QUERY_LENGTH).strip();
        long started = System.nanoTime();
        Store store = e.app().store();
        long affected = 0;
        SqlRows result;
        try {
            if (query.isEmpty()) {
                throw new StoreException("empty query", null);
            }
            if (isPossibleWrite(query)) {
                affected = store.write(s -> s.executeScript(query, TIMEOUT));
                result = new SqlRows(List.of(), List.of());
            } else {
                result = read(store, query);
            }
        } catch (StoreException ex) {
            throw ApiException.badRequest("Failed to execute query. Raw error:\n" + ex.getMessage());
        }
        long execTime = Duration.ofNanos(System.nanoTime() - started).toMillis();
        e.json(200, JSON.createObjectBuilder()
                .add("execTime", execTime)
                .add("affectedRows", affected)
                .add("columns", columns(result))
                .add("rows", rows(result))
                .build());
    }

    private static SqlRows read(Store store, String query) {
        try {
            return store.read(s -> s.queryScript(query, MAX_ROWS, true, TIMEOUT));
        } catch (ReadOnlyException writes) {
            // e.g. "WITH ... INSERT" or a PRAGMA that sets something: writes belong on the writer lane
            return store.write(s -> s.queryScript(query, MAX_ROWS, false, TIMEOUT));
        }
    }

    /** PocketBase's loose check: a script that starts with a writing keyword (and not SELECT). */
    static boolean isPossibleWrite(String query) {
        String upper = query.toUpperCase(Locale.ROOT);
        return !upper.startsWith("SELECT") && WRITE_PREFIXES.stream().anyMatch(upper::startsWith);
    }

    private static JsonArrayBuilder columns(SqlRows result) {
        JsonArrayBuilder out = JSON.createArrayBuilder();
        for (SqlRows.Column c : result.columns()) {
            JsonObjectBuilder column = JSON.createObjectBuilder()
                    .add("name", c.name())
                    .add("type", c.type())
                    .add("nullable", c.nullable());
            out.add(column);
        }
        return out;
    }

    private static JsonArrayBuilder rows(SqlRows result) {
        JsonArrayBuilder out = JSON.createArrayBuilder();
        for (List<Object> row : result.rows()) {
            JsonArrayBuilder values = JSON.createArrayBuilder();
            for (Object v : row) {
                String text = GoText.of(v);
                if (text == null) {
                    values.addNull();
                } else {
                    values.add(text);
                }
            }
            out.add(values);
        }
        return out;
    }
}
