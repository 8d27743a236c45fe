package io.pb4j.cli;

import java.io.PrintStream;

/**
 * {@code pb4j migrate-store}: pb-store-postgres' {@code StoreMigration}, when that module is in the image (an image
 * without it says so instead).
 */
final class StoreMigrationCommand {
    private static final String MODULE = "io.pb4j.store.postgres";

    private StoreMigrationCommand() {
    }

    static boolean run(Invocation.MigrateStore cmd, PrintStream out, PrintStream err) {
        if (ModuleLayer.boot().findModule(MODULE).isEmpty()
                && StoreMigrationCommand.class.getModule().isNamed()) {
            err.println("Error: this pb4j has no PostgreSQL store (the module " + MODULE + " is not in the image)");
            return false;
        }
        try {
            var report = io.pb4j.store.postgres.StoreMigration.copy(cmd.from(), cmd.to());
            for (var t : report.tables()) {
                out.printf("%-32s %10d rows (SQLite %d)%n", t.name(), t.copiedRows(), t.sourceRows());
            }
            if (!report.views().isEmpty()) {
                out.println("views: " + String.join(", ", report.views()));
            }
            out.println("Copied " + report.tables().size() + " tables, " + report.rows() + " rows into PostgreSQL; "
                    + "every row count verified. Serve it with: pb4j serve --db=<the same URL> --dir=" + cmd.from());
            return true;
        } catch (RuntimeException e) {
            err.println("Error: " + e.getMessage());
            return false;
        }
    }
}
