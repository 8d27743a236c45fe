/**
 * The PostgreSQL store: one database holds what a SQLite data dir keeps in {@code data.db} and {@code auxiliary.db},
 * with PocketBase's schema and SQL carried over by a translator and a few SQLite-compatible SQL functions. Chosen by
 * {@code serve --db=postgres://…} or the {@code PB4J_DB} environment variable.
 */
module io.pb4j.store.postgres {
    requires io.pb4j.core;
    requires java.sql;
    requires org.postgresql.jdbc;

    exports io.pb4j.store.postgres;

    // migrate-store reads the SQLite side through the sqlite store, when present
    uses io.pb4j.core.spi.StoreProvider;

    provides io.pb4j.core.spi.StoreProvider with io.pb4j.store.postgres.internal.PostgresStoreProvider;
}
