package io.pb4j.example.hello;

import io.pb4j.core.PocketBase;
import jakarta.json.Json;
import java.nio.file.Path;

/**
 * PocketBase's framework example in Java: create the app, add a route when it serves, start it.
 *
 * <pre>java --module-path … -m io.pb4j.example.hello/io.pb4j.example.hello.HelloApp [pb_data]</pre>
 */
public final class HelloApp {
    private HelloApp() {
    }

    public static void main(String[] args) {
        PocketBase app = start(Path.of(args.length > 0 ? args[0] : "pb_data"), "127.0.0.1", 8090);
        System.out.println("Hello app at http://127.0.0.1:8090/api/hello");
        Runtime.getRuntime().addShutdownHook(new Thread(app::close));
        app.awaitShutdown();
    }

    /** Starts the app and returns it serving (port 0 picks a free port; see {@code app.serve}). */
    static PocketBase start(Path dataDir, String host, int port) {
        PocketBase app = PocketBase.create(cfg -> cfg.dataDir(dataDir));

        app.onServe().bind(se -> {
            se.router().get("/api/hello", e -> e.json(200, Json.createObjectBuilder().add("message", "Hello world!").build()));
            se.next();
        });

        app.bootstrap();
        app.serve(host, port);
        return app;
    }
}
