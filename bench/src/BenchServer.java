import io.pb4j.core.PocketBase;
import jakarta.json.Json;
import java.nio.file.Path;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The server the harness measures when there is no jlink image: exactly what an application does. Runs in its own
 * JVM on the module path. Arguments: data dir, superuser email, superuser password, and {@code --dev} or "" (print
 * every SQL statement as {@code [sql] …}, like {@code pb4j serve --dev}). Prints one line
 * {@code ready port=N bootstrapMs=B upsertMs=U} once the server is listening, then serves until SIGTERM.
 */
public final class BenchServer {
    private static final Logger SQL = Logger.getLogger("io.pb4j.sql");

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 3 && args[3].equals("--dev")) {
            printSql();
        }
        // args() with none: only the environment's PB4J_DB (bench --db=postgres://…) can pick a store
        var app = PocketBase.create(cfg -> cfg.args().dataDir(Path.of(args[0])));
        Runtime.getRuntime().addShutdownHook(new Thread(app::close));
        long t0 = System.nanoTime();
        app.bootstrap();
        long bootstrapMs = (System.nanoTime() - t0) / 1_000_000;
        t0 = System.nanoTime();
        app.superusers().upsert(args[1], args[2]);
        long upsertMs = (System.nanoTime() - t0) / 1_000_000;
        // lets the basic suite switch request logging without PocketBase's settings API (PATCH /api/settings)
        app.onServe().bind(se -> {
            se.router().post("/bench/logs-max-days/{days}", e -> {
                var settings = e.app().settings();
                var logs = Json.createObjectBuilder(settings.getJsonObject("logs"))
                        .add("maxDays", Integer.parseInt(e.pathParam("days")));
                e.app().saveSettings(Json.createObjectBuilder(settings).add("logs", logs).build());
                e.noContent();
            });
            // the log writer's own CPU per entry (its thread's CPU clock), for --suite=cost
            se.router().post("/bench/log-writer-cost/{n}", e -> {
                e.string(200, LogWriterCost.measure(e.app(), Integer.parseInt(e.pathParam("n"))).toString());
            });
            // writes every queued log entry now, so that a measured cell holds exactly its own entries' writes
            se.router().post("/bench/logs-flush", e -> {
                e.app().logs().flush();
                e.noContent();
            });
            se.next();
        });
        int port = app.serve("127.0.0.1", 0);
        System.out.println("ready port=" + port + " bootstrapMs=" + bootstrapMs + " upsertMs=" + upsertMs);
        System.out.flush();
        app.awaitShutdown();
    }

    private static void printSql() {
        ConsoleHandler console = new ConsoleHandler() {
            {
                setOutputStream(System.out);
            }
        };
        console.setLevel(Level.FINE);
        console.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord r) {
                return "[sql] " + r.getMessage() + System.lineSeparator();
            }
        });
        SQL.setLevel(Level.FINE);
        SQL.setUseParentHandlers(false);
        SQL.addHandler(console);
    }
}
