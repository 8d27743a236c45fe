/**
 * The SQLite store: PocketBase's {@code data.db} and {@code auxiliary.db}, one writer lane and a pool of readers,
 * and Helidon DB Client over the same connections for applications' own SQL.
 */
module io.pb4j.store.sqlite {
    requires io.pb4j.core;
    requires org.xerial.sqlitejdbc;
    requires io.helidon.dbclient;
    requires io.helidon.dbclient.jdbc;

    provides io.pb4j.core.spi.StoreProvider with io.pb4j.store.sqlite.internal.SqliteStoreProvider;
}
