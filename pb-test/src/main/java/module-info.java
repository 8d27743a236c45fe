/**
 * pb4j's test kit, PocketBase's {@code tests} package for Java apps: {@link io.pb4j.test.TestApp} (a throwaway app on a
 * temporary copy of a data dir, served on 127.0.0.1, counting every hook call) and {@link io.pb4j.test.ApiScenario}
 * (one request with its expected status, body fragments and hook calls, read as named steps). Add it in test scope,
 * with the pb4j modules the app runs on (pb-store-sqlite, pb-http, pb-auth …).
 */
module io.pb4j.test {
    requires transitive io.pb4j.core;
    requires transitive java.net.http;
    requires jakarta.json;

    exports io.pb4j.test;
}
