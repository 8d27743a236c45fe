package io.pb4j.example.minimal;

import io.pb4j.core.Collection;
import io.pb4j.core.PocketBase;
import io.pb4j.core.field.TextField;
import java.nio.file.Path;
import java.util.List;

/**
 * A public notes API without any sign-in: the collection is created in Java at bootstrap (there is no superuser
 * API without pb-auth) and its rules let everyone list, view and create.
 */
public final class MinimalApp {
    private MinimalApp() {
    }

    public static void main(String[] args) {
        PocketBase app = start(Path.of(args.length > 0 ? args[0] : "pb_data"), "127.0.0.1", 8090);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close));
        app.awaitShutdown();
    }

    static PocketBase start(Path dataDir, String host, int port) {
        PocketBase app = PocketBase.create(cfg -> cfg.dataDir(dataDir));
        app.bootstrap();
        if (app.findCollection("notes").isEmpty()) {
            app.save(Collection.builder().name("notes").type(Collection.BASE).listRule("").viewRule("").createRule("")
                    .fields(List.of(TextField.primaryKeyField(), TextField.builder("text").required(true).build()))
                    .build());
        }
        app.serve(host, port);
        return app;
    }
}
