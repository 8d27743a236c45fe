package io.pb4j.http;

import static io.pb4j.http.PocketBaseScenarios.USER;
import static io.pb4j.http.PocketBaseScenarios.s;

import java.util.List;

/**
 * The "RateLimit rule - …" scenarios of PocketBase v0.39.11's {@code record_crud_test.go},
 * {@code record_auth_with_password_test.go} and {@code record_auth_refresh_test.go}: each enables rate limits with a
 * rule of 0 requests under the label the request must match (the {@code RATE_LIMIT_*} {@link Setup}s) and expects 429.
 * PocketBase's {@code middlewares_rate_limit_test.go} (timed sequences, not scenario tables) is ported as
 * {@link RateLimitMiddlewareTest}.
 */
final class PocketBaseRateLimitScenarios {
    private PocketBaseRateLimitScenarios() {
    }

    private static final String CRUD = "record_crud_test.go";
    private static final String PASSWORD = "record_auth_with_password_test.go";
    private static final String REFRESH = "record_auth_refresh_test.go";

    static final List<PbScenario> PORTED = List.of(
            s(CRUD, "TestRecordCrudList", 731, "RateLimit rule - view2:list", "GET", "/api/collections/view2/records", null, null, 429)
                    .setup(Setup.RATE_LIMIT_VIEW2_LIST).expect("\"data\":{}"),
            s(CRUD, "TestRecordCrudList", 747, "RateLimit rule - *:list", "GET", "/api/collections/view2/records", null, null, 429)
                    .setup(Setup.RATE_LIMIT_ANY_LIST).expect("\"data\":{}"),
            s(CRUD, "TestRecordCrudView", 1130, "RateLimit rule - numeric_id_view:view", "GET", "/api/collections/numeric_id_view/records/1", null, null, 429)
                    .setup(Setup.RATE_LIMIT_NUMERIC_ID_VIEW_VIEW).expect("\"data\":{}"),
            s(CRUD, "TestRecordCrudView", 1146, "RateLimit rule - *:view", "GET", "/api/collections/numeric_id_view/records/1", null, null, 429)
                    .setup(Setup.RATE_LIMIT_ANY_VIEW).expect("\"data\":{}"),
            s(CRUD, "TestRecordCrudDelete", 1472, "RateLimit rule - demo5:delete", "DELETE", "/api/collections/demo5/records/la4y2w4o98acwuj?test=1", null, null, 429)
                    .setup(Setup.RATE_LIMIT_DEMO5_DELETE).expect("\"data\":{}"),
            s(CRUD, "TestRecordCrudDelete", 1488, "RateLimit rule - *:delete", "DELETE", "/api/collections/demo5/records/la4y2w4o98acwuj?test=1", null, null, 429)
                    .setup(Setup.RATE_LIMIT_ANY_DELETE).expect("\"data\":{}"),
            s(CRUD, "TestRecordCrudCreate", 2410, "RateLimit rule - demo2:create", "POST", "/api/collections/demo2/records", null, "{\"title\":\"new\"}", 429)
                    .setup(Setup.RATE_LIMIT_DEMO2_CREATE).expect("\"data\":{}"),
            s(CRUD, "TestRecordCrudCreate", 2427, "RateLimit rule - *:create", "POST", "/api/collections/demo2/records", null, "{\"title\":\"new\"}", 429)
                    .setup(Setup.RATE_LIMIT_ANY_CREATE).expect("\"data\":{}"),
            s(CRUD, "TestRecordCrudUpdate", 3503, "RateLimit rule - demo2:update", "PATCH", "/api/collections/demo2/records/0yxhwia2amd8gec", null, "{\"title\":\"new\"}", 429)
                    .setup(Setup.RATE_LIMIT_DEMO2_UPDATE).expect("\"data\":{}"),
            s(CRUD, "TestRecordCrudUpdate", 3520, "RateLimit rule - *:update", "PATCH", "/api/collections/demo2/records/0yxhwia2amd8gec", null, "{\"title\":\"new\"}", 429)
                    .setup(Setup.RATE_LIMIT_ANY_UPDATE).expect("\"data\":{}"),
            s(PASSWORD, "TestRecordAuthWithPassword", 695, "RateLimit rule - users:authWithPassword", "POST", "/api/collections/users/auth-with-password", null, null, 429)
                    .setup(Setup.RATE_LIMIT_USERS_AUTH_WITH_PASSWORD).expect("\"data\":{}"),
            s(PASSWORD, "TestRecordAuthWithPassword", 712, "RateLimit rule - *:authWithPassword", "POST", "/api/collections/users/auth-with-password", null, null, 429)
                    .setup(Setup.RATE_LIMIT_ANY_AUTH_WITH_PASSWORD).expect("\"data\":{}"),
            s(PASSWORD, "TestRecordAuthWithPassword", 728, "RateLimit rule - users:auth", "POST", "/api/collections/users/auth-with-password", null, null, 429)
                    .setup(Setup.RATE_LIMIT_USERS_AUTH).expect("\"data\":{}"),
            s(PASSWORD, "TestRecordAuthWithPassword", 744, "RateLimit rule - *:auth", "POST", "/api/collections/users/auth-with-password", null, null, 429)
                    .setup(Setup.RATE_LIMIT_ANY_AUTH).expect("\"data\":{}"),
            s(REFRESH, "TestRecordAuthRefresh", 174, "RateLimit rule - users:authRefresh", "POST", "/api/collections/users/auth-refresh", USER, null, 429)
                    .setup(Setup.RATE_LIMIT_USERS_AUTH_REFRESH).expect("\"data\":{}"),
            s(REFRESH, "TestRecordAuthRefresh", 193, "RateLimit rule - *:authRefresh", "POST", "/api/collections/users/auth-refresh", USER, null, 429)
                    .setup(Setup.RATE_LIMIT_ANY_AUTH_REFRESH).expect("\"data\":{}"));
}
