package io.pb4j.http;

/** Signs in through the API. */
final class AuthLogin {
    private AuthLogin() {
    }

    static String token(TestServer server, String collection, String identity, String password) {
        String body = server.expect("POST", "/api/collections/" + collection + "/auth-with-password", null,
                "{\"identity\":\"" + identity + "\",\"password\":\"" + password + "\"}", 200);
        return CollectionsApiTest.json(body).getString("token");
    }
}
