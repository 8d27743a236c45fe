/**
 * pb4j's kernel: the app, collections, records, fields, validation, the filter and rule language, hooks, the
 * router abstraction and settings; and the SPIs for storage and plugins.
 */
module io.pb4j.core {
    requires transitive jakarta.json;
    requires org.eclipse.parsson;
    requires java.logging;
    requires jakarta.mail;

    exports io.pb4j.core;
    exports io.pb4j.core.field;
    exports io.pb4j.core.spi;
    exports io.pb4j.core.hook;
    exports io.pb4j.core.router;
    exports io.pb4j.core.mail;
    exports io.pb4j.core.realtime;
    exports io.pb4j.core.cron;
    exports io.pb4j.core.migrate;
    exports io.pb4j.core.security;

    uses io.pb4j.core.spi.StoreProvider;
    uses io.pb4j.core.spi.Plugin;
    uses io.pb4j.core.spi.ServerProvider;
    uses io.pb4j.core.spi.CollectionCheck;
    uses io.pb4j.core.migrate.Migration;
    uses io.pb4j.core.spi.FieldTypeProvider;
    uses io.pb4j.core.spi.Launcher;
}
