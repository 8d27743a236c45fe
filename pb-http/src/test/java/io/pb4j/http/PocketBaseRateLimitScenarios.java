package io.pb4j.http;

import static io.pb4j.http.PocketBaseScenarios.USER;
import static io.pb4j.http.PocketBaseScenarios.s;

import java.util.List;

/**
 * The "RateLimit rule - …" (and "RateLimit tag - …") scenarios of PocketBase v0.39.11's {@code record_crud_test.go} and
 * of its auth endpoint tests ({@code record_auth_*_test.go}: password, refresh, auth methods, OAuth2, OTP, verification,
 * password reset, email change): each enables rate limits with a
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
                    .setup(Setup.RATE_LIMIT_ANY_AUTH_REFRESH).expect("\"data\":{}"),
            s("record_auth_methods_test.go", "TestRecordAuthMethodsList", 73, "RateLimit rule - nologin:listAuthMethods", "GET", "/api/collections/nologin/auth-methods", null, null, 429)
                    .setup(Setup.RATE_LIMIT_NOLOGIN_LIST_AUTH_METHODS).expect("\"data\":{}"),
            s("record_auth_methods_test.go", "TestRecordAuthMethodsList", 89, "RateLimit rule - *:listAuthMethods", "GET", "/api/collections/nologin/auth-methods", null, null, 429)
                    .setup(Setup.RATE_LIMIT_ANY_LIST_AUTH_METHODS).expect("\"data\":{}"),
            s("record_auth_with_oauth2_test.go", "TestRecordAuthWithOAuth2", 2060, "RateLimit rule - users:authWithOAuth2", "POST", "/api/collections/users/auth-with-oauth2", null, null, 429)
                    .setup(Setup.RATE_LIMIT_USERS_AUTH_WITH_OAUTH2).expect("\"data\":{}"),
            s("record_auth_with_oauth2_test.go", "TestRecordAuthWithOAuth2", 2077, "RateLimit rule - *:authWithOAuth2", "POST", "/api/collections/users/auth-with-oauth2", null, null, 429)
                    .setup(Setup.RATE_LIMIT_ANY_AUTH_WITH_OAUTH2).expect("\"data\":{}"),
            s("record_auth_with_oauth2_test.go", "TestRecordAuthWithOAuth2", 2093, "RateLimit tag - users:auth", "POST", "/api/collections/users/auth-with-oauth2", null, null, 429)
                    .setup(Setup.RATE_LIMIT_USERS_AUTH_OAUTH2).expect("\"data\":{}"),
            s("record_auth_with_oauth2_test.go", "TestRecordAuthWithOAuth2", 2109, "RateLimit tag - *:auth", "POST", "/api/collections/users/auth-with-oauth2", null, null, 429)
                    .setup(Setup.RATE_LIMIT_ANY_AUTH).expect("\"data\":{}"),
            s("record_auth_with_otp_test.go", "TestRecordAuthWithOTP", 509, "RateLimit rule - users:authWithOTP", "POST", "/api/collections/users/auth-with-otp", null, null, 429)
                    .setup(Setup.RATE_LIMIT_USERS_AUTH_WITH_OTP).expect("\"data\":{}"),
            s("record_auth_with_otp_test.go", "TestRecordAuthWithOTP", 526, "RateLimit rule - *:authWithOTP", "POST", "/api/collections/users/auth-with-otp", null, null, 429)
                    .setup(Setup.RATE_LIMIT_ANY_AUTH_WITH_OTP).expect("\"data\":{}"),
            s("record_auth_with_otp_test.go", "TestRecordAuthWithOTP", 542, "RateLimit rule - users:auth", "POST", "/api/collections/users/auth-with-otp", null, null, 429)
                    .setup(Setup.RATE_LIMIT_USERS_AUTH_OTP).expect("\"data\":{}"),
            s("record_auth_with_otp_test.go", "TestRecordAuthWithOTP", 558, "RateLimit rule - *:auth", "POST", "/api/collections/users/auth-with-otp", null, null, 429)
                    .setup(Setup.RATE_LIMIT_ANY_AUTH).expect("\"data\":{}"),
            s("record_auth_otp_request_test.go", "TestRecordRequestOTP", 279, "RateLimit rule - users:requestOTP", "POST", "/api/collections/users/request-otp", null, "{\"email\":\"test@example.com\"}", 429)
                    .setup(Setup.RATE_LIMIT_USERS_REQUEST_OTP).expect("\"data\":{}"),
            s("record_auth_otp_request_test.go", "TestRecordRequestOTP", 296, "RateLimit rule - *:requestOTP", "POST", "/api/collections/users/request-otp", null, "{\"email\":\"test@example.com\"}", 429)
                    .setup(Setup.RATE_LIMIT_ANY_REQUEST_OTP).expect("\"data\":{}"),
            s("record_auth_verification_request_test.go", "TestRecordRequestVerification", 149, "RateLimit rule - users:requestVerification", "POST", "/api/collections/users/request-verification", null, "{\"email\":\"test@example.com\"}", 429)
                    .setup(Setup.RATE_LIMIT_USERS_REQUEST_VERIFICATION).expect("\"data\":{}"),
            s("record_auth_verification_request_test.go", "TestRecordRequestVerification", 166, "RateLimit rule - *:requestVerification", "POST", "/api/collections/users/request-verification", null, "{\"email\":\"test@example.com\"}", 429)
                    .setup(Setup.RATE_LIMIT_ANY_REQUEST_VERIFICATION).expect("\"data\":{}"),
            s("record_auth_verification_confirm_test.go", "TestRecordConfirmVerification", 299, "RateLimit rule - nologin:confirmVerification", "POST", "/api/collections/nologin/confirm-verification", null, "{\n\t\t\t\t\"token\":\"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6ImRjNDlrNmpnZWpuNDBoMyIsImV4cCI6MjUyNDYwNDQ2MSwidHlwZSI6InZlcmlmaWNhdGlvbiIsImNvbGxlY3Rpb25JZCI6ImtwdjcwOXNrMmxxYnFrOCIsImVtYWlsIjoidGVzdEBleGFtcGxlLmNvbSJ9.5GmuZr4vmwk3Cb_3ZZWNxwbE75KZC-j71xxIPR9AsVw\"\n\t\t\t}", 429)
                    .setup(Setup.RATE_LIMIT_NOLOGIN_CONFIRM_VERIFICATION).expect("\"data\":{}"),
            s("record_auth_verification_confirm_test.go", "TestRecordConfirmVerification", 318, "RateLimit rule - *:confirmVerification", "POST", "/api/collections/nologin/confirm-verification", null, "{\n\t\t\t\t\"token\":\"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6ImRjNDlrNmpnZWpuNDBoMyIsImV4cCI6MjUyNDYwNDQ2MSwidHlwZSI6InZlcmlmaWNhdGlvbiIsImNvbGxlY3Rpb25JZCI6ImtwdjcwOXNrMmxxYnFrOCIsImVtYWlsIjoidGVzdEBleGFtcGxlLmNvbSJ9.5GmuZr4vmwk3Cb_3ZZWNxwbE75KZC-j71xxIPR9AsVw\"\n\t\t\t}", 429)
                    .setup(Setup.RATE_LIMIT_ANY_CONFIRM_VERIFICATION).expect("\"data\":{}"),
            s("record_auth_password_reset_request_test.go", "TestRecordRequestPasswordReset", 132, "RateLimit rule - users:requestPasswordReset", "POST", "/api/collections/users/request-password-reset", null, "{\"email\":\"missing@example.com\"}", 429)
                    .setup(Setup.RATE_LIMIT_USERS_REQUEST_PASSWORD_RESET).expect("\"data\":{}"),
            s("record_auth_password_reset_request_test.go", "TestRecordRequestPasswordReset", 149, "RateLimit rule - *:requestPasswordReset", "POST", "/api/collections/users/request-password-reset", null, "{\"email\":\"missing@example.com\"}", 429)
                    .setup(Setup.RATE_LIMIT_ANY_REQUEST_PASSWORD_RESET).expect("\"data\":{}"),
            s("record_auth_password_reset_confirm_test.go", "TestRecordConfirmPasswordReset", 349, "RateLimit rule - users:confirmPasswordReset", "POST", "/api/collections/users/confirm-password-reset", null, "{\n\t\t\t\t\"token\":\"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsImV4cCI6MjUyNDYwNDQ2MSwidHlwZSI6InBhc3N3b3JkUmVzZXQiLCJjb2xsZWN0aW9uSWQiOiJfcGJfdXNlcnNfYXV0aF8iLCJlbWFpbCI6InRlc3RAZXhhbXBsZS5jb20ifQ.xR-xq1oHDy0D8Q4NDOAEyYKGHWd_swzoiSoL8FLFBHY\",\n\t\t\t\t\"password\":\"1234567!\",\n\t\t\t\t\"passwordConfirm\":\"1234567!\"\n\t\t\t}", 429)
                    .setup(Setup.RATE_LIMIT_USERS_CONFIRM_PASSWORD_RESET).expect("\"data\":{}"),
            s("record_auth_password_reset_confirm_test.go", "TestRecordConfirmPasswordReset", 370, "RateLimit rule - *:confirmPasswordReset", "POST", "/api/collections/users/confirm-password-reset", null, "{\n\t\t\t\t\"token\":\"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsImV4cCI6MjUyNDYwNDQ2MSwidHlwZSI6InBhc3N3b3JkUmVzZXQiLCJjb2xsZWN0aW9uSWQiOiJfcGJfdXNlcnNfYXV0aF8iLCJlbWFpbCI6InRlc3RAZXhhbXBsZS5jb20ifQ.xR-xq1oHDy0D8Q4NDOAEyYKGHWd_swzoiSoL8FLFBHY\",\n\t\t\t\t\"password\":\"1234567!\",\n\t\t\t\t\"passwordConfirm\":\"1234567!\"\n\t\t\t}", 429)
                    .setup(Setup.RATE_LIMIT_ANY_CONFIRM_PASSWORD_RESET).expect("\"data\":{}"),
            s("record_auth_email_change_request_test.go", "TestRecordRequestEmailChange", 152, "RateLimit rule - users:requestEmailChange", "POST", "/api/collections/users/request-email-change", USER, "{\"newEmail\":\"change@example.com\"}", 429)
                    .setup(Setup.RATE_LIMIT_USERS_REQUEST_EMAIL_CHANGE).expect("\"data\":{}"),
            s("record_auth_email_change_request_test.go", "TestRecordRequestEmailChange", 172, "RateLimit rule - *:requestEmailChange", "POST", "/api/collections/users/request-email-change", USER, "{\"newEmail\":\"change@example.com\"}", 429)
                    .setup(Setup.RATE_LIMIT_ANY_REQUEST_EMAIL_CHANGE).expect("\"data\":{}"),
            s("record_auth_email_change_confirm_test.go", "TestRecordConfirmEmailChange", 207, "RateLimit rule - users:confirmEmailChange", "POST", "/api/collections/users/confirm-email-change", null, "{\n\t\t\t\t\"token\":\"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsImNvbGxlY3Rpb25JZCI6Il9wYl91c2Vyc19hdXRoXyIsInR5cGUiOiJlbWFpbENoYW5nZSIsImVtYWlsIjoidGVzdEBleGFtcGxlLmNvbSIsIm5ld0VtYWlsIjoiY2hhbmdlQGV4YW1wbGUuY29tIiwiZXhwIjoyNTI0NjA0NDYxfQ.Y7mVlaEPhJiNPoIvIqbIosZU4c4lEhwysOrRR8c95iU\",\n\t\t\t\t\"password\":\"1234567890\"\n\t\t\t}", 429)
                    .setup(Setup.RATE_LIMIT_USERS_CONFIRM_EMAIL_CHANGE).expect("\"data\":{}"),
            s("record_auth_email_change_confirm_test.go", "TestRecordConfirmEmailChange", 227, "RateLimit rule - *:confirmEmailChange", "POST", "/api/collections/users/confirm-email-change", null, "{\n\t\t\t\t\"token\":\"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsImNvbGxlY3Rpb25JZCI6Il9wYl91c2Vyc19hdXRoXyIsInR5cGUiOiJlbWFpbENoYW5nZSIsImVtYWlsIjoidGVzdEBleGFtcGxlLmNvbSIsIm5ld0VtYWlsIjoiY2hhbmdlQGV4YW1wbGUuY29tIiwiZXhwIjoyNTI0NjA0NDYxfQ.Y7mVlaEPhJiNPoIvIqbIosZU4c4lEhwysOrRR8c95iU\",\n\t\t\t\t\"password\":\"1234567890\"\n\t\t\t}", 429)
                    .setup(Setup.RATE_LIMIT_ANY_CONFIRM_EMAIL_CHANGE).expect("\"data\":{}"));
}
