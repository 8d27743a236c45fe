import io.pb4j.core.PocketBase;
import java.nio.file.Path;

/**
 * The server the harness measures when there is no jlink image: exactly what an application does. Runs in its own
 * JVM on the module path. Arguments: data dir, superuser email, superuser password. Prints one line
 * {@code ready port=N bootstrapMs=B upsertMs=U} once the server is listening, then serves until SIGTERM.
 */
public final class BenchServer {
    public static void main(String[] args) throws InterruptedException {
        var app = PocketBase.create(cfg -> cfg.dataDir(Path.of(args[0])));
        Runtime.getRuntime().addShutdownHook(new Thread(app::close));
        long t0 = System.nanoTime();
        app.bootstrap();
        long bootstrapMs = (System.nanoTime() - t0) / 1_000_000;
        t0 = System.nanoTime();
        app.superusers().upsert(args[1], args[2]);
        long upsertMs = (System.nanoTime() - t0) / 1_000_000;
        int port = app.serve("127.0.0.1", 0);
        System.out.println("ready port=" + port + " bootstrapMs=" + bootstrapMs + " upsertMs=" + upsertMs);
        System.out.flush();
        app.awaitShutdown();
    }
}
