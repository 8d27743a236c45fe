/**
 * Application migrations, PocketBase's {@code core.AppMigrations} and migrations runner: {@link
 * io.pb4j.core.migrate.Migration}s found with {@link java.util.ServiceLoader} or registered in code, applied in
 * order of their names and recorded in the {@code _migrations} table.
 */
package io.pb4j.core.migrate;
