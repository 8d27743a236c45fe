package io.pb4j.cli;

import io.pb4j.core.Collection;
import io.pb4j.core.PocketBase;
import io.pb4j.core.migrate.Migrations;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code pb4j migrate}, PocketBase's migratecmd plugin: {@code up} (the default), {@code down [N]} (after a yes on
 * stdin), {@code create NAME} and {@code collections} (after a yes on stdin; they write a Java migration source into
 * the migrations dir) and {@code history-sync}. Messages as PocketBase prints them; a failure is thrown for
 * {@link Main} to print as {@code Error: ...} and exit 1.
 */
final class MigrateCommand {
    private final PocketBase app;
    private final Path dir;
    private final PrintStream out;
    private final PrintStream err;
    private final BufferedReader in;

    MigrateCommand(PocketBase app, Path dir, PrintStream out, PrintStream err, BufferedReader in) {
        this.app = app;
        this.dir = dir;
        this.out = out;
        this.err = err;
        this.in = in;
    }

    void run(List<String> args) {
        String cmd = args.isEmpty() ? "" : args.getFirst();
        List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        Migrations migrations = app.migrations();
        switch (cmd) {
            case "create" -> create(rest, MigrationTemplates.blank());
            case "collections" -> {
                List<Collection> all = app.collections().stream().sorted(Comparator.comparing(Collection::created)).toList();
                create(prepend("collections_snapshot", rest), MigrationTemplates.snapshot(all));
            }
            case "", "up" -> {
                List<String> applied = migrations.up();
                if (applied.isEmpty()) {
                    out.println("No new migrations to apply.");
                }
                applied.forEach(file -> out.println("Applied " + file));
            }
            case "down" -> down(migrations, rest);
            case "history-sync" -> {
                migrations.historySync();
                out.println("The _migrations table was synced with the available migrations.");
            }
            default -> throw new IllegalArgumentException("unsupported command: " + Main.quote(cmd));
        }
    }

    private void down(Migrations migrations, List<String> rest) {
        int count = 1;
        if (!rest.isEmpty()) {
            count = toInt(rest.getFirst());
            if (count < 0) {
                count = migrations.list().size(); // all of them
            }
        }
        List<String> names = migrations.lastApplied(count);
        if (!confirm("\n" + String.join("\n", names) + "\nDo you really want to revert the last " + count
                + " applied migration(s)?")) {
            out.println("The command has been cancelled");
            return;
        }
        List<String> reverted = migrations.down(count);
        if (reverted.isEmpty()) {
            out.println("No migrations to revert.");
        }
        reverted.forEach(file -> out.println("Reverted " + file));
    }

    private void create(List<String> args, MigrationTemplates.Body body) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("missing migration file name");
        }
        var source = MigrationTemplates.named(System.currentTimeMillis() / 1000, io.pb4j.core.Inflector.snakecase(args.getFirst()),
                dir, body);
        Path target = dir.resolve(source.fileName());
        if (!confirm("Do you really want to create migration " + Main.quote(target.toString()) + "?")) {
            out.println("The command has been cancelled");
            return;
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(target, source.text());
        } catch (IOException e) {
            throw new UncheckedIOException("failed to save migration file " + Main.quote(target.toString()) + ": "
                    + e.getMessage(), e);
        }
        out.println("Successfully created file " + Main.quote(target.toString()));
    }

    /** PocketBase's yes/no prompt on stderr, default no; asks again on anything but y, yes, n, no or an empty line. */
    private boolean confirm(String message) {
        while (true) {
            err.print(message + " (y/N) ");
            err.flush();
            String answer;
            try {
                answer = in.readLine();
            } catch (IOException e) {
                answer = null;
            }
            if (answer == null) {
                return false; // no input at all (closed stdin): the default
            }
            switch (answer.strip().toLowerCase(Locale.ROOT)) {
                case "" , "n", "no" -> {
                    return false;
                }
                case "y", "yes" -> {
                    return true;
                }
                default -> {
                    // ask again
                }
            }
        }
    }

    /** As Go's cast.ToInt: a number, else 0. */
    private static int toInt(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static List<String> prepend(String first, List<String> rest) {
        var all = new java.util.ArrayList<String>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
