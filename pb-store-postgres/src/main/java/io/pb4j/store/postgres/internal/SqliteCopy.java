package io.pb4j.store.postgres.internal;

import io.pb4j.core.spi.SqlSession;
import io.pb4j.core.spi.Store;
import io.pb4j.core.spi.StoreProvider;
import io.pb4j.store.postgres.StoreMigration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The copy behind {@link StoreMigration}: the SQLite side is opened through the {@code sqlite} store provider (so
 * this module needs pb-store-sqlite only when it migrates), the schema is read from {@code sqlite_master} and
 * translated, rows go across in pages in rowid order (which becomes the hidden {@code _rowid_} order).
 */
public final class SqliteCopy {
    private static final int PAGE = 500;
    private static final Duration NO_TIMEOUT = Duration.ofDays(1);

    private SqliteCopy() {
    }

    public static StoreMigration.Report run(Path from, String toUrl) {
        if (!Files.isRegularFile(from.resolve("data.db"))) {
            throw new IllegalArgumentException("no data.db in " + from.toAbsolutePath());
        }
        StoreProvider sqlite = ServiceLoader.load(StoreProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("sqlite")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the sqlite store (pb-store-sqlite) is not on the module path"));
        try (Store source = sqlite.open(from, NO_TIMEOUT);
             PostgresStore target = PostgresStore.open(PostgresUrl.parse(toUrl), NO_TIMEOUT)) {
            boolean occupied = target.read(s -> !s.query(PostgresDialect.INSTANCE.tableExistsSql(), List.of("_collections")).isEmpty());
            if (occupied) {
                throw new IllegalArgumentException("the target database already holds an app (it has _collections); "
                        + "migrate into an empty database");
            }
            return target.write(t -> copy(source, t));
        }
    }

    private static StoreMigration.Report copy(Store source, SqlSession t) {
        List<Map<String, Object>> schema = source.read(s -> s.query("SELECT type, name, sql FROM sqlite_master "
                + "WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
                + "ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid", List.of()));
        List<StoreMigration.Table> tables = new ArrayList<>();
        List<String> views = new ArrayList<>();
        Map<String, String> pendingViews = new java.util.LinkedHashMap<>();
        for (Map<String, Object> entry : schema) {
            String type = String.valueOf(entry.get("type"));
            String name = String.valueOf(entry.get("name"));
            String sql = String.valueOf(entry.get("sql"));
            switch (type) {
                case "table" -> {
                    t.execute(sql);
                    tables.add(copyRows(name, t, source, false));
                }
                case "index" -> t.execute(sql);
                case "view" -> pendingViews.put(name, sql);
                default -> {
                    // triggers: PocketBase creates none
                }
            }
        }
        createViews(t, pendingViews, views);
        // the request logs of auxiliary.db, into the _logs table the store created
        tables.add(copyRows("_logs", t, source, true));
        return new StoreMigration.Report(tables, views);
    }

    /** Views may select from views created after them: rounds until every view exists or none can be made. */
    private static void createViews(SqlSession t, Map<String, String> pending, List<String> created) {
        while (!pending.isEmpty()) {
            int before = pending.size();
            io.pb4j.core.spi.StoreException last = null;
            for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                var view = it.next();
                try {
                    t.execute(view.getValue());
                    created.add(view.getKey());
                    it.remove();
                } catch (io.pb4j.core.spi.StoreException e) {
                    last = e; // a failed statement undoes only itself (autosave)
                }
            }
            if (pending.size() == before) {
                throw new IllegalStateException("cannot create the views " + pending.keySet() + ": " + last.getMessage(), last);
            }
        }
    }

    private static StoreMigration.Table copyRows(String table, SqlSession t, Store source, boolean auxiliary) {
        String quoted = "`" + table.replace("`", "``") + "`";
        long copied = 0;
        long after = Long.MIN_VALUE;
        // _logs exists already (the store made it): columns of older PocketBase versions (updated) are left behind
        java.util.Set<String> columns = new java.util.HashSet<>();
        if (auxiliary) {
            t.query(PostgresDialect.INSTANCE.tableColumnsSql(), List.of(table)).forEach(c -> columns.add(String.valueOf(c.get("name"))));
        }
        while (true) {
            long from = after;
            String select = "SELECT rowid AS __pb4j_rowid, * FROM " + quoted + " WHERE rowid > ? ORDER BY rowid LIMIT " + PAGE;
            List<Map<String, Object>> rows = auxiliary
                    ? source.readAuxiliary(s -> s.query(select, List.of(from)))
                    : source.read(s -> s.query(select, List.of(from)));
            for (Map<String, Object> row : rows) {
                after = ((Number) row.remove("__pb4j_rowid")).longValue();
                if (auxiliary) {
                    row.keySet().retainAll(columns);
                }
                insert(t, table, row);
                copied++;
            }
            if (rows.size() < PAGE) {
                break;
            }
        }
        String count = "SELECT COUNT(*) AS n FROM " + quoted;
        long sourceRows = ((Number) (auxiliary ? source.readAuxiliary(s -> s.query(count, List.of()))
                : source.read(s -> s.query(count, List.of()))).getFirst().get("n")).longValue();
        long targetRows = ((Number) t.query(count, List.of()).getFirst().get("n")).longValue();
        if (sourceRows != targetRows || copied != sourceRows) {
            throw new IllegalStateException("row counts differ for " + table + ": " + sourceRows + " in SQLite, "
                    + targetRows + " in PostgreSQL; nothing was committed");
        }
        return new StoreMigration.Table(table, sourceRows, targetRows);
    }

    private static void insert(SqlSession t, String table, Map<String, Object> row) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(SqliteToPostgres.quote(table)).append(" (");
        StringBuilder values = new StringBuilder();
        for (String column : row.keySet()) {
            if (!values.isEmpty()) {
                sql.append(", ");
                values.append(", ");
            }
            sql.append(SqliteToPostgres.quote(column));
            values.append('?');
        }
        sql.append(") VALUES (").append(values).append(')');
        t.execute(sql.toString(), new ArrayList<>(row.values()));
    }
}
