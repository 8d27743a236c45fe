package io.pb4j.http;

import static io.pb4j.http.PocketBaseScenarios.SUPERUSER;
import static io.pb4j.http.PocketBaseScenarios.USER;
import static io.pb4j.http.PocketBaseScenarios.s;

import java.util.List;

/**
 * PocketBase's {@code apis/logs_test.go} (list, view, stats), ported as data. {@code tests.StubLogsData} is
 * {@link Setup#STUB_LOGS}: the two request entries it writes replace whatever {@code _logs} holds. The filter
 * {@code data.status>200} is sent as {@code data.status%3E200}: Java's URI refuses a raw {@code >}; the server
 * decodes both alike.
 */
final class PocketBaseLogsScenarios {
    private PocketBaseLogsScenarios() {
    }

    private static final String FILE = "logs_test.go";
    private static final String EXISTING = "873f2133-9f38-44fb-bf82-c8f53b310d91";

    static final List<PbScenario> PORTED = List.of(
            s(FILE, "TestLogsList", 16, "unauthorized", "GET", "/api/logs", null, null, 401)
                    .expect("\"data\":{}"),
            s(FILE, "TestLogsList", 24, "authorized as regular user", "GET", "/api/logs", USER, null, 403)
                    .expect("\"data\":{}"),
            s(FILE, "TestLogsList", 35, "authorized as superuser", "GET", "/api/logs", SUPERUSER, null, 200)
                    .setup(Setup.STUB_LOGS)
                    .expect("\"page\":1", "\"perPage\":30", "\"totalItems\":2", "\"items\":[{",
                            "\"id\":\"" + EXISTING + "\"", "\"id\":\"f2133873-44fb-9f38-bf82-c918f53b310d\""),
            s(FILE, "TestLogsList", 58, "authorized as superuser + filter", "GET", "/api/logs?filter=data.status%3E200", SUPERUSER, null, 200)
                    .setup(Setup.STUB_LOGS)
                    .expect("\"page\":1", "\"perPage\":30", "\"totalItems\":1", "\"items\":[{",
                            "\"id\":\"f2133873-44fb-9f38-bf82-c918f53b310d\""),
            s(FILE, "TestLogView", 91, "unauthorized", "GET", "/api/logs/" + EXISTING, null, null, 401)
                    .expect("\"data\":{}"),
            s(FILE, "TestLogView", 99, "authorized as regular user", "GET", "/api/logs/" + EXISTING, USER, null, 403)
                    .expect("\"data\":{}"),
            s(FILE, "TestLogView", 110, "authorized as superuser (nonexisting request log)", "GET",
                    "/api/logs/missing1-9f38-44fb-bf82-c8f53b310d91", SUPERUSER, null, 404)
                    .setup(Setup.STUB_LOGS)
                    .expect("\"data\":{}"),
            s(FILE, "TestLogView", 126, "authorized as superuser (existing request log)", "GET", "/api/logs/" + EXISTING, SUPERUSER, null, 200)
                    .setup(Setup.STUB_LOGS)
                    .expect("\"id\":\"" + EXISTING + "\""),
            s(FILE, "TestLogsStats", 155, "unauthorized", "GET", "/api/logs/stats", null, null, 401)
                    .expect("\"data\":{}"),
            s(FILE, "TestLogsStats", 163, "authorized as regular user", "GET", "/api/logs/stats", USER, null, 403)
                    .expect("\"data\":{}"),
            s(FILE, "TestLogsStats", 174, "authorized as superuser", "GET", "/api/logs/stats", SUPERUSER, null, 200)
                    .setup(Setup.STUB_LOGS)
                    .expect("[{\"date\":\"2022-05-01 10:00:00.000Z\",\"total\":1},{\"date\":\"2022-05-02 10:00:00.000Z\",\"total\":1}]"),
            s(FILE, "TestLogsStats", 191, "authorized as superuser + filter", "GET", "/api/logs/stats?filter=data.status%3E200", SUPERUSER, null, 200)
                    .setup(Setup.STUB_LOGS)
                    .expect("[{\"date\":\"2022-05-02 10:00:00.000Z\",\"total\":1}]"));

    static final List<PbScenario.Skipped> SKIPPED = List.of();

    /** PocketBase's {@code tests.StubLogsData}, written straight into {@code auxiliary.db}. */
    static void stubLogs(TestServer server) {
        server.app.logs().flush();
        server.app.store().writeAuxiliary(s -> {
            s.execute("DELETE FROM _logs WHERE 1 = 1", List.of());
            s.execute("INSERT INTO _logs (id, level, message, data, created) VALUES (?, 0, 'test_message1', '{\"status\":200}', ?), "
                    + "(?, 8, 'test_message2', '{\"status\":400}', ?)",
                    List.of(EXISTING, "2022-05-01 10:00:00.123Z", "f2133873-44fb-9f38-bf82-c918f53b310d", "2022-05-02 10:00:00.123Z"));
            return null;
        });
    }
}
