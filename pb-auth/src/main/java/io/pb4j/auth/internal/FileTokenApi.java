package io.pb4j.auth.internal;

import io.pb4j.core.ApiException;
import io.pb4j.core.FileTokenRequestEvent;
import io.pb4j.core.Record;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.router.Router;
import java.util.Map;

/**
 * {@code POST /api/files/token} (PocketBase's {@code apis/file.go}): any authenticated record gets a short-lived
 * {@code file} token (its collection's {@code fileToken} secret and duration, 180 s by default) for protected files
 * and backup downloads, through the {@code onFileTokenRequest} hook. Guests get 401.
 */
final class FileTokenApi {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private FileTokenApi() {
    }

    static void bind(Router router) {
        router.post("/api/files/token", FileTokenApi::fileToken);
    }

    private static void fileToken(RequestEvent e) {
        Record auth = e.auth().orElseThrow(
                () -> ApiException.unauthorized("The request requires valid record authorization token."));
        String token = AuthTokens.newRecordToken(auth, TokenType.FILE, Map.of());
        FileTokenRequestEvent event = new FileTokenRequestEvent(e, auth, token);
        e.app().onFileTokenRequest().trigger(event,
                ev -> ev.request().json(200, JSON.createObjectBuilder().add("token", ev.token()).build()));
    }
}
