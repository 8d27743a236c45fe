package io.pb4j.example.hello;

import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import jakarta.json.Json;
import java.util.Map;

/**
 * PocketBase's framework example in Java: create the app from the command line, add a route when it serves, add a
 * command of its own, start it. Run it as pb4j runs:
 *
 * <pre>
 * java --module-path target/classes:DEPENDENCIES -m io.pb4j.example.hello/io.pb4j.example.hello.HelloApp serve
 * java ... -m io.pb4j.example.hello/io.pb4j.example.hello.HelloApp superuser upsert me@example.com 1234567890
 * java ... -m io.pb4j.example.hello/io.pb4j.example.hello.HelloApp greet --dir=pb_data
 * </pre>
 */
public final class HelloApp {
    private HelloApp() {
    }

    public static void main(String[] args) {
        int status = create(args).start(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** The app, configured by the command line's {@code --dir}, {@code --dev} …, with its route and command. */
    static PocketBase create(String... args) {
        PocketBase app = PocketBase.create(cfg -> cfg.args(args));

        app.onServe().bind(se -> {
            se.router().get("/api/hello", e -> e.json(200, Json.createObjectBuilder().add("message", "Hello world!").build()));
            // a custom login: the app API instead of SQL, and a token the SDK accepts
            se.router().post("/api/hello/login", e -> {
                var body = Json.createReader(new java.io.ByteArrayInputStream(e.body())).readObject();
                Record user = e.app().findAuthRecordByEmail("users", body.getString("email", ""))
                        .filter(u -> u.validatePassword(body.getString("password", "")))
                        .orElseThrow(() -> io.pb4j.core.ApiException.badRequest("Invalid login credentials."));
                e.json(200, Json.createObjectBuilder().add("token", user.newAuthToken()).add("id", user.id()).build());
            });
            se.next();
        });

        app.rootCommand().add("greet", "Greets every user", (a, rest) -> a.findRecordsByFilter("users", "verified = {:v}",
                "email", 0, 0, Map.of("v", false)).forEach(u -> System.out.println("Hello " + u.email())));
        return app;
    }
}
